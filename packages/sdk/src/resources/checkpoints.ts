/**
 * Checkpoints: saved copies of an instance (its configuration and state), listed as instances in
 * the `checkpoint` state. Take them of one or many instances, list, get, update (tags,
 * delete_lock, autokill), delete, and read their history (the lineage of each checkpoint).
 */
import type * as api from "@ukc/api";
import { ValidationError } from "../core/errors.js";
import type { Patch } from "../core/patch.js";
import { parseRefs, type Ref } from "../core/refs.js";
import type { Checkpoint, Named } from "../core/types.js";
import { call, type Context } from "../internal/call.js";
import { answerFor, batchMethod, standard, type UpdateMethod } from "../internal/resource.js";
import type { RequestOptions } from "../internal/transport.js";
import { validateBody } from "../internal/validate.js";
import { CHECKPOINTS } from "./declared.js";

/** What a new checkpoint may be given besides its instance. @inline */
type Settings = Omit<api.CreateCheckpointInstancesRequestItem, "from">;
/** @inline */
type Created = Named<api.CreateCheckpointInstancesResponseCheckpointInstance>;
/** @inline */
type Updated = Named<api.UpdateCheckpointInstancesResponseCheckpointInstance>;
/** @inline */
type CheckpointPatch = Patch<{ tags?: string[]; delete_lock?: boolean; autokill?: api.CheckpointAutokill }, api.UpdateCheckpointInstancesRequestItem["prop"], "tags">;

const { path: PATH, key: KEY } = CHECKPOINTS;

/** Checkpoints of Unikraft Cloud. */
export function checkpoints(ctx: Context) {
  const std = standard<Checkpoint, Updated, Named<api.DeleteCheckpointInstancesResponseCheckpointInstance>>(ctx, CHECKPOINTS);

  /** One request body item per instance, each checked against the spec before anything is sent. */
  function bodyOf(input: Ref | readonly Ref[], settings: Settings): api.CreateCheckpointInstancesRequestItem[] {
    if (settings === null || typeof settings !== "object" || Array.isArray(settings)) throw new ValidationError("params", "expected { name?, timeout_s?, tags?, autokill? }");
    if (Object.hasOwn(settings, "from")) throw new ValidationError("params.from", "the instances are the first argument: create(from, settings)");
    const sources = parseRefs(input as Ref | Ref[], "from");
    if (sources.length > 1 && settings.name !== undefined) {
      throw new ValidationError("params.name", "names one checkpoint; checkpoint several instances without a name (names are generated) or one at a time");
    }
    const body = sources.map((from) => ({ ...settings, from }));
    validateBody("createCheckpoints", body[0], "params");
    return body;
  }

  return {
    /**
     * Takes a checkpoint of one instance (resolves with it) or of many in one request (resolves
     * with one per instance, in order; a failure of any is a `BatchError`). The settings are shared:
     * a `name` only when checkpointing one instance; `timeout_s` waits for the checkpoint to be ready.
     * Checked against the spec first.
     * @example const ckpt = await ukc.checkpoints.create("web", { name: "web-nightly", tags: ["nightly"] });
     */
    create: (async (input: Ref | readonly Ref[], settings: Settings = {}, options?: RequestOptions) => {
      const body = bodyOf(input, settings);
      const many = Array.isArray(input);
      const inputs = (many ? input : [input]) as readonly Ref[];
      const answer = await call(ctx, { method: "POST", path: PATH, body }, options);
      // The answer's items are the new checkpoints, not the instances: matched by position.
      return answerFor<Created, Ref>("create checkpoint", answer, KEY, inputs, inputs.map(() => undefined), many);
    }) as {
      (from: Ref, settings?: Settings, options?: RequestOptions): Promise<Created>;
      (from: readonly Ref[], settings?: Settings, options?: RequestOptions): Promise<Created[]>;
    },

    /** Gets one checkpoint by name or UUID. @example const ckpt = await ukc.checkpoints.get("web-nightly"); */
    get: std.get,

    /** Lists checkpoints, page by page, as an async iterator, oldest first. @example for await (const c of ukc.checkpoints.list({ tags: ["nightly"] })) console.log(c.name); */
    list: std.list,

    /**
     * Updates the tags, deletion protection or autokill of one checkpoint, or many with the same
     * patch; checked against the spec first.
     * @example await ukc.checkpoints.update("web-nightly", { delete_lock: true, tags: add(["keep"]) });
     */
    update: std.update as UpdateMethod<CheckpointPatch, Updated>,

    /** Deletes one or many checkpoints; one with `delete_lock` fails with error 14. @example await ukc.checkpoints.delete("web-nightly"); */
    delete: std.delete,

    /**
     * Reads the history of one or many checkpoints: the checkpoints of the same instance up to each, oldest first.
     * @example const { history } = await ukc.checkpoints.history("web-nightly");
     */
    history: batchMethod<Named<api.GetCheckpointHistoryResponseInstanceHistory>>(ctx, { operation: "checkpoint history", method: "GET", path: `${PATH}/history`, one: `${PATH}/{uuid}/history`, key: KEY }),
  };
}

/** The checkpoints resource. */
export type Checkpoints = ReturnType<typeof checkpoints>;
