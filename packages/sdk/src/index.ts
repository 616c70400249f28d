/**
 * `@ukc/sdk`: the TypeScript SDK for Unikraft Cloud.
 *
 * References by name or UUID, batches that report every item, server-side waits and polling,
 * log reading and following, typed errors, retries with backoff, timeouts, pagination.
 * The low-level typed client is one property away: `client.api`.
 *
 * @packageDocumentation
 */
export { UnikraftCloud } from "./client.js";
export type { ClientOptions } from "./internal/config.js";
export type { Logger, LogLevel } from "./internal/logger.js";
export type { RequestOptions } from "./internal/transport.js";
export * from "./core/errors.js";
export { parseRef, parseRefs, isUUID, NAME_PATTERN, type Ref, type ParsedRef } from "./core/refs.js";
export { add, del, set, toOperations, type PatchOp, type RawOperation } from "./core/patch.js";
export type { BatchMethod, UpdateMethod } from "./internal/batch.js";
export type { ListOptions } from "./internal/pagination.js";
export type { WaitOptions, InstanceState } from "./internal/wait.js";
export { waitFor, pollDelays, type WaitForOptions, type PollScheduleOptions, type StateCondition, type StateWaitOptions } from "./internal/poll.js";
export {
  decodeBase64,
  decodeBase64Portable,
  createUtf8Decoder,
  decodeLogPage,
  followLogs,
  lines,
  tailOffset,
  MAX_LOG_PAGE_BYTES,
  type LogEvent,
  type LogDataEvent,
  type LogGapEvent,
  type LogRead,
  type LogPage,
  type FetchLogPage,
  type FollowLogsOptions,
  type Utf8Decoder,
} from "./logs.js";
export { decodeStopReason, decodeStopCode, decodePlatformStopCode, explainStop, errnoName } from "./stop.js";
export type { StopReason, StopCode, StopCodeReason, PlatformStopCode, StopFields } from "./stop.js";
export { INSTANCE_PROPS, INSTANCE_LIST_PROPS, INSTANCE_STATES } from "./resources/instances.js";
export { TEMPLATE_PROPS } from "./resources/templates.js";
export { VOLUME_PROPS, VOLUME_STATES, MOUNT_PATH_PATTERN } from "./resources/volumes.js";
export { SERVICE_GROUP_PROPS } from "./resources/service-groups.js";
export { CERTIFICATE_STATES } from "./resources/certificates.js";
export type { Instances, CreatedInstance, InstancePatch, StopOptions, SuspendOptions, LogsOptions, FollowOptions } from "./resources/instances.js";
export type { Templates, TemplatePatch } from "./resources/templates.js";
export type { Volumes, VolumeBatchMethod, VolumePatch, VolumeState, AttachParams, DetachParams, VolumeWaitOptions, VolumeCondition } from "./resources/volumes.js";
export type { ServiceGroups, ServiceGroupPatch, ServiceGroupListOptions } from "./resources/service-groups.js";
export type { Autoscale, AutoscaleConfiguration, AutoscaleConfigurationInfo } from "./resources/autoscale.js";
export type { Certificates, CertificateState, CertificateWaitOptions, CertificateCondition, CertificateListOptions } from "./resources/certificates.js";
export type { Images } from "./resources/images.js";
export type { QuotasResource } from "./resources/quotas.js";
// Types of @ukc/api that appear in the SDK's public signatures, as types only. Not `export type *`:
// the d.ts bundler turns that into `export *`, which would declare @ukc/api's values (createClient,
// ...) as exports of the SDK, which its builds do not have. Everything else: import from @ukc/api.
export type {
  UnikraftCloudClient,
  HealthzResponseData,
  Instance,
  InstanceInstanceVolume,
  InstanceScaleToZero,
  ResponseStatus,
  CreateInstanceRequest,
  WaitInstanceResponseWaitedInstance,
  StartInstanceResponseStartedInstance,
  StopInstanceResponseStoppedInstance,
  SuspendInstancesResponseSuspendedInstance,
  UpdateInstancesResponseUpdatedInstance,
  DeleteInstancesResponseDeletedInstance,
  GetInstanceMetricsResponseInstanceMetrics,
  TemplateInstance,
  UpdateTemplatesRequestItem,
  Volume,
  CreateVolumeRequest,
  CreateVolumeResponseVolume,
  UpdateVolumesRequestItem,
  UpdateVolumesResponseUpdatedVolume,
  DeleteVolumesResponseDeletedVolume,
  AttachVolumesResponseAttachedVolume,
  DetachVolumesResponseDetachedVolume,
  ServiceGroup,
  CreateServiceGroupRequest,
  UpdateServiceGroupsRequestItem,
  UpdateServiceGroupsResponseUpdatedServiceGroup,
  DeleteServiceGroupsResponseDeletedServiceGroup,
  GetAutoscaleConfigurationsResponseServiceGroup,
  CreateAutoscaleConfigurationsRequestConfiguration,
  CreateAutoscaleConfigurationsResponseConfigurationsResponse,
  DeleteAutoscaleConfigurationsResponseServiceGroup,
  AutoscalePolicy,
  CreateAutoscaleConfigurationPolicyResponsePolicy,
  DeleteAutoscaleConfigurationPolicyResponsePoliciesResponse,
  Certificate,
  CreateCertificateRequest,
  DeleteCertificatesResponseDeletedCertificate,
  Image,
  Quotas,
} from "@ukc/api";
