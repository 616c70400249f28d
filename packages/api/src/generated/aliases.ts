/**
 * This file was generated from spec/openapi.yaml by tools/codegen. Do not edit it by hand:
 * change the spec and run `pnpm gen`.
 */
import type { components, operations } from "./schema.js";

/** The envelope of a response whose status is success. */
export type SuccessEnvelope = components["schemas"]["SuccessEnvelope"];
/** The envelope of a response whose status is error. Batch operations still list each item in `data` with its own status; whole-request failures (non-2xx) list the HTTP status in `errors`. */
export type ErrorEnvelope = components["schemas"]["ErrorEnvelope"];
/** Attach the volume given by the UUID in the path to an instance. */
export type AttachVolumeByUUIDRequestBody = components["schemas"]["AttachVolumeByUUIDRequestBody"];
export type AttachVolumesRequest = components["schemas"]["AttachVolumesRequest"];
/** UUID or name of the instance to attach the volume to (exactly one of them). */
export type AttachVolumesRequestInstanceID = components["schemas"]["AttachVolumesRequestInstanceID"];
/** Response of attachVolumes and attachVolume. */
export type AttachVolumesResponse = components["schemas"]["AttachVolumesResponse"];
export type AttachVolumesResponseAttachedVolume = components["schemas"]["AttachVolumesResponseAttachedVolume"];
export type AttachVolumesResponseData = components["schemas"]["AttachVolumesResponseData"];
export type AutoscalePolicy = components["schemas"]["AutoscalePolicy"];
export type AutoscalePolicyStep = components["schemas"]["AutoscalePolicyStep"];
/** UUID or name of the instance to detach the volume from (exactly one of them). */
export type BodyInstanceID = components["schemas"]["BodyInstanceID"];
export type Certificate = components["schemas"]["Certificate"];
/** How the instances of an autoscale configuration are created, either from an instance template (`template`) or from a ROM (`roms`). No other instance-creation arguments are accepted. */
export type ConfigurationInstanceCreateArgs = components["schemas"]["ConfigurationInstanceCreateArgs"];
/** Create the autoscale configuration of the service group given by the UUID in the path. */
export type CreateAutoscaleConfigurationByServiceGroupUUIDRequest = components["schemas"]["CreateAutoscaleConfigurationByServiceGroupUUIDRequest"];
/** The arguments used to create the instances of an autoscale configuration (by-UUID form). Same object as ConfigurationInstanceCreateArgs. */
export type CreateAutoscaleConfigurationByServiceGroupUUIDRequestInstanceCreateArgs = components["schemas"]["CreateAutoscaleConfigurationByServiceGroupUUIDRequestInstanceCreateArgs"];
export type CreateAutoscaleConfigurationPolicyRequest = components["schemas"]["CreateAutoscaleConfigurationPolicyRequest"];
/** Response of createAutoscalePolicy. */
export type CreateAutoscaleConfigurationPolicyResponse = components["schemas"]["CreateAutoscaleConfigurationPolicyResponse"];
export type CreateAutoscaleConfigurationPolicyResponseData = components["schemas"]["CreateAutoscaleConfigurationPolicyResponseData"];
export type CreateAutoscaleConfigurationPolicyResponsePolicy = components["schemas"]["CreateAutoscaleConfigurationPolicyResponsePolicy"];
export type CreateAutoscaleConfigurationsRequestConfiguration = components["schemas"]["CreateAutoscaleConfigurationsRequestConfiguration"];
/** Response of createAutoscaleConfigurations and createAutoscaleConfiguration. */
export type CreateAutoscaleConfigurationsResponse = components["schemas"]["CreateAutoscaleConfigurationsResponse"];
export type CreateAutoscaleConfigurationsResponseConfigurationsResponse = components["schemas"]["CreateAutoscaleConfigurationsResponseConfigurationsResponse"];
export type CreateAutoscaleConfigurationsResponseData = components["schemas"]["CreateAutoscaleConfigurationsResponseData"];
/** Upload a TLS certificate (its chain and private key in PEM) for use by service group domains. */
export type CreateCertificateRequest = components["schemas"]["CreateCertificateRequest"];
export type CreateCertificateResponse = components["schemas"]["CreateCertificateResponse"];
export type CreateCertificateResponseData = components["schemas"]["CreateCertificateResponseData"];
export type CreateInstanceRequest = components["schemas"]["CreateInstanceRequest"];
/** A domain of the ephemeral service group created with an instance. */
export type CreateInstanceRequestDomain = components["schemas"]["CreateInstanceRequestDomain"];
/** The service group of a new instance, an existing (persistent) one referenced by UUID or by name, or a new (ephemeral) one given by its services and optional domains. */
export type CreateInstanceRequestServiceGroup = components["schemas"]["CreateInstanceRequestServiceGroup"];
export type CreateInstanceRequestVolume = components["schemas"]["CreateInstanceRequestVolume"];
export type CreateInstanceResponse = components["schemas"]["CreateInstanceResponse"];
export type CreateInstanceResponseData = components["schemas"]["CreateInstanceResponseData"];
export type CreateServiceGroupRequest = components["schemas"]["CreateServiceGroupRequest"];
export type CreateServiceGroupRequestDomain = components["schemas"]["CreateServiceGroupRequestDomain"];
export type CreateServiceGroupResponse = components["schemas"]["CreateServiceGroupResponse"];
export type CreateServiceGroupResponseData = components["schemas"]["CreateServiceGroupResponseData"];
/** Create a persistent volume. */
export type CreateVolumeRequest = components["schemas"]["CreateVolumeRequest"];
/** Response of createVolume. */
export type CreateVolumeResponse = components["schemas"]["CreateVolumeResponse"];
export type CreateVolumeResponseData = components["schemas"]["CreateVolumeResponseData"];
export type CreateVolumeResponseVolume = components["schemas"]["CreateVolumeResponseVolume"];
/** Response of deleting autoscale policies of a service group. */
export type DeleteAutoscaleConfigurationPolicyResponse = components["schemas"]["DeleteAutoscaleConfigurationPolicyResponse"];
export type DeleteAutoscaleConfigurationPolicyResponseData = components["schemas"]["DeleteAutoscaleConfigurationPolicyResponseData"];
export type DeleteAutoscaleConfigurationPolicyResponsePoliciesResponse = components["schemas"]["DeleteAutoscaleConfigurationPolicyResponsePoliciesResponse"];
/** Response of deleting the autoscale configuration(s) of service group(s). */
export type DeleteAutoscaleConfigurationsResponse = components["schemas"]["DeleteAutoscaleConfigurationsResponse"];
export type DeleteAutoscaleConfigurationsResponseData = components["schemas"]["DeleteAutoscaleConfigurationsResponseData"];
export type DeleteAutoscaleConfigurationsResponseServiceGroup = components["schemas"]["DeleteAutoscaleConfigurationsResponseServiceGroup"];
export type DeleteCertificatesResponse = components["schemas"]["DeleteCertificatesResponse"];
export type DeleteCertificatesResponseData = components["schemas"]["DeleteCertificatesResponseData"];
export type DeleteCertificatesResponseDeletedCertificate = components["schemas"]["DeleteCertificatesResponseDeletedCertificate"];
export type DeleteInstancesResponse = components["schemas"]["DeleteInstancesResponse"];
export type DeleteInstancesResponseData = components["schemas"]["DeleteInstancesResponseData"];
export type DeleteInstancesResponseDeletedInstance = components["schemas"]["DeleteInstancesResponseDeletedInstance"];
export type DeletePolicyRequest = components["schemas"]["DeletePolicyRequest"];
export type DeleteServiceGroupsResponse = components["schemas"]["DeleteServiceGroupsResponse"];
export type DeleteServiceGroupsResponseData = components["schemas"]["DeleteServiceGroupsResponseData"];
export type DeleteServiceGroupsResponseDeletedServiceGroup = components["schemas"]["DeleteServiceGroupsResponseDeletedServiceGroup"];
/** Response of deleting volume(s). */
export type DeleteVolumesResponse = components["schemas"]["DeleteVolumesResponse"];
export type DeleteVolumesResponseData = components["schemas"]["DeleteVolumesResponseData"];
export type DeleteVolumesResponseDeletedVolume = components["schemas"]["DeleteVolumesResponseDeletedVolume"];
export type DetachVolumeByUUIDRequestBody = components["schemas"]["DetachVolumeByUUIDRequestBody"];
export type DetachVolumesRequest = components["schemas"]["DetachVolumesRequest"];
export type DetachVolumesRequestInstanceID = components["schemas"]["DetachVolumesRequestInstanceID"];
/** Response of detaching volume(s) from instances. */
export type DetachVolumesResponse = components["schemas"]["DetachVolumesResponse"];
export type DetachVolumesResponseData = components["schemas"]["DetachVolumesResponseData"];
export type DetachVolumesResponseDetachedVolume = components["schemas"]["DetachVolumesResponseDetachedVolume"];
/** A domain associated with a service group, as responses report it (the fully qualified name is in `fqdn`). */
export type Domain = components["schemas"]["Domain"];
export type GetAutoscaleConfigurationPolicyRequest = components["schemas"]["GetAutoscaleConfigurationPolicyRequest"];
/** Response of getting an autoscale policy of a service group. */
export type GetAutoscaleConfigurationPolicyResponse = components["schemas"]["GetAutoscaleConfigurationPolicyResponse"];
export type GetAutoscaleConfigurationPolicyResponseData = components["schemas"]["GetAutoscaleConfigurationPolicyResponseData"];
export type GetAutoscaleConfigurationPolicyResponsePolicyResponse = components["schemas"]["GetAutoscaleConfigurationPolicyResponsePolicyResponse"];
/** Response of getting the autoscale configuration(s) of service group(s). */
export type GetAutoscaleConfigurationsResponse = components["schemas"]["GetAutoscaleConfigurationsResponse"];
export type GetAutoscaleConfigurationsResponseData = components["schemas"]["GetAutoscaleConfigurationsResponseData"];
export type GetAutoscaleConfigurationsResponseServiceGroup = components["schemas"]["GetAutoscaleConfigurationsResponseServiceGroup"];
export type GetCertificatesResponse = components["schemas"]["GetCertificatesResponse"];
export type GetCertificatesResponseData = components["schemas"]["GetCertificatesResponseData"];
/** Response of getting an image by tag or by digest. */
export type GetImageResponse = components["schemas"]["GetImageResponse"];
export type GetImageResponseData = components["schemas"]["GetImageResponseData"];
export type GetInstanceLogsByUUIDRequestBody = components["schemas"]["GetInstanceLogsByUUIDRequestBody"];
export type GetInstanceLogsRequest = components["schemas"]["GetInstanceLogsRequest"];
export type GetInstanceLogsResponse = components["schemas"]["GetInstanceLogsResponse"];
/** Description of the log availability. */
export type GetInstanceLogsResponseAvailable = components["schemas"]["GetInstanceLogsResponseAvailable"];
export type GetInstanceLogsResponseData = components["schemas"]["GetInstanceLogsResponseData"];
export type GetInstanceLogsResponseLoggedInstance = components["schemas"]["GetInstanceLogsResponseLoggedInstance"];
/** Description of the range that was returned. Useful for requests with offset relative to end. */
export type GetInstanceLogsResponseRange = components["schemas"]["GetInstanceLogsResponseRange"];
export type GetInstanceMetricsResponse = components["schemas"]["GetInstanceMetricsResponse"];
export type GetInstanceMetricsResponseData = components["schemas"]["GetInstanceMetricsResponseData"];
export type GetInstanceMetricsResponseInstanceMetrics = components["schemas"]["GetInstanceMetricsResponseInstanceMetrics"];
export type GetInstancesResponse = components["schemas"]["GetInstancesResponse"];
export type GetInstancesResponseData = components["schemas"]["GetInstancesResponseData"];
export type GetServiceGroupsResponse = components["schemas"]["GetServiceGroupsResponse"];
export type GetServiceGroupsResponseData = components["schemas"]["GetServiceGroupsResponseData"];
/** Response of listing or getting volumes. */
export type GetVolumesResponse = components["schemas"]["GetVolumesResponse"];
export type GetVolumesResponseData = components["schemas"]["GetVolumesResponseData"];
/** Any JSON value (google.protobuf.Value) - null, a boolean, a number, a string, an array or an object. Used where the type of a value depends on context, e.g. the `value` of an update operation. */
export type GoogleProtobufValue = components["schemas"]["GoogleProtobufValue"];
export type HealthzResponse = components["schemas"]["HealthzResponse"];
export type HealthzResponseData = components["schemas"]["HealthzResponseData"];
export type Image = components["schemas"]["Image"];
export type Instance = components["schemas"]["Instance"];
export type InstanceCreateArgsInstanceCreateRequestRoms = components["schemas"]["InstanceCreateArgsInstanceCreateRequestRoms"];
/** The service group configuration for the instance. */
export type InstanceInstanceServiceGroup = components["schemas"]["InstanceInstanceServiceGroup"];
export type InstanceInstanceVolume = components["schemas"]["InstanceInstanceVolume"];
export type InstanceNetworkInterface = components["schemas"]["InstanceNetworkInterface"];
/** The scale-to-zero configuration for the instance. */
export type InstanceScaleToZero = components["schemas"]["InstanceScaleToZero"];
export type InstanceServiceGroupInstanceDomain = components["schemas"]["InstanceServiceGroupInstanceDomain"];
/** A reference to a resource by exactly one of its UUID or its name. */
export type NameOrUUID = components["schemas"]["NameOrUUID"];
export type Object = components["schemas"]["Object"];
export type Quotas = components["schemas"]["Quotas"];
export type QuotasLimits = components["schemas"]["QuotasLimits"];
/** Response of the quota operations (the caller's quotas, or a user's quotas by UUID). */
export type QuotasResponse = components["schemas"]["QuotasResponse"];
export type QuotasResponseData = components["schemas"]["QuotasResponseData"];
export type QuotasStats = components["schemas"]["QuotasStats"];
export type ResponseError = components["schemas"]["ResponseError"];
/** The status of an API response or of one item in it. `partial_success` means some items of a batch succeeded and others failed; each item carries its own status. */
export type ResponseStatus = components["schemas"]["ResponseStatus"];
export type Service = components["schemas"]["Service"];
export type ServiceGroup = components["schemas"]["ServiceGroup"];
export type ServiceGroupInstance = components["schemas"]["ServiceGroupInstance"];
export type ServiceGroupTemplate = components["schemas"]["ServiceGroupTemplate"];
export type StartInstanceResponse = components["schemas"]["StartInstanceResponse"];
export type StartInstanceResponseData = components["schemas"]["StartInstanceResponseData"];
export type StartInstanceResponseStartedInstance = components["schemas"]["StartInstanceResponseStartedInstance"];
export type StopInstanceResponse = components["schemas"]["StopInstanceResponse"];
export type StopInstanceResponseData = components["schemas"]["StopInstanceResponseData"];
export type StopInstanceResponseStoppedInstance = components["schemas"]["StopInstanceResponseStoppedInstance"];
export type StopInstancesRequestID = components["schemas"]["StopInstancesRequestID"];
export type UpdateInstanceByUUIDRequestBody = components["schemas"]["UpdateInstanceByUUIDRequestBody"];
export type UpdateInstancesRequest = components["schemas"]["UpdateInstancesRequest"];
export type UpdateInstancesResponse = components["schemas"]["UpdateInstancesResponse"];
export type UpdateInstancesResponseData = components["schemas"]["UpdateInstancesResponseData"];
export type UpdateInstancesResponseUpdatedInstance = components["schemas"]["UpdateInstancesResponseUpdatedInstance"];
export type UpdateServiceGroupByUUIDRequestBody = components["schemas"]["UpdateServiceGroupByUUIDRequestBody"];
export type UpdateServiceGroupsRequestItem = components["schemas"]["UpdateServiceGroupsRequestItem"];
export type UpdateServiceGroupsResponse = components["schemas"]["UpdateServiceGroupsResponse"];
export type UpdateServiceGroupsResponseData = components["schemas"]["UpdateServiceGroupsResponseData"];
export type UpdateServiceGroupsResponseUpdatedServiceGroup = components["schemas"]["UpdateServiceGroupsResponseUpdatedServiceGroup"];
export type UpdateVolumeByUUIDRequestBody = components["schemas"]["UpdateVolumeByUUIDRequestBody"];
export type UpdateVolumesRequestItem = components["schemas"]["UpdateVolumesRequestItem"];
export type UpdateVolumesResponse = components["schemas"]["UpdateVolumesResponse"];
export type UpdateVolumesResponseData = components["schemas"]["UpdateVolumesResponseData"];
export type UpdateVolumesResponseUpdatedVolume = components["schemas"]["UpdateVolumesResponseUpdatedVolume"];
export type Volume = components["schemas"]["Volume"];
export type VolumeInstanceID = components["schemas"]["VolumeInstanceID"];
export type VolumeVolumeInstanceMount = components["schemas"]["VolumeVolumeInstanceMount"];
export type WaitInstanceByUUIDRequestBody = components["schemas"]["WaitInstanceByUUIDRequestBody"];
export type WaitInstanceResponse = components["schemas"]["WaitInstanceResponse"];
export type WaitInstanceResponseData = components["schemas"]["WaitInstanceResponseData"];
export type WaitInstanceResponseWaitedInstance = components["schemas"]["WaitInstanceResponseWaitedInstance"];
/** A template instance: a stopped instance (without snapshots) that was converted into a template */
export type TemplateInstance = components["schemas"]["TemplateInstance"];
/** The response data of a template listing. */
export type GetTemplatesResponseData = components["schemas"]["GetTemplatesResponseData"];
/** Response of listing template instances or getting one by UUID. */
export type GetTemplatesResponse = components["schemas"]["GetTemplatesResponse"];
/** The response data of converting instances into template instances. */
export type CreateTemplatesResponseData = components["schemas"]["CreateTemplatesResponseData"];
/** Response of converting instances into template instances. */
export type CreateTemplatesResponse = components["schemas"]["CreateTemplatesResponse"];
/** One update of a template instance, referenced by UUID or name (exactly one of them). */
export type UpdateTemplatesRequestItem = components["schemas"]["UpdateTemplatesRequestItem"];
/** An update of the template instance named by the UUID in the path. */
export type UpdateTemplateByUUIDRequestBody = components["schemas"]["UpdateTemplateByUUIDRequestBody"];
/** An image given together with options for pulling it, instead of a plain image reference string. */
export type ImageSpec = components["schemas"]["ImageSpec"];
/** A file given inline, from which the platform builds ROM content. */
export type InlineFile = components["schemas"]["InlineFile"];
/** An action run on an instance whenever a calendar expression (systemd calendar-event syntax, UTC) matches. */
export type Schedule = components["schemas"]["Schedule"];
/** The scale-to-zero settings of a new instance. */
export type CreateInstanceScaleToZero = components["schemas"]["CreateInstanceScaleToZero"];
/** A read-only memory (ROM) blob attached to a new instance, taken from an image or built from inline files. */
export type CreateInstanceRequestRom = components["schemas"]["CreateInstanceRequestRom"];
/** A small helper program attached to a new instance: it loads from its own ROM image and is reached through the instance's plugin endpoint (at most 8 per instance). */
export type CreateInstanceRequestPlugin = components["schemas"]["CreateInstanceRequestPlugin"];
/** Automatic deletion of a prepared template that has not been used for some time. */
export type TemplateAutokill = components["schemas"]["TemplateAutokill"];
/** The template a new instance is created from, by UUID or name, and whether it is prepared first. */
export type CreateInstanceRequestTemplate = components["schemas"]["CreateInstanceRequestTemplate"];
/** When a new instance is deleted automatically: some time after it stopped, or after it served a number of requests. Not used for templates. */
export type CreateInstanceRequestAutokill = components["schemas"]["CreateInstanceRequestAutokill"];
/** Another interface through which all traffic of a new interface is routed. */
export type NetworkInterfaceRelay = components["schemas"]["NetworkInterfaceRelay"];
/** A network interface to give a new instance. */
export type CreateInstanceRequestNetworkInterface = components["schemas"]["CreateInstanceRequestNetworkInterface"];
/** The interface through which an instance's network interface routes its traffic. */
export type InstanceNetworkInterfaceRelay = components["schemas"]["InstanceNetworkInterfaceRelay"];
/** The snapshot an instance has, when it has one. */
export type InstanceSnapshot = components["schemas"]["InstanceSnapshot"];
/** Where an instance stands in its current sequence of automatic restarts. */
export type InstanceRestartAttempt = components["schemas"]["InstanceRestartAttempt"];
/** A read-only memory (ROM) blob attached to an instance. */
export type InstanceRom = components["schemas"]["InstanceRom"];
/** A helper program attached to an instance and reached through the instance's plugin endpoint. */
export type InstancePlugin = components["schemas"]["InstancePlugin"];
/** When an instance is deleted automatically: some time after it stopped, or after it served a number of requests. */
export type InstanceAutokill = components["schemas"]["InstanceAutokill"];
/** A change of an instance property that is queued and not applied yet. */
export type InstancePendingUpdate = components["schemas"]["InstancePendingUpdate"];
/** Automatic deletion of a template or checkpoint that has not been used for some time. */
export type InstanceTemplateAutokill = components["schemas"]["InstanceTemplateAutokill"];
/** A GPU attached to an instance. */
export type InstanceGpu = components["schemas"]["InstanceGpu"];
/** One instance to delete, by exactly one of UUID or name, with the deletion options. */
export type DeleteInstanceRequestItem = components["schemas"]["DeleteInstanceRequestItem"];
/** Options for deleting an instance by UUID. */
export type DeleteInstanceByUUIDRequestBody = components["schemas"]["DeleteInstanceByUUIDRequestBody"];
/** One instance to start, by exactly one of UUID or name, with the start options. */
export type StartInstancesRequestItem = components["schemas"]["StartInstancesRequestItem"];
/** Options for starting an instance by UUID. */
export type StartInstanceByUUIDRequestBody = components["schemas"]["StartInstanceByUUIDRequestBody"];
/** Options for stopping an instance by UUID. */
export type StopInstanceByUUIDRequestBody = components["schemas"]["StopInstanceByUUIDRequestBody"];
/** One instance to suspend, by exactly one of UUID or name, with the drain timeout. */
export type SuspendInstancesRequestItem = components["schemas"]["SuspendInstancesRequestItem"];
/** Options for suspending an instance by UUID. */
export type SuspendInstanceByUUIDRequestBody = components["schemas"]["SuspendInstanceByUUIDRequestBody"];
export type SuspendInstancesResponse = components["schemas"]["SuspendInstancesResponse"];
export type SuspendInstancesResponseData = components["schemas"]["SuspendInstancesResponseData"];
/** One instance of a suspend request, with its state after and before the request. */
export type SuspendInstancesResponseSuspendedInstance = components["schemas"]["SuspendInstancesResponseSuspendedInstance"];
export type GetCheckpointHistoryResponse = components["schemas"]["GetCheckpointHistoryResponse"];
export type GetCheckpointHistoryResponseData = components["schemas"]["GetCheckpointHistoryResponseData"];
/** The checkpoint history of one instance (or checkpoint). */
export type GetCheckpointHistoryResponseInstanceHistory = components["schemas"]["GetCheckpointHistoryResponseInstanceHistory"];
/** One checkpoint in the history of an instance. */
export type CheckpointHistoryEntry = components["schemas"]["CheckpointHistoryEntry"];
/** When an emptied service group is deleted automatically. */
export type ServiceGroupAutokill = components["schemas"]["ServiceGroupAutokill"];
/** Delete the service group automatically once it has had no instances for a while. */
export type CreateServiceGroupRequestAutokill = components["schemas"]["CreateServiceGroupRequestAutokill"];
/** An autoscale policy as the API reports it. The same as AutoscalePolicy, except that `adjustment_type` also accepts `percent`, the spelling recorded responses use for `percentage`. */
export type AutoscalePolicyResponse = components["schemas"]["AutoscalePolicyResponse"];
/** How far the validation of a pending certificate has got. */
export type CertificateValidation = components["schemas"]["CertificateValidation"];
/** New PEM chain and private key for one certificate, named by UUID or name. */
export type UpdateCertificatesRequestItem = components["schemas"]["UpdateCertificatesRequestItem"];
/** New PEM chain and private key for the certificate given by the UUID in the path. */
export type UpdateCertificateByUUIDRequestBody = components["schemas"]["UpdateCertificateByUUIDRequestBody"];
export type UpdateCertificatesResponseData = components["schemas"]["UpdateCertificatesResponseData"];
/** Response of updating one or more certificates. */
export type UpdateCertificatesResponse = components["schemas"]["UpdateCertificatesResponse"];
export type GetImagesResponseData = components["schemas"]["GetImagesResponseData"];
/** Response of looking up images by tag or digest (in the registry or in the image store). */
export type GetImagesResponse = components["schemas"]["GetImagesResponse"];
/** Releases the pin once the image has gone unused for a while. */
export type PinImageRequestItemAutokill = components["schemas"]["PinImageRequestItemAutokill"];
/** One image to pull into the image store and pin there. */
export type PinImageRequestItem = components["schemas"]["PinImageRequestItem"];
/** The result of pinning one image. A successful entry identifies the image; a failed one carries only `status`, `message` and `error`. */
export type PinImagesResponseImage = components["schemas"]["PinImagesResponseImage"];
export type PinImagesResponseData = components["schemas"]["PinImagesResponseData"];
/** Response of pinning one or more images. */
export type PinImagesResponse = components["schemas"]["PinImagesResponse"];
/** One pinned image to unpin, by UUID (the only identifier accepted). */
export type UnpinImageRequestItem = components["schemas"]["UnpinImageRequestItem"];
/** The result of unpinning one image. */
export type UnpinImagesResponseImage = components["schemas"]["UnpinImagesResponseImage"];
export type UnpinImagesResponseData = components["schemas"]["UnpinImagesResponseData"];
/** Response of unpinning one or more images. */
export type UnpinImagesResponse = components["schemas"]["UnpinImagesResponse"];
/** The license of the platform installation (reported to administrators only). */
export type DataLicense = components["schemas"]["DataLicense"];
/** Deletes the new template instance automatically once it has not been used to create an instance for a while. */
export type ItemAutokill = components["schemas"]["ItemAutokill"];
/** Deletes the checkpoint automatically once it has not been used to restore an instance for a while. */
export type CheckpointAutokill = components["schemas"]["CheckpointAutokill"];
/** One instance to convert into a template instance, referenced by exactly one of UUID or name. */
export type CreateTemplateInstancesRequestItem = components["schemas"]["CreateTemplateInstancesRequestItem"];
/** One instance converted into a template instance, with its own status. */
export type CreateTemplateInstancesResponseTemplateInstance = components["schemas"]["CreateTemplateInstancesResponseTemplateInstance"];
/** One checkpoint to create from an existing instance. */
export type CreateCheckpointInstancesRequestItem = components["schemas"]["CreateCheckpointInstancesRequestItem"];
/** One created checkpoint instance, with its own status. */
export type CreateCheckpointInstancesResponseCheckpointInstance = components["schemas"]["CreateCheckpointInstancesResponseCheckpointInstance"];
/** The response data of creating checkpoint instances. */
export type CreateCheckpointInstancesResponseData = components["schemas"]["CreateCheckpointInstancesResponseData"];
/** Response of creating checkpoint instances. */
export type CreateCheckpointInstancesResponse = components["schemas"]["CreateCheckpointInstancesResponse"];
/** The response data of a checkpoint listing. Checkpoints are instances (in the `checkpoint` state), so each entry is an `Instance`. */
export type GetCheckpointInstancesResponseData = components["schemas"]["GetCheckpointInstancesResponseData"];
/** Response of listing checkpoint instances or getting one by UUID. */
export type GetCheckpointInstancesResponse = components["schemas"]["GetCheckpointInstancesResponse"];
/** One deleted checkpoint instance, with its own status. */
export type DeleteCheckpointInstancesResponseCheckpointInstance = components["schemas"]["DeleteCheckpointInstancesResponseCheckpointInstance"];
/** The response data of deleting checkpoint instances. */
export type DeleteCheckpointInstancesResponseData = components["schemas"]["DeleteCheckpointInstancesResponseData"];
/** Response of deleting checkpoint instances. */
export type DeleteCheckpointInstancesResponse = components["schemas"]["DeleteCheckpointInstancesResponse"];
/** One update of a checkpoint instance, referenced by UUID or name (exactly one of them). */
export type UpdateCheckpointInstancesRequestItem = components["schemas"]["UpdateCheckpointInstancesRequestItem"];
/** An update of the checkpoint instance named by the UUID in the path. */
export type UpdateCheckpointInstanceByUUIDRequestBody = components["schemas"]["UpdateCheckpointInstanceByUUIDRequestBody"];
/** One updated checkpoint instance, with its own status. */
export type UpdateCheckpointInstancesResponseCheckpointInstance = components["schemas"]["UpdateCheckpointInstancesResponseCheckpointInstance"];
/** The response data of updating checkpoint instances. */
export type UpdateCheckpointInstancesResponseData = components["schemas"]["UpdateCheckpointInstancesResponseData"];
/** Response of updating checkpoint instances. */
export type UpdateCheckpointInstancesResponse = components["schemas"]["UpdateCheckpointInstancesResponse"];
/** One volume to clone, referenced by UUID or name (exactly one of them), with optional settings of the copy. */
export type CloneVolumesRequestItem = components["schemas"]["CloneVolumesRequestItem"];
/** Optional settings of the copy made of the volume whose UUID is in the path. */
export type CloneVolumeByUUIDRequestBody = components["schemas"]["CloneVolumeByUUIDRequestBody"];
/** Response of cloneVolumes and cloneVolume. */
export type CloneVolumesResponse = components["schemas"]["CloneVolumesResponse"];
export type CloneVolumesResponseData = components["schemas"]["CloneVolumesResponseData"];
export type CloneVolumesResponseVolume = components["schemas"]["CloneVolumesResponseVolume"];
/** Response of createVolumeTemplates. */
export type CreateTemplateVolumesResponse = components["schemas"]["CreateTemplateVolumesResponse"];
export type CreateTemplateVolumesResponseData = components["schemas"]["CreateTemplateVolumesResponseData"];
export type CreateTemplateVolumesResponseTemplateVolume = components["schemas"]["CreateTemplateVolumesResponseTemplateVolume"];
/** One update of a volume template, referenced by UUID or name (exactly one of them). */
export type UpdateTemplateVolumesRequestItem = components["schemas"]["UpdateTemplateVolumesRequestItem"];
/** One update of the volume template whose UUID is in the path. */
export type UpdateTemplateVolumeByUUIDRequestBody = components["schemas"]["UpdateTemplateVolumeByUUIDRequestBody"];

