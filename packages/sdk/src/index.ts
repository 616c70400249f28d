/**
 * `@ukc/sdk`: the TypeScript SDK for Unikraft Cloud.
 *
 * References by name or UUID, batches that report every item, inputs checked against the spec
 * before sending, server-side waits and polling, log reading and following, typed errors,
 * retries with backoff, timeouts, pagination. Anything not wrapped: `ukc.request()`.
 *
 * The export list is explicit: everything below is public and documented; the rest is internal.
 *
 * @packageDocumentation
 */
// The client and its options.
export { UnikraftCloud } from "./client.js";
export { withResponse } from "./internal/call.js";
export type { ClientOptions } from "./internal/config.js";
export type { Logger, LogLevel } from "./internal/logger.js";
export type { RequestOptions } from "./internal/transport.js";

// References, patches, and the shapes shared by every resource.
export type { Ref } from "./core/refs.js";
export { add, del, type Patch, type PatchOp, type RawOperation } from "./core/patch.js";
export type { Named, Instance, InstanceState, Template, Checkpoint, Volume, VolumeTemplate, ServiceGroup, Certificate } from "./core/types.js";
export type { BatchMethod, UpdateMethod, ListOptions } from "./internal/resource.js";
export type { StateCondition, StateWaitOptions } from "./internal/poll.js";

// Errors.
export {
  UnikraftCloudError,
  ConfigurationError,
  ValidationError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  BatchError,
  APIConnectionError,
  APITimeoutError,
  AbortError,
  WaitTimeoutError,
  ErrorCode,
  type APIErrorInit,
  type ItemFailure,
} from "./core/errors.js";

// Logs and stop reasons.
export { lines } from "./logs/lines.js";
export type { LogEvent, LogDataEvent, LogGapEvent, FollowLogsOptions } from "./logs/follow.js";
export type { LogRead } from "./logs/page.js";
export { explainStop, type StopFields } from "./stop.js";

// The resources.
export type { Instances, CreatedInstance, InstancePatch, StopOptions, SuspendOptions, LogsOptions, FollowOptions } from "./resources/instances.js";
export type { WaitOptions } from "./internal/wait.js";
export type { Templates, TemplatePatch } from "./resources/templates.js";
export type { Checkpoints } from "./resources/checkpoints.js";
export type { Volumes, VolumePatch, AttachParams, DetachParams } from "./resources/volumes.js";
export type { VolumeTemplates } from "./resources/volume-templates.js";
export type { ServiceGroups, ServiceGroupPatch } from "./resources/service-groups.js";
export type { Autoscale, AutoscaleConfiguration, AutoscaleConfigurationInfo } from "./resources/autoscale.js";
export type { Certificates } from "./resources/certificates.js";
export type { Images } from "./resources/images.js";
export type { QuotasResource } from "./resources/quotas.js";

// The whole account: several metros behind one client.
export { UnikraftCloudAccount, type AccountOptions } from "./metros/account.js";
export { AmbiguousReferenceError, MetroCallError, MetroError, type MetroFailure, type MetroItemFailure, type MetroRef } from "./metros/errors.js";
export type { MetroOption, WithMetro } from "./metros/fanout.js";
export type { AccountResource, Lift } from "./metros/types.js";
