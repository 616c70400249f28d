/**
 * Volumes: create, get, list, update, delete, attach to and detach from instances, clone, and
 * wait for a state (e.g. `available`) by polling.
 */
import type * as api from "@ukc/api";
import { ValidationError } from "../core/errors.js";
import type { Patch } from "../core/patch.js";
import { parseRef, parseRefs, type Ref } from "../core/refs.js";
import type { Named, Volume } from "../core/types.js";
import type { Context } from "../internal/call.js";
import { VOLUMES } from "./declared.js";
import { createOrReconcile } from "../internal/create.js";
import { byRefs, standard, type UpdateMethod } from "../internal/resource.js";
import type { RequestOptions } from "../internal/transport.js";
import { validateBody } from "../internal/validate.js";


/** A patch of a volume: `{ size_mb: 128 }`, `{ tags: add(["db"]) }`, `{ delete_lock: true }`. */
export type VolumePatch = Patch<api.Volume & { quota_policy?: "static" | "dynamic" }, api.UpdateVolumesRequestItem["prop"], "tags">;

/** What `attach` needs: the instance, the mount point(s) and whether to mount read-only. */
export interface AttachParams {
  /** The instance to attach to (name or UUID). It must be stopped. */
  to: Ref;
  /** Mount point(s): an absolute path without `.`, `..` or `:`; one per volume when attaching several. */
  at: string | readonly string[];
  /** Mount read-only. Default false. */
  readonly?: boolean;
}

/** What `detach` takes: the instance to detach from; without `from`, from every instance. */
export interface DetachParams {
  /** The instance to detach from (name or UUID). Default: all instances the volume is attached to. */
  from?: Ref;
}

/** The mount-point rule of the API: an absolute path without `.`/`..` components and without colons. */
export const MOUNT_PATH_PATTERN = /^\/(?!.*\.\.\/|.*\.$|.*\/\.\/|.*:).*$/;

/** Validates the mount point(s) of an attach: one per volume, all different. */
function mountPaths(at: unknown, count: number): string[] {
  const list = typeof at === "string" ? [at] : Array.isArray(at) ? (at as unknown[]) : undefined;
  if (!list) throw new ValidationError("at", "the mount point is required, e.g. { at: '/mnt/data' }");
  if (typeof at === "string" && count > 1) {
    throw new ValidationError("at", `${count} volumes cannot share the mount point '${at}'; pass one path per volume (an array)`);
  }
  if (list.length !== count) throw new ValidationError("at", `got ${list.length} mount point(s) for ${count} volume(s); give one per volume`);
  list.forEach((path, i) => {
    if (typeof path !== "string" || !MOUNT_PATH_PATTERN.test(path)) {
      throw new ValidationError(typeof at === "string" ? "at" : `at[${i}]`, `'${String(path)}' is not a valid mount point: use an absolute path without '.' or '..' components and without ':'`);
    }
  });
  if (new Set(list).size !== list.length) throw new ValidationError("at", "two volumes cannot be mounted at the same path");
  return list as string[];
}

const PATH = VOLUMES.path;

