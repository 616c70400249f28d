/**
 * Service groups (path segment `services`): published ports, domains and load-balancing limits
 * shared by instances. Create, get, list, update, delete.
 */
import type {
  CreateServiceGroupRequest,
  DeleteServiceGroupsResponseDeletedServiceGroup,
  ServiceGroup,
  UpdateServiceGroupByUUIDRequestBody,
  UpdateServiceGroupsRequestItem,
  UpdateServiceGroupsResponseUpdatedServiceGroup,
} from "@ukc/api";
import { batchOf, perRef, settle, singleUUIDUpdate, updater, type UpdateMethod } from "../internal/batch.js";
import { via, type Context } from "../internal/context.js";
import { envelope } from "../internal/envelope.js";
import { ValidationError } from "../core/errors.js";
import { paginate, type ListOptions } from "../internal/pagination.js";
import { toOperations, type RawOperation } from "../core/patch.js";
import { NAME_PATTERN, parseRefs, type Ref } from "../core/refs.js";
import type { RequestOptions } from "../internal/transport.js";

/** Properties of a service group that `update` can change. */
export const SERVICE_GROUP_PROPS = ["services", "domains", "soft_limit", "hard_limit", "autokill"] as const;
/** Properties that take `add(…)` / `del(…)`. */
export const SERVICE_GROUP_LIST_PROPS = ["services", "domains"] as const;
type ServiceGroupProp = UpdateServiceGroupsRequestItem["prop"];

/** A patch of a service group: `{ soft_limit: 5 }`, `{ domains: add([{ name: "www" }]) }`. */
export type ServiceGroupPatch = Partial<Record<(typeof SERVICE_GROUP_PROPS)[number], unknown>>;

/** Options of `serviceGroups.list()` (the endpoint does not filter by tags). */
export type ServiceGroupListOptions = Omit<ListOptions, "tags"> & RequestOptions;

const HANDLERS = ["tls", "http", "redirect"];
const CREATE_FIELDS = ["name", "services", "domains", "soft_limit", "hard_limit"];

function isPort(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 65535;
}

function checkLimit(value: unknown, field: string): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw new ValidationError(field, `must be an integer from 1 to 65535, got ${JSON.stringify(value)}`);
  }
}

function checkServices(value: unknown, field: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) throw new ValidationError(field, "expected an array of { port, destination_port?, handlers? }");
  value.forEach((s: unknown, i) => {
    const service = s as { port?: unknown; destination_port?: unknown; handlers?: unknown } | null;
    if (!service || typeof service !== "object") throw new ValidationError(`${field}[${i}]`, "expected { port, destination_port?, handlers? }");
    if (!isPort(service.port)) throw new ValidationError(`${field}[${i}].port`, `must be a port number (0-65535), got ${JSON.stringify(service.port)}`);
    if (service.destination_port !== undefined && !isPort(service.destination_port)) {
      throw new ValidationError(`${field}[${i}].destination_port`, `must be a port number (0-65535), got ${JSON.stringify(service.destination_port)}`);
    }
    if (service.handlers !== undefined) {
      if (!Array.isArray(service.handlers) || service.handlers.some((h) => !HANDLERS.includes(h as string))) {
        throw new ValidationError(`${field}[${i}].handlers`, `must be a list of ${HANDLERS.join(", ")}`);
      }
    }
  });
}

function checkDomains(value: unknown, field: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) throw new ValidationError(field, "expected an array of { name, certificate? }");
  value.forEach((d: unknown, i) => {
    const domain = d as { name?: unknown } | null;
    if (!domain || typeof domain !== "object" || typeof domain.name !== "string" || domain.name === "") {
      throw new ValidationError(`${field}[${i}].name`, "a domain needs a name, e.g. { name: 'example.com.' }");
    }
  });
}

function checkOps(ops: readonly RawOperation<ServiceGroupProp>[]): void {
  for (const op of ops) {
    const field = `patch.${op.prop}`;
    if (op.prop === "soft_limit" || op.prop === "hard_limit") {
      if (op.op !== "set") throw new ValidationError(field, `${op.prop} can only be set, not '${op.op}'`);
      checkLimit(op.value, field);
    } else if (op.prop === "services") checkServices(op.value, field);
    else if (op.prop === "autokill") {
      if (op.op !== "set" || typeof op.value !== "object" || op.value === null || Array.isArray(op.value)) {
        throw new ValidationError(field, "autokill must be set to an object of autokill settings");
      }
    } else checkDomains(op.value, field);
  }
}

