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
export type { ClientOptions } from "./config.js";
export type { Logger, LogLevel } from "./logger.js";
export type { RequestOptions } from "./transport.js";
export * from "./errors.js";
export { parseRef, parseRefs, isUUID, NAME_PATTERN, type Ref, type ParsedRef } from "./refs.js";
export { add, del, set, toOperations, type PatchOp, type RawOperation } from "./patch.js";
export type { BatchMethod, UpdateMethod } from "./batch.js";
export type { ListOptions } from "./pagination.js";
export type { WaitOptions, InstanceState } from "./wait.js";
export { waitFor } from "./poll.js";
export { decodeBase64, createUtf8Decoder, decodeLogPage, followLogs, lines, type LogEvent, type LogRead, type LogPage } from "./logs.js";
export { decodeStopReason, decodeStopCode, explainStop } from "./stop.js";
export type { CreatedInstance, InstancePatch, StopOptions, LogsOptions, FollowOptions } from "./resources/instances.js";
export type * from "@ukc/api";
