/**
 * Instances: create, get, list, update, delete, start, stop, suspend, wait, logs, tail, follow, metrics.
 * Each function reads like the API reference; the mechanics live in the core modules.
 */
import type {
  CreateInstanceRequest,
  DeleteInstancesResponseDeletedInstance,
  GetInstanceMetricsResponseInstanceMetrics,
  Instance,
  StartInstanceResponseStartedInstance,
  StopInstanceResponseStoppedInstance,
  SuspendInstancesResponseSuspendedInstance,
  UpdateInstanceByUUIDRequestBody,
  UpdateInstancesRequest,
  UpdateInstancesResponseUpdatedInstance,
  WaitInstanceResponseWaitedInstance,
} from "@ukc/api";
import { batchOf, oneOrThrow, perRef, refQuery, settle, singleUUIDUpdate, updater } from "../internal/batch.js";
import { via, type Context } from "../internal/context.js";
import { envelope } from "../internal/envelope.js";
import { ValidationError } from "../core/errors.js";
import { decodeLogPage, followLogs, tailOffset, type FollowLogsOptions, type LogEvent, type LogRead } from "../logs.js";
import { paginate, type ListOptions } from "../internal/pagination.js";
import { parseRef, parseRefs, type ParsedRef, type Ref } from "../core/refs.js";
import { waitForState, type StateCondition, type StateWaitOptions } from "../internal/poll.js";
import type { RequestOptions } from "../internal/transport.js";
import { httpTimeoutFor, waitForStates, type WaitOptions } from "../internal/wait.js";

/** Properties of an instance that `update` can change. */
export const INSTANCE_PROPS = [
  "image",
  "args",
  "env",
  "memory_mb",
  "vcpus",
  "scale_to_zero",
  "tags",
  "delete_lock",
  "schedules",
  "autokill",
  "hostname",
  "roms",
  "dependencies",
  "sched_priority",
  "plugins",
  "annotations",
] as const;
/** The states of an instance (Instance.state in the spec). */
export const INSTANCE_STATES = ["stopped", "starting", "running", "draining", "stopping", "template", "standby", "deleted", "checkpoint"] as const;

/** Properties that take `add(…)` / `del(…)`. */
export const INSTANCE_LIST_PROPS = ["args", "env", "tags", "schedules", "roms", "dependencies", "plugins", "annotations"] as const;

/** A patch of an instance: plain values are set; `add(…)`/`del(…)` for args, env, tags. */
export type InstancePatch = Partial<Record<(typeof INSTANCE_PROPS)[number], unknown>>;

/** An instance just created, with any replicas the API created alongside it. */
export type CreatedInstance = Instance & { replicas?: Instance[] };

/** Options of `instances.stop()`. */
export interface StopOptions extends RequestOptions {
  /** Stop at once, without draining. Cannot be combined with `drainTimeoutMs`. */
  force?: boolean;
  /** Let connections drain for up to this many milliseconds before stopping (-1: the longest the API allows). */
  drainTimeoutMs?: number;
}

/** Options of `instances.suspend()`. */
export interface SuspendOptions extends RequestOptions {
  /** Let connections drain for up to this many milliseconds before suspending (-1: the longest the API allows). */
  drainTimeoutMs?: number;
}

/** A drain timeout, checked: milliseconds (an integer >= 0), -1 for the longest the API allows, or undefined. */
function checkDrain(drain: unknown): number | undefined {
  if (drain !== undefined && (typeof drain !== "number" || !Number.isInteger(drain) || drain < -1)) {
    throw new ValidationError("drainTimeoutMs", `must be an integer of milliseconds (>= 0), or -1 for the longest drain the API allows; got ${String(drain)}`);
  }
  return drain;
}

/** Options of `instances.logs()`. */
export interface LogsOptions extends RequestOptions {
  /** Byte offset to read from; negative counts from the end. Default 0. */
  offset?: number;
  /** Bytes to read at most (the API returns at most 16,383 per request). */
  limit?: number;
}

/**
 * Options of `instances.follow()`: `from` (absolute offset, negative from the end, "start" or
 * "end"), `intervalMs`, `maxIntervalMs`, `untilStopped`, `retries`, `onError`, `signal`.
 */
export type FollowOptions = FollowLogsOptions;

const MAX_LOG_BYTES = 16_383;