/** Volumes of Unikraft Cloud. */
export function volumes(ctx: Context) {
  const std = standard<Volume, Named<api.UpdateVolumesResponseUpdatedVolume>, Named<api.DeleteVolumesResponseDeletedVolume>>(ctx, VOLUMES);
  const route = (operation: string, verb: string, method: "PUT" | "POST" = "PUT") => ({ operation, method, path: `${PATH}/${verb}`, one: `${PATH}/{uuid}/${verb}`, key: "volumes" });

  return {
    /**
     * Creates a volume of `size_mb` megabytes (a name is generated when none is given), checked
     * against the spec first. Not retried once it may have reached the server; a lost answer to a
     * create with a name is reconciled by looking the name up once.
     * @example const vol = await ukc.volumes.create({ name: "pgdata", size_mb: 512 });
     */
    async create(params: api.CreateVolumeRequest, options?: RequestOptions): Promise<Named<api.CreateVolumeResponseVolume>> {
      // What the spec cannot say: a new volume needs a size unless it is made from a template.
      if (params && typeof params === "object" && params.size_mb === undefined && params.template === undefined) {
        throw new ValidationError("params.size_mb", "is required (megabytes, e.g. { size_mb: 512 }) unless the volume is made from a template");
      }
      return (await createOrReconcile<Named<api.CreateVolumeResponseVolume>>(ctx, { operation: "create volume", path: PATH, key: "volumes", root: "createVolume", get: std.get }, params, options)).item;
    },

    /** Gets one volume by name or UUID. @example const vol = await ukc.volumes.get("pgdata"); */
    get: std.get,

    /** Lists volumes, page by page, as an async iterator. @example for await (const vol of ukc.volumes.list({ tags: ["db"] })) console.log(vol.name); */
    list: std.list,

    /**
     * Updates one volume, or many with the same patch: `size_mb`, `quota_policy`, `delete_lock`,
     * `tags` (`add(…)`/`del(…)` or a new list); values are checked against the spec first.
     * @example await ukc.volumes.update("pgdata", { size_mb: 1024, tags: add(["db"]) });
     */
    update: std.update as UpdateMethod<VolumePatch, Named<api.UpdateVolumesResponseUpdatedVolume>>,

    /** Deletes one or many volumes; an attached one fails with error 15. @example await ukc.volumes.delete(["vol-a", "vol-b"]); */
    delete: std.delete,

    /**
     * Attaches one or many volumes to a stopped instance, mounted at `at` when it starts (one
     * path per volume). The volumes must be `available`.
     * @example await ukc.volumes.attach("pgdata", { to: "db", at: "/var/lib/postgresql" });
     */
    attach: (async (input: Ref | readonly Ref[], params: AttachParams, options?: RequestOptions) => {
      const refs = parseRefs(input as Ref | Ref[]);
      if (!params || typeof params !== "object") throw new ValidationError("params", "expected { to, at, readonly? }");
      const attach_to = parseRef(params.to, "to");
      const paths = mountPaths(params.at, refs.length);
      if (params.readonly !== undefined && typeof params.readonly !== "boolean") throw new ValidationError("readonly", "must be a boolean");
      const readonly = params.readonly !== undefined ? { readonly: params.readonly } : {};
      return byRefs(ctx, { ...route("attach volume", "attach"), fields: (i) => ({ attach_to, at: paths[i], ...readonly }) }, input, options, refs);
    }) as {
      (ref: Ref, params: AttachParams, options?: RequestOptions): Promise<Named<api.AttachVolumesResponseAttachedVolume>>;
      (refs: readonly Ref[], params: AttachParams, options?: RequestOptions): Promise<Named<api.AttachVolumesResponseAttachedVolume>[]>;
    },

    /**
     * Detaches one or many volumes from the instance `from`, or from every instance when `from`
     * is not given.
     * @example await ukc.volumes.detach("pgdata", { from: "db" });
     */
    detach: (async (input: Ref | readonly Ref[], params: DetachParams = {}, options?: RequestOptions) => {
      if (params === null || typeof params !== "object") throw new ValidationError("params", "expected { from? }");
      const from = params.from !== undefined ? { from: parseRef(params.from, "from") } : {};
      return byRefs(ctx, { ...route("detach volume", "detach"), fields: () => from }, input, options);
    }) as {
      (ref: Ref, params?: DetachParams, options?: RequestOptions): Promise<Named<api.DetachVolumesResponseDetachedVolume>>;
      (refs: readonly Ref[], params?: DetachParams, options?: RequestOptions): Promise<Named<api.DetachVolumesResponseDetachedVolume>[]>;
    },

    /**
     * Clones one or many volumes: each copy gets the settings given (a `vol_name` only when
     * cloning one volume; otherwise names are generated). Checked against the spec first.
     * @example const copy = await ukc.volumes.clone("pgdata", { vol_name: "pgdata-copy" });
     */
    clone: (async (input: Ref | readonly Ref[], params: api.CloneVolumeByUUIDRequestBody = {}, options?: RequestOptions) => {
      validateBody("cloneVolume", params, "params");
      if (Array.isArray(input) && input.length > 1 && params.vol_name !== undefined) {
        throw new ValidationError("params.vol_name", "names one copy; clone several volumes without vol_name (names are generated) or one at a time");
      }
      return byRefs(ctx, { ...route("clone volume", "clone", "POST"), positional: true, fields: () => params as Record<string, unknown> }, input, options);
    }) as {
      (ref: Ref, params?: api.CloneVolumeByUUIDRequestBody, options?: RequestOptions): Promise<Named<api.CloneVolumesResponseVolume>>;
      (refs: readonly Ref[], params?: api.CloneVolumeByUUIDRequestBody, options?: RequestOptions): Promise<Named<api.CloneVolumesResponseVolume>[]>;
    },

    /**
     * Polls the volume until it is in one of the given states or the predicate holds. Rejects with
     * `WaitTimeoutError` at the deadline, and at once when it reaches `error` while another state is awaited.
     * @example const vol = await ukc.volumes.waitUntil("pgdata", { state: "available" }, { timeoutMs: 30_000 });
     */
    waitUntil: std.waitUntil,
  };
}

/** The volumes resource. */
export type Volumes = ReturnType<typeof volumes>;
