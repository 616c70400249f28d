/**
 * Instance templates: stopped instances (without snapshots) turned into templates that new
 * instances are created from. List, create from instances, get, update (tags, delete_lock,
 * autokill), delete.
 */
import type * as api from "@ukc/api";
import type { Patch } from "../core/patch.js";
import type { Named, Template } from "../core/types.js";
import type { Context } from "../internal/call.js";
import { TEMPLATES } from "./declared.js";
import { batchMethod, standard, type UpdateMethod } from "../internal/resource.js";

/** A patch of a template: `{ delete_lock: true }`, `{ tags: add(["base"]) }`. */
export type TemplatePatch = Patch<api.TemplateInstance & { autokill?: unknown }, api.UpdateTemplatesRequestItem["prop"], "tags">;


/** Instance templates of Unikraft Cloud. */
export function templates(ctx: Context) {
  const { path } = TEMPLATES;
  const std = standard<Template, Named<api.UpdateInstancesResponseUpdatedInstance>, Named<api.DeleteInstancesResponseDeletedInstance>>(ctx, TEMPLATES);
  return {
    /**
     * Lists templates, page by page, as an async iterator, oldest first.
     * @example for await (const t of ukc.templates.list({ tags: ["base"] })) console.log(t.name, t.image);
     */
    list: std.list,

    /**
     * Turns one or many stopped instances (without snapshots) into templates, in one request.
     * An instance that is not stopped fails with error 11 (wrong VM state).
     * @example const tpl = await ukc.templates.create("nginx-base");
     */
    create: batchMethod<Template>(ctx, { operation: "create template", method: "POST", path, key: "instances" }),

    /** Gets one template by name or UUID. @example const tpl = await ukc.templates.get("nginx-base"); */
    get: std.get,

    /**
     * Updates the tags, deletion protection or autokill of one template, or many with the same patch.
     * @example await ukc.templates.update(["tpl-a", "tpl-b"], { delete_lock: true, tags: add(["base"]) });
     */
    update: std.update as UpdateMethod<TemplatePatch, Named<api.UpdateInstancesResponseUpdatedInstance>>,

    /** Deletes one or many templates; one with `delete_lock` fails with error 14. @example await ukc.templates.delete(["tpl-a", "tpl-b"]); */
    delete: std.delete,
  };
}

/** The templates resource. */
export type Templates = ReturnType<typeof templates>;
