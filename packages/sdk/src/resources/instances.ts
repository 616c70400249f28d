/**
 * Instances: create, get, list, update, delete, start, stop, suspend, wait, waitUntil, logs, tail,
 * follow, metrics, history. Each method reads like a line of the API reference; the mechanics are
 * in internal/resource.ts and internal/call.ts.
 */
import type * as api from "@ukc/api";
import { ValidationError } from "../core/errors.js";
import { checkNumber } from "../internal/timing.js";
import type { Patch } from "../core/patch.js";
import { parseRef, type Ref } from "../core/refs.js";
import type { Instance, Named } from "../core/types.js";
import { oneOrThrow, refQuery, settle } from "../internal/batch.js";
import { call, itemsOf, type Context } from "../internal/call.js";
import { INSTANCES } from "./declared.js";
import { createOrReconcile } from "../internal/create.js";
import { batchMethod, standard, type UpdateMethod } from "../internal/resource.js";
import type { RequestOptions } from "../internal/transport.js";
import { httpTimeoutFor, waitForStates, type WaitOptions } from "../internal/wait.js";
import { decodeLogPage, tailOffset, type LogRead } from "../logs/page.js";
import { followLogs, type FollowLogsOptions, type LogEvent } from "../logs/follow.js";


/** A patch of an instance: plain values are set; `add(…)`/`del(…)` for the list and map properties. */
export type InstancePatch = Patch<api.CreateInstanceRequest & { delete_lock?: boolean }, api.UpdateInstancesRequest["prop"], "args" | "env" | "tags">;

/** An instance just created, with any replicas the API created alongside it. */
export interface CreatedInstance extends Instance {
  /** Further instances the API created with this one (`replicas`), if any. */
  replicas?: Instance[];
}

/** Options of `instances.stop()`: `force` stops at once, `drainTimeoutMs` lets connections drain first; not both. */
export type StopOptions = RequestOptions &
  (
    | { /** Stop at once, without draining. */ force?: boolean; drainTimeoutMs?: undefined }
    | { force?: false; /** Let connections drain for up to this many ms first (-1: the longest the API allows). */ drainTimeoutMs?: number }
  );

/** Options of `instances.suspend()`. */
export interface SuspendOptions extends RequestOptions {
  /** Let connections drain for up to this many milliseconds before suspending (-1: the longest the API allows). */
  drainTimeoutMs?: number;
}

/** Options of `instances.logs()`. */
export interface LogsOptions extends RequestOptions {
  /** Byte offset to read from; negative counts from the end. Default 0. */
  offset?: number;
  /** Bytes to read at most (the API returns at most 16,383 per request). */
  limit?: number;
}

/** Options of `instances.follow()`: where to start, the polling schedule, when to end. */
export type FollowOptions = FollowLogsOptions;

const MAX_LOG_BYTES = 16_383;

/** A drain timeout, checked: milliseconds (an integer >= 0), -1 for the longest the API allows, or undefined. */
function drainOf(drain: unknown): { drain_timeout_ms?: number } {
  if (drain === undefined) return {};
  if (typeof drain !== "number" || !Number.isInteger(drain) || drain < -1) {
    throw new ValidationError("drainTimeoutMs", `must be an integer of milliseconds (>= 0), or -1 for the longest drain the API allows; got ${String(drain)}`);
  }
  return { drain_timeout_ms: drain };
}

const integer = (value: unknown, field: string, min: number): number => checkNumber(field, value, min, Infinity, true);

const PATH = INSTANCES.path;

