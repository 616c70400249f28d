/**
 * Volume templates: volumes turned into templates (state `template`, same UUID and name) that new
 * volumes are created from (`volumes.create({ template })`). Create from volumes, get, list,
 * update (tags, delete_lock), delete.
 */
import type * as api from "@ukc/api";
import type { Patch } from "../core/patch.js";
import type { Named, VolumeTemplate } from "../core/types.js";
import type { Context } from "../internal/call.js";
import { batchMethod, standard, type UpdateMethod } from "../internal/resource.js";
import { VOLUME_TEMPLATES } from "./declared.js";

/** @inline */
type Updated = Named<api.UpdateVolumesResponseUpdatedVolume>;
/** @inline */
type VolumeTemplatePatch = Patch<api.Volume, api.UpdateTemplateVolumesRequestItem["prop"], "tags">;

/** Volume templates of Unikraft Cloud. */
export function volumeTemplates(ctx: Context) {
  const { path, key } = VOLUME_TEMPLATES;
  const std = standard<VolumeTemplate, Updated, Named<api.DeleteVolumesResponseDeletedVolume>>(ctx, VOLUME_TEMPLATES);
  return {
    /**
     * Turns one or many volumes into templates, in one request; each keeps its UUID and name. A
     * volume that is not available (or is attached) fails with its own error.
     * @example const tpl = await ukc.volumeTemplates.create("base-data");
     */
    create: batchMethod<Named<api.CreateTemplateVolumesResponseTemplateVolume>>(ctx, { operation: "create volume template", method: "POST", path, key }),

    /** Gets one volume template by name or UUID. @example const tpl = await ukc.volumeTemplates.get("base-data"); */
    get: std.get,

    /** Lists volume templates, page by page, as an async iterator, oldest first. @example for await (const t of ukc.volumeTemplates.list()) console.log(t.name, t.size_mb); */
    list: std.list,

    /**
     * Updates the tags or deletion protection of one volume template, or many with the same patch.
     * @example await ukc.volumeTemplates.update("base-data", { delete_lock: true });
     */
    update: std.update as UpdateMethod<VolumeTemplatePatch, Updated>,

    /** Deletes one or many volume templates; one with `delete_lock` fails with error 14. @example await ukc.volumeTemplates.delete("base-data"); */
    delete: std.delete,
  };
}

/** The volume templates resource. */
export type VolumeTemplates = ReturnType<typeof volumeTemplates>;