/** Instances of Unikraft Cloud. */
export function instances(ctx: Context) {
  const parseOne = (ref: Ref) => [parseRef(ref)];
  const parseMany = (input: Ref | readonly Ref[]) => parseRefs(input as Ref | Ref[]);

  // The by-UUID log endpoint reads no inputs in the current contract: every read, by UUID or by
  // name, goes to the batch endpoint with `uuid=` or `name=` plus the offset and limit.
  async function readLogPage(ref: ParsedRef, offset: number, limit: number, options?: RequestOptions) {
    const env = await envelope(
      "GET",
      ctx.api.GET("/v1/instances/log", { params: { query: { ...refQuery([ref]), offset, limit } }, ...via(ctx, options) }),
    );
    return oneOrThrow(settle("logs", [ref], [ref], env.data?.instances, env.message));
  }

  const api = {
    /**
     * Creates an instance. Not retried once the request may have reached the server.
     * @example const web = await ukc.instances.create({ image: "nginx:latest", memory_mb: 256, autostart: true });
     */
    async create(params: CreateInstanceRequest, options?: RequestOptions): Promise<CreatedInstance> {
      if (!params || typeof params !== "object" || typeof params.image !== "string" || params.image === "") {
        throw new ValidationError("params.image", "an image is required, e.g. { image: 'nginx:latest' }");
      }
      const env = await envelope("POST", ctx.api.POST("/v1/instances", { body: params, ...via(ctx, options) }));
      const created = env.data?.instances ?? [];
      const { succeeded, failed } = settle("create instance", [params], [undefined], created.slice(0, 1), env.message);
      if (failed.length) throw failed[0]!.error;
      const first = succeeded[0]!;
      return created.length > 1 ? { ...first, replicas: created.slice(1) } : first;
    },

    /** Gets one instance by name or UUID. */
    async get(ref: Ref, options?: RequestOptions & { details?: boolean }): Promise<Instance> {
      return (await perRef("get instance", ref, parseMany, async ([r]) => {
        const details = options?.details;
        const env =
          "uuid" in r!
            ? await envelope("GET", ctx.api.GET("/v1/instances/{uuid}", { params: { path: { uuid: r.uuid }, query: { details } }, ...via(ctx, options) }))
            : await envelope("GET", ctx.api.GET("/v1/instances", { params: { query: { name: [r!.name], details } }, ...via(ctx, options) }));
        return { items: env.data?.instances, message: env.message };
      })) as Instance;
    },

    /**
     * Lists instances, page by page, as an async iterator.
     * @example for await (const instance of ukc.instances.list({ pageSize: 50 })) console.log(instance.name);
     */
    list(options: ListOptions & RequestOptions = {}): AsyncGenerator<Instance, void, undefined> {
      return paginate<Instance>(
        async (from, count) => {
          const env = await envelope(
            "GET",
            ctx.api.GET("/v1/instances", {
              params: { query: { count, from, details: options.details, tags: options.tags, sortby: "create_time", order: "asc" } },
              ...via(ctx, options),
            }),
          );
          return env.data?.instances ?? [];
        },
        (item) => item.uuid,
        options,
      );
    },

    /**
     * Updates one instance, or many with the same patch. A patch sets plain values
     * (`{ memory_mb: 512 }`) and takes `add(…)`/`del(…)` for args, env and tags; raw
     * `{ prop, op, value }` operations are accepted too. Resolves with one result per instance;
     * an instance failed when any of its operations failed.
     * @example await ukc.instances.update("web", { memory_mb: 512, tags: add(["blue"]) });
     */
    update: updater<UpdateInstancesRequest["prop"], UpdateInstancesResponseUpdatedInstance>(
      "update instance",
      INSTANCE_PROPS,
      INSTANCE_LIST_PROPS,
      async (body, options) => {
        const one = singleUUIDUpdate(body);
        const env = one
          ? await envelope(
              "PATCH",
              ctx.api.PATCH("/v1/instances/{uuid}", { params: { path: { uuid: one.uuid } }, body: one.op as UpdateInstanceByUUIDRequestBody, ...via(ctx, options) }),
            )
          : await envelope("PATCH", ctx.api.PATCH("/v1/instances", { body: body as UpdateInstancesRequest[], ...via(ctx, options) }));
        return { items: env.data?.instances, message: env.message };
      },
    ),

    /** Deletes one or many instances (running ones are force-stopped). */
    delete: batchOf<DeleteInstancesResponseDeletedInstance>("delete instance", async (refs, options) => {
      const env =
        refs.length === 1 && "uuid" in refs[0]!
          ? await envelope("DELETE", ctx.api.DELETE("/v1/instances/{uuid}", { params: { path: { uuid: refs[0].uuid } }, ...via(ctx, options) }))
          : await envelope("DELETE", ctx.api.DELETE("/v1/instances", { body: refs, ...via(ctx, options) }));
      return { items: env.data?.instances, message: env.message };
    }),

    /** Starts one or many instances. Use `wait()` to wait for `running`. */
    start: batchOf<StartInstanceResponseStartedInstance>("start instance", async (refs, options) => {
      // The by-UUID endpoints of start, stop and suspend read their options from a JSON body.
      const env =
        refs.length === 1 && "uuid" in refs[0]!
          ? await envelope("PUT", ctx.api.PUT("/v1/instances/{uuid}/start", { params: { path: { uuid: refs[0].uuid } }, body: {}, ...via(ctx, options) }))
          : await envelope("PUT", ctx.api.PUT("/v1/instances/start", { body: refs, ...via(ctx, options) }));
      return { items: env.data?.instances, message: env.message };
    }),

    /**
     * Stops one or many instances: `force` stops at once, `drainTimeoutMs` lets connections drain
     * first (not both). Use `wait(ref, { state: "stopped" })` to wait for the stop.
     */
    stop: batchOf<StopInstanceResponseStoppedInstance, StopOptions>("stop instance", async (refs, options) => {
      const force = options?.force;
      const drain = checkDrain(options?.drainTimeoutMs);
      if (force !== undefined && typeof force !== "boolean") throw new ValidationError("force", "must be a boolean");
      if (force && drain !== undefined) {
        throw new ValidationError("drainTimeoutMs", "cannot be combined with force: a forced stop does not drain. Pass one of them");
      }
      const body = { ...(force !== undefined ? { force } : {}), ...(drain !== undefined ? { drain_timeout_ms: drain } : {}) };
      const env =
        refs.length === 1 && "uuid" in refs[0]!
          ? await envelope("PUT", ctx.api.PUT("/v1/instances/{uuid}/stop", { params: { path: { uuid: refs[0].uuid } }, body, ...via(ctx, options) }))
          : await envelope("PUT", ctx.api.PUT("/v1/instances/stop", { body: refs.map((r) => ({ ...r, ...body })), ...via(ctx, options) }));
      return { items: env.data?.instances, message: env.message };
    }),

    /**
     * Suspends one or many running instances: their memory is kept, so a later start (or traffic,
     * with scale-to-zero) resumes them where they were. `drainTimeoutMs` lets connections drain first.
     * Same per-item semantics as `stop()`.
     * @example await ukc.instances.suspend(["web-1", "web-2"], { drainTimeoutMs: 1000 });
     */
    suspend: batchOf<SuspendInstancesResponseSuspendedInstance, SuspendOptions>("suspend instance", async (refs, options) => {
      const drain = checkDrain(options?.drainTimeoutMs);
      const body = drain !== undefined ? { drain_timeout_ms: drain } : {};
      const env =
        refs.length === 1 && "uuid" in refs[0]!
          ? await envelope("PUT", ctx.api.PUT("/v1/instances/{uuid}/suspend", { params: { path: { uuid: refs[0].uuid } }, body, ...via(ctx, options) }))
          : await envelope("PUT", ctx.api.PUT("/v1/instances/suspend", { body: refs.map((r) => ({ ...r, ...body })), ...via(ctx, options) }));
      return { items: env.data?.instances, message: env.message };
    }),

    /**
     * Waits until one or many instances are in a state (default `running`) with the server-side
     * wait endpoint, repeating it when `timeoutMs` is longer than one server wait.
     * Rejects with `WaitTimeoutError` (with the last state seen) at the deadline.
     * @example await ukc.instances.wait("web", { state: "running", timeoutMs: 30_000 });
     */
    wait: (async (input: Ref | readonly Ref[], options: WaitOptions = {}) => {
      const many = Array.isArray(input);
      const refs = parseMany(input);
      const inputs = (many ? input : [input]) as readonly Ref[];
      const result = await waitForStates<WaitInstanceResponseWaitedInstance, Ref>(
        inputs,
        refs,
        async (pending, state, timeoutMs, signal) => {
          const call = { signal, timeoutMs: httpTimeoutFor(timeoutMs) };
          const query = { state, timeout_ms: timeoutMs };
          // The by-UUID wait endpoint reads no state or timeout: always the batch endpoint.
          const env = await envelope("GET", ctx.api.GET("/v1/instances/wait", { params: { query: { ...refQuery(pending), ...query } }, ...via(ctx, call) }));
          return { items: env.data?.instances, message: env.message };
        },
        options,
        !many,
      );
      return many ? result : result[0]!;
    }) as {
      (ref: Ref, options?: WaitOptions): Promise<WaitInstanceResponseWaitedInstance>;
      (refs: readonly Ref[], options?: WaitOptions): Promise<WaitInstanceResponseWaitedInstance[]>;
    },

    /**
     * Polls `get(ref)` with backoff and jitter until a condition the server cannot wait for holds
     * (e.g. `net_time_us` is set), or until the instance is in one of the given states. For states,
     * prefer `wait()`, which the server holds open. Rejects with `WaitTimeoutError` (with the last
     * instance seen) at the deadline; the signal also ends the request in flight.
     * @example await ukc.instances.waitUntil("web", (i) => i.net_time_us !== undefined, { timeoutMs: 10_000 });
     */
    waitUntil(ref: Ref, condition: StateCondition<Instance>, options: StateWaitOptions = {}): Promise<Instance> {
      return waitForState({ kind: "instance", states: INSTANCE_STATES, example: "running", get: (r, o) => api.get(r, o) }, ref, condition, options);
    },

    /**
     * Reads logs: decoded text plus the byte offsets (`start`, `end`, `available`).
     * A negative `offset` counts from the end.
     */
    async logs(ref: Ref, options: LogsOptions = {}): Promise<LogRead> {
      const [r] = parseOne(ref);
      const offset = options.offset ?? 0;
      const limit = options.limit ?? MAX_LOG_BYTES;
      if (!Number.isInteger(offset)) throw new ValidationError("offset", `must be an integer, got ${offset}`);
      if (!Number.isInteger(limit) || limit < 0) throw new ValidationError("limit", `must be a non-negative integer, got ${limit}`);
      return decodeLogPage(await readLogPage(r!, offset, limit, options));
    },

    /** Reads the last `bytes` bytes of the logs (default 4096). */
    async tail(ref: Ref, options: RequestOptions & { bytes?: number } = {}): Promise<LogRead> {
      const [r] = parseOne(ref);
      const bytes = options.bytes ?? 4096;
      return decodeLogPage(await readLogPage(r!, tailOffset(bytes), Math.min(bytes, MAX_LOG_BYTES), options));
    },

    /**
     * Follows the logs as they are written: yields `{ type: "data", text }` events (and
     * `{ type: "gap" }` when the server dropped bytes before they were read) until the instance
     * stops, or until the signal aborts. Every byte is delivered once, across polls and retries.
     * @example for await (const line of lines(ukc.instances.follow("web"))) console.log(line);
     */
    follow(ref: Ref, options: FollowOptions = {}): AsyncIterableIterator<LogEvent> {
      const [r] = parseOne(ref);
      return followLogs((offset, limit, signal) => readLogPage(r!, offset, limit, { signal }), options);
    },

    /** Reads metrics (memory, CPU time, boot time, network counters) of one or many instances. */
    metrics: batchOf<GetInstanceMetricsResponseInstanceMetrics>("instance metrics", async (refs, options) => {
      const env =
        refs.length === 1 && "uuid" in refs[0]!
          ? await envelope("GET", ctx.api.GET("/v1/instances/{uuid}/metrics", { params: { path: { uuid: refs[0].uuid } }, ...via(ctx, options) }))
          : await envelope("GET", ctx.api.GET("/v1/instances/metrics", { params: { query: refQuery(refs) }, ...via(ctx, options) }));
      return { items: env.data?.instances, message: env.message };
    }),
  };
  return api;
}

/** The instances resource. */
export type Instances = ReturnType<typeof instances>;
