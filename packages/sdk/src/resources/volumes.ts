/**
 * Volumes: create, get, list, update, delete, attach to and detach from instances, and wait for a
 * state (e.g. `available`) by polling.
 */
import type {
  AttachVolumesRequest,
  AttachVolumesResponseAttachedVolume,
  CreateVolumeRequest,
  CreateVolumeResponseVolume,
  DeleteVolumesResponseDeletedVolume,
  DetachVolumesRequest,
  DetachVolumesResponseDetachedVolume,
  UpdateVolumeByUUIDRequestBody,
  UpdateVolumesRequestItem,
  UpdateVolumesResponseUpdatedVolume,
  Volume,
} from "@ukc/api";
import { batchOf, perRef, settle, singleUUIDUpdate, updater, type UpdateMethod } from "../internal/batch.js";
import { via, type Context } from "../internal/context.js";
import { envelope } from "../internal/envelope.js";
import { ValidationError } from "../core/errors.js";
import { paginate, type ListOptions } from "../internal/pagination.js";
import { toOperations, type RawOperation } from "../core/patch.js";
import { waitForState, type WaitForOptions } from "../internal/poll.js";
import { NAME_PATTERN, parseRef, parseRefs, type ParsedRef, type Ref } from "../core/refs.js";
import type { RequestOptions } from "../internal/transport.js";

/** The states of a volume (`Volume.state`). */
export const VOLUME_STATES = ["uninitialized", "initializing", "available", "idle", "mounted", "busy", "error", "template"] as const;
/** A state of a volume. */
export type VolumeState = (typeof VOLUME_STATES)[number];

/** Properties of a volume that `update` can change. */
export const VOLUME_PROPS = ["size_mb", "tags", "quota_policy", "delete_lock"] as const;
/** Properties that take `add(…)` / `del(…)`. */
export const VOLUME_LIST_PROPS = ["tags"] as const;
type VolumeProp = UpdateVolumesRequestItem["prop"];

/** A patch of a volume: `{ size_mb: 128 }`, `{ tags: add(["db"]) }`, `{ delete_lock: true }`. */
export type VolumePatch = Partial<Record<(typeof VOLUME_PROPS)[number], unknown>>;

/**
 * The mount-point rule of the API: an absolute path without `.`/`..` components and without colons
 * (the `at` pattern of `AttachVolumesRequest` in the spec).
 */
export const MOUNT_PATH_PATTERN = /^\/(?!.*\.\.\/|.*\.$|.*\/\.\/|.*:).*$/;

/** What `attach` needs: the instance, the mount point(s) and whether to mount read-only. */
export interface AttachParams {
  /** The instance to attach to (name or UUID). It must be stopped. */
  to: Ref;
  /**
   * Mount point in the instance: an absolute path without `.`, `..` or `:`. When attaching several
   * volumes at once, give one path per volume (an array in the order of the references).
   */
  at: string | readonly string[];
  /** Mount read-only. Default false. */
  readonly?: boolean;
}

/** What `detach` takes: the instance to detach from; without `from`, from every instance. */
export interface DetachParams {
  /** The instance to detach from (name or UUID). Default: all instances the volume is attached to. */
  from?: Ref;
}

/**
 * Options of `volumes.waitUntil()`: the total `timeoutMs` (default 60000), the polling schedule
 * (`intervalMs` default 500, doubling up to `maxIntervalMs` default 5000, with jitter), the signal,
 * and the request options of each GET.
 */
export interface VolumeWaitOptions extends Omit<WaitForOptions, "description" | "random">, Omit<RequestOptions, "timeoutMs" | "signal"> {}

/** The condition of `volumes.waitUntil()`: a predicate, or the state(s) to reach. */
export type VolumeCondition = ((volume: Volume) => boolean) | { state: VolumeState | readonly VolumeState[] };

/** A method taking one or many volume references plus arguments. */
export interface VolumeBatchMethod<A, T> {
  (ref: Ref, args: A, options?: RequestOptions): Promise<T>;
  (refs: readonly Ref[], args: A, options?: RequestOptions): Promise<T[]>;
}