/** Every operationId of the spec. */
export type OperationId = keyof operations;

/** The operationIds of the spec, in document order. */
export const operationIds = [
  "listInstances",
  "createInstance",
  "deleteInstances",
  "updateInstances",
  "getInstancesLogs",
  "getInstancesMetrics",
  "startInstances",
  "stopInstances",
  "waitInstances",
  "listTemplates",
  "createTemplates",
  "deleteTemplates",
  "updateTemplates",
  "getTemplate",
  "deleteTemplate",
  "updateTemplate",
  "suspendInstances",
  "getInstancesHistory",
  "listCheckpoints",
  "createCheckpoints",
  "deleteCheckpoints",
  "updateCheckpoints",
  "getCheckpointsHistory",
  "getCheckpoint",
  "deleteCheckpoint",
  "updateCheckpoint",
  "getCheckpointHistory",
  "getInstance",
  "deleteInstance",
  "updateInstance",
  "getInstanceLogs",
  "getInstanceMetrics",
  "startInstance",
  "stopInstance",
  "waitInstance",
  "suspendInstance",
  "getInstanceHistory",
  "listVolumes",
  "createVolume",
  "deleteVolumes",
  "updateVolumes",
  "attachVolumes",
  "detachVolumes",
  "cloneVolumes",
  "listVolumeTemplates",
  "createVolumeTemplates",
  "deleteVolumeTemplates",
  "updateVolumeTemplates",
  "getVolumeTemplate",
  "deleteVolumeTemplate",
  "updateVolumeTemplate",
  "getVolume",
  "deleteVolume",
  "updateVolume",
  "attachVolume",
  "detachVolume",
  "cloneVolume",
  "listServiceGroups",
  "createServiceGroup",
  "deleteServiceGroups",
  "updateServiceGroups",
  "listAutoscaleConfigurations",
  "createAutoscaleConfigurations",
  "deleteAutoscaleConfigurations",
  "getServiceGroup",
  "deleteServiceGroup",
  "updateServiceGroup",
  "getAutoscaleConfiguration",
  "createAutoscaleConfiguration",
  "deleteAutoscaleConfiguration",
  "listAutoscalePolicies",
  "createAutoscalePolicy",
  "deleteAutoscalePolicies",
  "getAutoscalePolicy",
  "deleteAutoscalePolicy",
  "listCertificates",
  "updateCertificates",
  "createCertificate",
  "deleteCertificates",
  "getCertificate",
  "updateCertificate",
  "deleteCertificate",
  "getImages",
  "pinImages",
  "unpinImages",
  "getImageStore",
  "getQuotas",
  "getUserQuotas",
  "healthz"
] as const satisfies readonly OperationId[];
