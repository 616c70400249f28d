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
/** The arguments used to create the instances of an autoscale configuration. The reference shows only `roms`; the other properties are those of CreateInstanceRequest. */
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
/** A domain associated with a service group. */
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
/** The response status of an API request. */
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
  "getInstance",
  "deleteInstance",
  "updateInstance",
  "getInstanceLogs",
  "getInstanceMetrics",
  "startInstance",
  "stopInstance",
  "waitInstance",
  "listVolumes",
  "createVolume",
  "deleteVolumes",
  "updateVolumes",
  "attachVolumes",
  "detachVolumes",
  "getVolume",
  "deleteVolume",
  "updateVolume",
  "attachVolume",
  "detachVolume",
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
  "createCertificate",
  "deleteCertificates",
  "getCertificate",
  "deleteCertificate",
  "getImageByTag",
  "getImageByDigest",
  "getQuotas",
  "getUserQuotas",
  "healthz"
] as const satisfies readonly OperationId[];