function checkName(name: unknown, field: string): void {
  if (name === undefined) return;
  if (typeof name !== "string" || !NAME_PATTERN.test(name)) {
    throw new ValidationError(field, `'${String(name)}' is not a valid name: use 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit`);
  }
}

function checkSize(value: unknown, field: string): void {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
    throw new ValidationError(field, `must be a positive integer of megabytes, got ${JSON.stringify(value)}`);
  }
}

/** Checks the values of an update of volumes (before anything is sent). */
function checkVolumeOps(ops: readonly RawOperation<VolumeProp>[]): void {
  ops.forEach((op, i) => {
    const field = `patch.${op.prop}`;
    if (op.prop === "size_mb") {
      if (op.op !== "set") throw new ValidationError(field, `size_mb can only be set, not '${op.op}'`);
      checkSize(op.value, field);
    } else if (op.prop === "quota_policy") {
      if (op.op !== "set") throw new ValidationError(field, `quota_policy can only be set, not '${op.op}'`);
      if (!["static", "dynamic", 1, 2].includes(op.value as string | number)) {
        throw new ValidationError(field, `must be "static" or "dynamic" (or 1 / 2), got ${JSON.stringify(op.value)}`);
      }
    } else if (op.prop === "delete_lock") {
      if (op.op !== "set" || typeof op.value !== "boolean") throw new ValidationError(field, "delete_lock must be set to true or false");
    } else if (op.prop === "tags") {
      if (!Array.isArray(op.value) || op.value.some((t) => typeof t !== "string")) {
        throw new ValidationError(`patch[${i}].tags`, "tags must be an array of strings");
      }
    }
  });
}

/** Validates the mount point(s) of an attach: one per volume. */
function mountPaths(at: unknown, count: number): string[] {
  const list = typeof at === "string" ? [at] : Array.isArray(at) ? (at as unknown[]) : undefined;
  if (!list) throw new ValidationError("at", "the mount point is required, e.g. { at: '/mnt/data' }");
  if (typeof at === "string" && count > 1) {
    throw new ValidationError("at", `${count} volumes cannot share the mount point '${at}'; pass one path per volume (an array)`);
  }
  if (list.length !== count) throw new ValidationError("at", `got ${list.length} mount point(s) for ${count} volume(s); give one per volume`);
  list.forEach((path, i) => {
    const field = typeof at === "string" ? "at" : `at[${i}]`;
    if (typeof path !== "string" || !MOUNT_PATH_PATTERN.test(path)) {
      throw new ValidationError(field, `'${String(path)}' is not a valid mount point: use an absolute path without '.' or '..' components and without ':'`);
    }
  });
  if (new Set(list).size !== list.length) throw new ValidationError("at", "two volumes cannot be mounted at the same path");
  return list as string[];
}

