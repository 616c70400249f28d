/**
 * Service groups (path segment `services`): published ports, domains and load-balancing limits
 * shared by instances. Create, get, list, update, delete.
 */
import type * as api from "@ukc/api";
import { ValidationError } from "../core/errors.js";
import type { Patch } from "../core/patch.js";
import type { Named, ServiceGroup } from "../core/types.js";
import type { Context } from "../internal/call.js";
import { SERVICE_GROUPS } from "./declared.js";
import { createOrReconcile } from "../internal/create.js";
import { standard, type UpdateMethod } from "../internal/resource.js";
import type { RequestOptions } from "../internal/transport.js";

/** A patch of a service group: `{ soft_limit: 5 }`, `{ domains: add([{ name: "www" }]) }`. */
export type ServiceGroupPatch = Patch<api.CreateServiceGroupRequest & { autokill?: unknown }, api.UpdateServiceGroupsRequestItem["prop"], "services" | "domains">;


/** Service groups of Unikraft Cloud. */
export function serviceGroups(ctx: Context) {
  const { path } = SERVICE_GROUPS;
  const std = standard<ServiceGroup, Named<api.UpdateServiceGroupsResponseUpdatedServiceGroup>, Named<api.DeleteServiceGroupsResponseDeletedServiceGroup>>(ctx, SERVICE_GROUPS);
  return {
    /**
     * Creates a persistent service group: published `services` (ports and handlers), `domains`,
     * and the `soft_limit` / `hard_limit` of concurrent requests per instance, checked against
     * the spec first. A lost answer to a create with a name is reconciled by looking it up once.
     * @example
     * const sg = await ukc.serviceGroups.create({
     *   name: "web",
     *   services: [{ port: 443, destination_port: 8080, handlers: ["tls", "http"] }],
     *   domains: [{ name: "example.com." }],
     * });
     */
    async create(params: api.CreateServiceGroupRequest, options?: RequestOptions): Promise<ServiceGroup> {
      const { soft_limit: soft, hard_limit: hard } = (params ?? {}) as api.CreateServiceGroupRequest;
      if (typeof soft === "number" && typeof hard === "number" && soft > hard) {
        throw new ValidationError("params.soft_limit", `must not exceed hard_limit (${soft} > ${hard})`);
      }
      return (await createOrReconcile<ServiceGroup>(ctx, { operation: "create service group", path, key: "service_groups", root: "createServiceGroup", get: std.get }, params, options)).item;
    },

    /** Gets one service group by name or UUID. @example const sg = await ukc.serviceGroups.get("web"); */
    get: std.get,

    /** Lists service groups, page by page, as an async iterator. @example for await (const sg of ukc.serviceGroups.list()) console.log(sg.name); */
    list: std.list as (options?: Omit<Parameters<typeof std.list>[0] & object, "tags">) => ReturnType<typeof std.list>,

    /**
     * Updates one service group, or many with the same patch: `soft_limit` / `hard_limit` are set;
     * `services` and `domains` are replaced, or changed with `add(…)`/`del(…)`.
     * @example await ukc.serviceGroups.update("web", { soft_limit: 5, domains: add([{ name: "www.example.com." }]) });
     */
    update: std.update as UpdateMethod<ServiceGroupPatch, Named<api.UpdateServiceGroupsResponseUpdatedServiceGroup>>,

    /** Deletes one or many service groups. @example await ukc.serviceGroups.delete(["web", "api"]); */
    delete: std.delete,
  };
}

/** The service groups resource. */
export type ServiceGroups = ReturnType<typeof serviceGroups>;
