/**
 * Instance templates: stopped instances (without snapshots) turned into templates that new
 * instances are created from. List, create from instances, get, update (tags, delete_lock), delete.
 */
import type {
  DeleteInstancesResponseDeletedInstance,
  TemplateInstance,
  UpdateInstancesResponseUpdatedInstance,
  UpdateTemplateByUUIDRequestBody,
  UpdateTemplatesRequestItem,
} from "@ukc/api";
import { batchOf, perRef, singleUUIDUpdate, updater, type UpdateMethod } from "../internal/batch.js";
import { via, type Context } from "../internal/context.js";
import { envelope } from "../internal/envelope.js";
import { ValidationError } from "../core/errors.js";
import { paginate, type ListOptions } from "../internal/pagination.js";
import { toOperations, type RawOperation } from "../core/patch.js";
import { parseRefs, type Ref } from "../core/refs.js";
import type { RequestOptions } from "../internal/transport.js";

/** Properties of a template that `update` can change. */
export const TEMPLATE_PROPS = ["tags", "delete_lock", "autokill"] as const;
/** Properties that take `add(…)` / `del(…)`. */
export const TEMPLATE_LIST_PROPS = ["tags"] as const;

/** A patch of a template: `{ delete_lock: true }`, `{ tags: add(["base"]) }`. */
export type TemplatePatch = Partial<Record<(typeof TEMPLATE_PROPS)[number], unknown>>;

type TemplateProp = UpdateTemplatesRequestItem["prop"];

/** Checks the values of a template update (before anything is sent). */
function checkOps(ops: readonly RawOperation<TemplateProp>[]): void {
  for (const op of ops) {
    if (op.prop === "delete_lock") {
      if (op.op !== "set" || typeof op.value !== "boolean") throw new ValidationError("patch.delete_lock", "delete_lock must be set to true or false");
    } else if (op.prop === "autokill") {
      if (op.op !== "set" || typeof op.value !== "object" || op.value === null || Array.isArray(op.value)) {
        throw new ValidationError("patch.autokill", "autokill must be set to an object of autokill settings");
      }
    } else if (!Array.isArray(op.value) || op.value.some((t) => typeof t !== "string")) {
      throw new ValidationError("patch.tags", "tags must be an array of strings");
    }
  }
}

/** Instance templates of Unikraft Cloud. */
export function templates(ctx: Context) {
  const parseMany = (input: Ref | readonly Ref[]) => parseRefs(input as Ref | Ref[]);

  const update = updater<TemplateProp, UpdateInstancesResponseUpdatedInstance>("update template", TEMPLATE_PROPS, TEMPLATE_LIST_PROPS, async (body, options) => {
    const one = singleUUIDUpdate(body);
    const env = one
      ? await envelope(
          "PATCH",
          ctx.api.PATCH("/v1/instances/templates/{uuid}", { params: { path: { uuid: one.uuid } }, body: one.op as UpdateTemplateByUUIDRequestBody, ...via(ctx, options) }),
        )
      : await envelope("PATCH", ctx.api.PATCH("/v1/instances/templates", { body: body as UpdateTemplatesRequestItem[], ...via(ctx, options) }));
    return { items: env.data?.instances, message: env.message };
  });

  return {
    /**
     * Lists templates, page by page, as an async iterator. Pages are read with the inclusive
     * `from` cursor, oldest first, like every other list: each template comes exactly once.
     * @example for await (const t of ukc.templates.list({ tags: ["base"] })) console.log(t.name, t.image);
     */
    list(options: ListOptions & RequestOptions = {}): AsyncGenerator<TemplateInstance, void, undefined> {
      return paginate<TemplateInstance>(
        async (from, count) => {
          const env = await envelope(
            "GET",
            ctx.api.GET("/v1/instances/templates", {
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
     * Turns one or many stopped instances (without snapshots) into templates, in one request.
     * An instance that is not stopped fails with error 11 (wrong VM state).
     * @example const tpl = await ukc.templates.create("nginx-base");
     */
    create: batchOf<TemplateInstance>("create template", async (refs, options) => {
      const env = await envelope("POST", ctx.api.POST("/v1/instances/templates", { body: refs, ...via(ctx, options) }));
      return { items: env.data?.instances, message: env.message };
    }),

    /**
     * Gets one template by name or UUID.
     * @example const tpl = await ukc.templates.get("nginx-template-k3m9q2z");
     */
    async get(ref: Ref, options?: RequestOptions & { details?: boolean }): Promise<TemplateInstance> {
      return (await perRef("get template", ref, parseMany, async ([r]) => {
        const details = options?.details;
        const env =
          "uuid" in r!
            ? await envelope(
                "GET",
                ctx.api.GET("/v1/instances/templates/{uuid}", { params: { path: { uuid: r.uuid }, query: { details } }, ...via(ctx, options) }),
              )
            : await envelope(
                "GET",
                ctx.api.GET("/v1/instances/templates", { params: { query: { name: [r!.name], details } }, ...via(ctx, options) }),
              );
        return { items: env.data?.instances, message: env.message };
      })) as TemplateInstance;
    },

    /**
     * Updates the tags or the deletion protection of one template, or many with the same patch.
     * Plain values are set; `add(…)`/`del(…)` work on `tags`.
     * @example await ukc.templates.update(["tpl-a", "tpl-b"], { delete_lock: true, tags: add(["base"]) });
     */
    update: (async (input: Ref | readonly Ref[], patch: TemplatePatch | readonly RawOperation<TemplateProp>[], options?: RequestOptions) => {
      checkOps(toOperations(patch, TEMPLATE_PROPS, TEMPLATE_LIST_PROPS));
      return update(input as Ref, patch, options);
    }) as UpdateMethod<TemplateProp, UpdateInstancesResponseUpdatedInstance>,

    /**
     * Deletes one or many templates. A template with `delete_lock` set fails with error 14.
     * @example await ukc.templates.delete(["tpl-a", "tpl-b"]);
     */
    delete: batchOf<DeleteInstancesResponseDeletedInstance>("delete template", async (refs, options) => {
      const env =
        refs.length === 1 && "uuid" in refs[0]!
          ? await envelope("DELETE", ctx.api.DELETE("/v1/instances/templates/{uuid}", { params: { path: { uuid: refs[0].uuid } }, ...via(ctx, options) }))
          : await envelope("DELETE", ctx.api.DELETE("/v1/instances/templates", { body: refs, ...via(ctx, options) }));
      return { items: env.data?.instances, message: env.message };
    }),
  };
}

/** The templates resource. */
export type Templates = ReturnType<typeof templates>;