/** Volumes of Unikraft Cloud. */
export function volumes(ctx: Context) {
  const parseMany = (input: Ref | readonly Ref[]) => parseRefs(input as Ref | Ref[]);

  const update = updater<VolumeProp, UpdateVolumesResponseUpdatedVolume>("update volume", VOLUME_PROPS, VOLUME_LIST_PROPS, async (body, options) => {
    const one = singleUUIDUpdate(body);
    const env = one
      ? await envelope(
          "PATCH",
          ctx.api.PATCH("/v1/volumes/{uuid}", { params: { path: { uuid: one.uuid } }, body: one.op as UpdateVolumeByUUIDRequestBody, ...via(ctx, options) }),
        )
      : await envelope("PATCH", ctx.api.PATCH("/v1/volumes", { body: body as UpdateVolumesRequestItem[], ...via(ctx, options) }));
    return { items: env.data?.volumes, message: env.message };
  });

  async function getOne(ref: Ref, options?: RequestOptions & { details?: boolean }): Promise<Volume> {
    return (await perRef("get volume", ref, parseMany, async ([r]) => {
      const details = options?.details;
      const env =
        "uuid" in r!
          ? await envelope("GET", ctx.api.GET("/v1/volumes/{uuid}", { params: { path: { uuid: r.uuid }, query: { details } }, ...via(ctx, options) }))
          : await envelope("GET", ctx.api.GET("/v1/volumes", { params: { query: { name: [r!.name], details } }, ...via(ctx, options) }));
      return { items: env.data?.volumes, message: env.message };
    })) as Volume;
  }

  return {
    /**
     * Creates a volume of `size_mb` megabytes (a name is generated when none is given).
     * Not retried once the request may have reached the server.
     * @example const vol = await ukc.volumes.create({ name: "pgdata", size_mb: 512 });
     */
    async create(params: CreateVolumeRequest, options?: RequestOptions): Promise<CreateVolumeResponseVolume> {
      if (!params || typeof params !== "object" || Array.isArray(params)) {
        throw new ValidationError("params", "expected { size_mb, name? }, e.g. { name: 'pgdata', size_mb: 512 }");
      }
      const unknown = Object.keys(params).filter((k) => k !== "name" && k !== "size_mb");
      if (unknown.length) throw new ValidationError("params", `unknown field(s) ${unknown.join(", ")}; a volume is created with size_mb and name`);
      checkSize(params.size_mb, "params.size_mb");
      checkName(params.name, "params.name");
      const body: CreateVolumeRequest = { size_mb: params.size_mb, ...(params.name !== undefined ? { name: params.name } : {}) };
      const env = await envelope("POST", ctx.api.POST("/v1/volumes", { body, ...via(ctx, options) }));
      const created = env.data?.volumes ?? [];
      const { succeeded, failed } = settle("create volume", [params], [undefined], created.slice(0, 1), env.message);
      if (failed.length) throw failed[0]!.error;
      return succeeded[0]!;
    },

    /**
     * Gets one volume by name or UUID.
     * @example const vol = await ukc.volumes.get("pgdata"); console.log(vol.state, vol.size_mb);
     */
    get: getOne,

    /**
     * Lists volumes, page by page, as an async iterator.
     * @example for await (const vol of ukc.volumes.list({ tags: ["db"] })) console.log(vol.name, vol.state);
     */
    list(options: ListOptions & RequestOptions = {}): AsyncGenerator<Volume, void, undefined> {
      return paginate<Volume>(
        async (from, count) => {
          const env = await envelope(
            "GET",
            ctx.api.GET("/v1/volumes", {
              params: { query: { count, from, details: options.details, tags: options.tags, sortby: "create_time", order: "asc" } },
              ...via(ctx, options),
            }),
          );
          return env.data?.volumes ?? [];
        },
        (item) => item.uuid,
        options,
      );
    },

    /**
     * Updates one volume, or many with the same patch: `size_mb` (a positive integer),
     * `quota_policy` (`"static"`/`"dynamic"`), `delete_lock` (boolean) and `tags`
     * (`add(…)`/`del(…)` or a new list).
     * @example await ukc.volumes.update("pgdata", { size_mb: 1024, tags: add(["db"]) });
     */
    update: (async (input: Ref | readonly Ref[], patch: VolumePatch | readonly RawOperation<VolumeProp>[], options?: RequestOptions) => {
      checkVolumeOps(toOperations(patch, VOLUME_PROPS, VOLUME_LIST_PROPS));
      return update(input as Ref, patch, options);
    }) as UpdateMethod<VolumeProp, UpdateVolumesResponseUpdatedVolume>,

    /**
     * Deletes one or many volumes. An attached volume fails with error 15 (detach it first).
     * @example await ukc.volumes.delete(["vol-a", "vol-b"]);
     */
    delete: batchOf<DeleteVolumesResponseDeletedVolume>("delete volume", async (refs, options) => {
      const env =
        refs.length === 1 && "uuid" in refs[0]!
          ? await envelope("DELETE", ctx.api.DELETE("/v1/volumes/{uuid}", { params: { path: { uuid: refs[0].uuid } }, ...via(ctx, options) }))
          : await envelope("DELETE", ctx.api.DELETE("/v1/volumes", { body: refs, ...via(ctx, options) }));
      return { items: env.data?.volumes, message: env.message };
    }),

    /**
     * Attaches one or many volumes to a stopped instance, mounted at `at` when it starts. Several
     * volumes need one mount point each (`at` as an array). The volumes must be `available`.
     * @example await ukc.volumes.attach("pgdata", { to: "db", at: "/var/lib/postgresql" });
     */
    attach: (async (input: Ref | readonly Ref[], params: AttachParams, options?: RequestOptions) => {
      const refs = parseMany(input);
      if (!params || typeof params !== "object") throw new ValidationError("params", "expected { to, at, readonly? }");
      const to = parseRef(params.to, "to");
      const paths = mountPaths(params.at, refs.length);
      if (params.readonly !== undefined && typeof params.readonly !== "boolean") throw new ValidationError("readonly", "must be a boolean");
      const readonly = params.readonly !== undefined ? { readonly: params.readonly } : {};
      return perRef<AttachVolumesResponseAttachedVolume, Ref>("attach volume", input, () => refs, async (parsed) => {
        const env =
          parsed.length === 1 && "uuid" in parsed[0]!
            ? await envelope(
                "PUT",
                ctx.api.PUT("/v1/volumes/{uuid}/attach", {
                  params: { path: { uuid: parsed[0].uuid } },
                  body: { attach_to: to, at: paths[0]!, ...readonly },
                  ...via(ctx, options),
                }),
              )
            : await envelope(
                "PUT",
                ctx.api.PUT("/v1/volumes/attach", {
                  body: parsed.map((r, i) => ({ ...r, attach_to: to, at: paths[i]!, ...readonly }) as AttachVolumesRequest),
                  ...via(ctx, options),
                }),
              );
        return { items: env.data?.volumes, message: env.message };
      });
    }) as VolumeBatchMethod<AttachParams, AttachVolumesResponseAttachedVolume>,

    /**
     * Detaches one or many volumes from the instance `from`, or from every instance they are
     * attached to when `from` is not given.
     * @example await ukc.volumes.detach("pgdata", { from: "db" });
     */
    detach: (async (input: Ref | readonly Ref[], params: DetachParams = {}, options?: RequestOptions) => {
      const refs = parseMany(input);
      if (params === null || typeof params !== "object") throw new ValidationError("params", "expected { from? }");
      const from: { from?: ParsedRef } = params.from !== undefined ? { from: parseRef(params.from, "from") } : {};
      return perRef<DetachVolumesResponseDetachedVolume, Ref>("detach volume", input, () => refs, async (parsed) => {
        const env =
          parsed.length === 1 && "uuid" in parsed[0]!
            ? await envelope(
                "PUT",
                ctx.api.PUT("/v1/volumes/{uuid}/detach", { params: { path: { uuid: parsed[0].uuid } }, body: from, ...via(ctx, options) }),
              )
            : await envelope(
                "PUT",
                ctx.api.PUT("/v1/volumes/detach", { body: parsed.map((r) => ({ ...r, ...from }) as DetachVolumesRequest), ...via(ctx, options) }),
              );
        return { items: env.data?.volumes, message: env.message };
      });
    }) as {
      (ref: Ref, params?: DetachParams, options?: RequestOptions): Promise<DetachVolumesResponseDetachedVolume>;
      (refs: readonly Ref[], params?: DetachParams, options?: RequestOptions): Promise<DetachVolumesResponseDetachedVolume[]>;
    },

    /**
     * Polls the volume (one GET per poll, backing off from `intervalMs`) until it is in one of the
     * given states or the predicate holds, and resolves with the volume as last read.
     * Rejects with `WaitTimeoutError` (with the last volume seen) at the deadline, with
     * `AbortError` when the signal aborts, at once with errors a later poll cannot fix
     * (`NotFoundError`, `AuthenticationError`, …), and at once with an `APIError` when the volume
     * reaches the `error` state while another state is awaited.
     * @example const vol = await ukc.volumes.waitUntil("pgdata", { state: "available" }, { timeoutMs: 30_000 });
     */
    async waitUntil(ref: Ref, condition: VolumeCondition, options: VolumeWaitOptions = {}): Promise<Volume> {
      return waitForState({ kind: "volume", states: VOLUME_STATES, example: "available", get: getOne }, ref, condition, options);
    },
  };
}

/** The volumes resource. */
export type Volumes = ReturnType<typeof volumes>;