/** Instances of Unikraft Cloud. */
export function instances(ctx: Context) {
  const std = standard<Instance, Named<api.UpdateInstancesResponseUpdatedInstance>, Named<api.DeleteInstancesResponseDeletedInstance>>(ctx, INSTANCES);
  const route = (operation: string, verb: string) => ({ operation, method: "PUT" as const, path: `${PATH}/${verb}`, one: `${PATH}/{uuid}/${verb}`, key: "instances" });

  // The by-UUID log endpoint reads no inputs in the current contract: every read, by UUID or by
  // name, goes to the batch endpoint with `uuid=` or `name=` plus the offset and limit.
  async function readLogPage(ref: Ref, offset: number, limit: number, options?: RequestOptions) {
    const parsed = parseRef(ref);
    const answer = await call(ctx, { method: "GET", path: `${PATH}/log`, query: { ...refQuery([parsed]), offset, limit } }, options);
    const { items, message } = itemsOf<api.GetInstanceLogsResponseLoggedInstance>(answer, "instances");
    return oneOrThrow(settle("logs", [ref], [parsed], items, message));
  }

  return {
    /**
     * Creates an instance. The parameters are checked against the spec before sending. Not
     * retried once the request may have reached the server; when the answer is lost and a `name`
     * was given, the name is looked up once, so the result is the instance or a clear "not created".
     * @example const web = await ukc.instances.create({ image: "nginx:latest", memory_mb: 256, autostart: true });
     */
    async create(params: api.CreateInstanceRequest, options?: RequestOptions): Promise<CreatedInstance> {
      if (params?.image === "") throw new ValidationError("params.image", "is empty: give an image such as 'nginx:latest' (or leave it out to create from a template)");
      const { item, rest } = await createOrReconcile<Instance>(ctx, { operation: "create instance", path: PATH, key: "instances", root: "createInstance", get: std.get }, params, options);
      return rest.length ? { ...item, replicas: rest as Instance[] } : item;
    },

    /** Gets one instance by name or UUID. @example const web = await ukc.instances.get("web"); */
    get: std.get,

    /**
     * Lists instances, page by page, as an async iterator.
     * @example for await (const instance of ukc.instances.list({ tags: ["web"] })) console.log(instance.name);
     */
    list: std.list,

    /**
     * Updates one instance, or many with the same patch. Plain values are set; `add(…)`/`del(…)`
     * work on args, env and tags; every value is checked against the spec first. An instance
     * failed when any of its operations failed.
     * @example await ukc.instances.update("web", { memory_mb: 512, tags: add(["blue"]) });
     */
    update: std.update as UpdateMethod<InstancePatch, Named<api.UpdateInstancesResponseUpdatedInstance>>,

    /** Deletes one or many instances (running ones are force-stopped). @example await ukc.instances.delete(["web-1", "web-2"]); */
    delete: std.delete,

    /** Starts one or many instances; `wait()` waits for `running`. @example await ukc.instances.start("web"); */
    start: batchMethod<Named<api.StartInstanceResponseStartedInstance>>(ctx, route("start instance", "start")),

    /**
     * Stops one or many instances: `force` stops at once, `drainTimeoutMs` lets connections drain
     * first (not both). `wait(ref, { state: "stopped" })` waits for the stop.
     * @example await ukc.instances.stop("web", { drainTimeoutMs: 5000 });
     */
    stop: batchMethod<Named<api.StopInstanceResponseStoppedInstance>, StopOptions>(ctx, route("stop instance", "stop"), (o) => {
      const force = o?.force;
      if (force !== undefined && typeof force !== "boolean") throw new ValidationError("force", "must be a boolean");
      const drain = drainOf(o?.drainTimeoutMs);
      if (force && drain.drain_timeout_ms !== undefined) {
        throw new ValidationError("drainTimeoutMs", "cannot be combined with force: a forced stop does not drain. Pass one of them");
      }
      return { ...(force !== undefined ? { force } : {}), ...drain };
    }),

    /**
     * Suspends one or many running instances: memory is kept, so a start (or traffic, with
     * scale-to-zero) resumes them where they were. `drainTimeoutMs` lets connections drain first.
     * @example await ukc.instances.suspend(["web-1", "web-2"], { drainTimeoutMs: 1000 });
     */
    suspend: batchMethod<Named<api.SuspendInstancesResponseSuspendedInstance>, SuspendOptions>(ctx, route("suspend instance", "suspend"), (o) => drainOf(o?.drainTimeoutMs)),

    /**
     * Waits until one or many instances are in a state (default `running`) with the server-side
     * wait, repeated while `timeoutMs` is longer than one server wait. Rejects with
     * `WaitTimeoutError` (with the last state seen) at the deadline.
     * @example await ukc.instances.wait("web", { state: "running", timeoutMs: 30_000 });
     */
    wait: (async (input: Ref | readonly Ref[], options: WaitOptions = {}) => {
      const many = Array.isArray(input);
      const inputs = (many ? input : [input]) as readonly Ref[];
      const result = await waitForStates<Named<api.WaitInstanceResponseWaitedInstance>, Ref>(
        inputs,
        inputs.map((r, i) => parseRef(r, many ? `refs[${i}]` : "ref")),
        async (pending, state, timeoutMs, signal) => {
          // The by-UUID wait endpoint reads no state or timeout: always the batch endpoint.
          const query = { ...refQuery(pending), state, timeout_ms: timeoutMs };
          return itemsOf(await call(ctx, { method: "GET", path: `${PATH}/wait`, query }, { signal, timeoutMs: httpTimeoutFor(timeoutMs) }), "instances");
        },
        options,
        !many,
      );
      return many ? result : result[0]!;
    }) as {
      (ref: Ref, options?: WaitOptions): Promise<Named<api.WaitInstanceResponseWaitedInstance>>;
      (refs: readonly Ref[], options?: WaitOptions): Promise<Named<api.WaitInstanceResponseWaitedInstance>[]>;
    },

    /**
     * Polls `get(ref)` with backoff until a condition the server cannot wait for holds (e.g.
     * `net_time_us` is set), or until the instance is in one of the given states (prefer `wait()`
     * for states). Rejects with `WaitTimeoutError` (with the last instance seen) at the deadline.
     * @example await ukc.instances.waitUntil("web", (i) => i.net_time_us !== undefined, { timeoutMs: 10_000 });
     */
    waitUntil: std.waitUntil,

    /**
     * Reads logs: decoded text plus the byte offsets (`start`, `end`, `available`). A negative
     * `offset` counts from the end.
     * @example const { text } = await ukc.instances.logs("web", { offset: -4096 });
     */
    async logs(ref: Ref, options: LogsOptions = {}): Promise<LogRead> {
      parseRef(ref);
      const offset = integer(options.offset ?? 0, "offset", -Infinity);
      const limit = integer(options.limit ?? MAX_LOG_BYTES, "limit", 0);
      return decodeLogPage(await readLogPage(ref, offset, limit, options));
    },

    /** Reads the last `bytes` bytes of the logs (default 4096). @example console.log((await ukc.instances.tail("web")).text); */
    async tail(ref: Ref, options: RequestOptions & { bytes?: number } = {}): Promise<LogRead> {
      parseRef(ref);
      const bytes = options.bytes ?? 4096;
      return decodeLogPage(await readLogPage(ref, tailOffset(bytes), Math.min(bytes, MAX_LOG_BYTES), options));
    },

    /**
     * Follows the logs as they are written: `{ type: "data", text }` events (and `{ type: "gap" }`
     * when the server dropped bytes before they were read) until the instance stops or the signal
     * aborts. Every byte is delivered once, across polls and retries.
     * @example for await (const line of lines(ukc.instances.follow("web"))) console.log(line);
     */
    follow(ref: Ref, options: FollowOptions = {}): AsyncIterableIterator<LogEvent> {
      parseRef(ref);
      return followLogs((offset, limit, signal) => readLogPage(ref, offset, limit, { signal }), options);
    },

    /** Reads metrics (memory, CPU time, boot time, network counters) of one or many instances. @example const [m] = await ukc.instances.metrics(["web"]); */
    metrics: batchMethod<Named<api.GetInstanceMetricsResponseInstanceMetrics>>(ctx, { operation: "instance metrics", method: "GET", path: `${PATH}/metrics`, one: `${PATH}/{uuid}/metrics`, key: "instances" }),

    /**
     * Reads the checkpoint history of one or many instances: the checkpoints taken of each, oldest first.
     * @example const { history } = await ukc.instances.history("web");
     */
    history: batchMethod<Named<api.GetCheckpointHistoryResponseInstanceHistory>>(ctx, { operation: "instance history", method: "GET", path: `${PATH}/history`, one: `${PATH}/{uuid}/history`, key: "instances" }),
  };
}

/** The instances resource: every method of `ukc.instances`. */
export type Instances = ReturnType<typeof instances>;