/** Service groups of Unikraft Cloud. */
export function serviceGroups(ctx: Context) {
  const parseMany = (input: Ref | readonly Ref[]) => parseRefs(input as Ref | Ref[]);

  const update = updater<ServiceGroupProp, UpdateServiceGroupsResponseUpdatedServiceGroup>(
    "update service group",
    SERVICE_GROUP_PROPS,
    SERVICE_GROUP_LIST_PROPS,
    async (body, options) => {
      const one = singleUUIDUpdate(body);
      const env = one
        ? await envelope(
            "PATCH",
            ctx.api.PATCH("/v1/services/{uuid}", { params: { path: { uuid: one.uuid } }, body: one.op as UpdateServiceGroupByUUIDRequestBody, ...via(ctx, options) }),
          )
        : await envelope("PATCH", ctx.api.PATCH("/v1/services", { body: body as UpdateServiceGroupsRequestItem[], ...via(ctx, options) }));
      return { items: env.data?.service_groups, message: env.message };
    },
  );

  return {
    /**
     * Creates a persistent service group: published `services` (ports and handlers), `domains`,
     * and the `soft_limit` / `hard_limit` of concurrent requests per instance.
     * Not retried once the request may have reached the server.
     * @example
     * const sg = await ukc.serviceGroups.create({
     *   name: "web",
     *   services: [{ port: 443, destination_port: 8080, handlers: ["tls", "http"] }],
     *   domains: [{ name: "example.com." }],
     * });
     */
    async create(params: CreateServiceGroupRequest, options?: RequestOptions): Promise<ServiceGroup> {
      if (!params || typeof params !== "object" || Array.isArray(params)) {
        throw new ValidationError("params", "expected { services, name?, domains?, soft_limit?, hard_limit? }");
      }
      const unknown = Object.keys(params).filter((k) => !CREATE_FIELDS.includes(k));
      if (unknown.length) throw new ValidationError("params", `unknown field(s) ${unknown.join(", ")}; known: ${CREATE_FIELDS.join(", ")}`);
      if (params.name !== undefined && (typeof params.name !== "string" || !NAME_PATTERN.test(params.name))) {
        throw new ValidationError("params.name", `'${String(params.name)}' is not a valid name: use 1-63 letters, digits, '.', '_' or '-'`);
      }
      checkServices(params.services, "params.services");
      checkDomains(params.domains, "params.domains");
      checkLimit(params.soft_limit, "params.soft_limit");
      checkLimit(params.hard_limit, "params.hard_limit");
      if (params.soft_limit !== undefined && params.hard_limit !== undefined && params.soft_limit > params.hard_limit) {
        throw new ValidationError("params.soft_limit", `must not exceed hard_limit (${params.soft_limit} > ${params.hard_limit})`);
      }
      if (params.services === undefined) {
        throw new ValidationError("params.services", "is required: list the ports to publish, e.g. [{ port: 443, destination_port: 8080, handlers: ['tls', 'http'] }]");
      }
      const env = await envelope("POST", ctx.api.POST("/v1/services", { body: params, ...via(ctx, options) }));
      const created = env.data?.service_groups ?? [];
      const { succeeded, failed } = settle("create service group", [params], [undefined], created.slice(0, 1), env.message);
      if (failed.length) throw failed[0]!.error;
      return succeeded[0]!;
    },

    /**
     * Gets one service group by name or UUID.
     * @example const sg = await ukc.serviceGroups.get("web"); console.log(sg.domains, sg.instances);
     */
    async get(ref: Ref, options?: RequestOptions & { details?: boolean }): Promise<ServiceGroup> {
      return (await perRef("get service group", ref, parseMany, async ([r]) => {
        const details = options?.details;
        const env =
          "uuid" in r!
            ? await envelope("GET", ctx.api.GET("/v1/services/{uuid}", { params: { path: { uuid: r.uuid }, query: { details } }, ...via(ctx, options) }))
            : await envelope("GET", ctx.api.GET("/v1/services", { params: { query: { name: [r!.name], details } }, ...via(ctx, options) }));
        return { items: env.data?.service_groups, message: env.message };
      })) as ServiceGroup;
    },

    /**
     * Lists service groups, page by page, as an async iterator.
     * @example for await (const sg of ukc.serviceGroups.list()) console.log(sg.name, sg.services);
     */
    list(options: ServiceGroupListOptions = {}): AsyncGenerator<ServiceGroup, void, undefined> {
      const tags = (options as ListOptions).tags;
      const pages = paginate<ServiceGroup>(
        async (from, count) => {
          const env = await envelope(
            "GET",
            ctx.api.GET("/v1/services", {
              params: { query: { count, from, details: options.details, sortby: "create_time", order: "asc" } },
              ...via(ctx, options),
            }),
          );
          return env.data?.service_groups ?? [];
        },
        (item) => item.uuid,
        options,
      );
      return (async function* () {
        if (tags !== undefined) throw new ValidationError("tags", "service groups cannot be listed by tags");
        yield* pages;
      })();
    },

    /**
     * Updates one service group, or many with the same patch: `soft_limit` / `hard_limit`
     * (1-65535) are set; `services` and `domains` are replaced, or changed with `add(…)`/`del(…)`.
     * @example await ukc.serviceGroups.update("web", { soft_limit: 5, domains: add([{ name: "www.example.com." }]) });
     */
    update: (async (input: Ref | readonly Ref[], patch: ServiceGroupPatch | readonly RawOperation<ServiceGroupProp>[], options?: RequestOptions) => {
      checkOps(toOperations(patch, SERVICE_GROUP_PROPS, SERVICE_GROUP_LIST_PROPS));
      return update(input as Ref, patch, options);
    }) as UpdateMethod<ServiceGroupProp, UpdateServiceGroupsResponseUpdatedServiceGroup>,

    /**
     * Deletes one or many service groups.
     * @example await ukc.serviceGroups.delete(["web", "api"]);
     */
    delete: batchOf<DeleteServiceGroupsResponseDeletedServiceGroup>("delete service group", async (refs, options) => {
      const env =
        refs.length === 1 && "uuid" in refs[0]!
          ? await envelope("DELETE", ctx.api.DELETE("/v1/services/{uuid}", { params: { path: { uuid: refs[0].uuid } }, ...via(ctx, options) }))
          : await envelope("DELETE", ctx.api.DELETE("/v1/services", { body: refs, ...via(ctx, options) }));
      return { items: env.data?.service_groups, message: env.message };
    }),
  };
}

/** The service groups resource. */
export type ServiceGroups = ReturnType<typeof serviceGroups>;
