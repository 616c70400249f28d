/**
 * Autoscale configurations and policies of service groups.
 *
 * Configurations exist by service-group UUID and in batch form (names or UUIDs). Policies exist
 * only by service-group UUID: given a service-group NAME, the policy methods first resolve it with
 * one GET of the service group (`GET /v1/services?name=…`), then call the by-UUID endpoint.
 */
import type {
  AutoscalePolicy,
  AutoscalePolicyResponse,
  CreateAutoscaleConfigurationByServiceGroupUUIDRequest,
  CreateAutoscaleConfigurationPolicyResponsePolicy,
  CreateAutoscaleConfigurationsRequestConfiguration,
  CreateAutoscaleConfigurationsResponseConfigurationsResponse,
  DeleteAutoscaleConfigurationPolicyResponsePoliciesResponse,
  DeleteAutoscaleConfigurationsResponseServiceGroup,
  GetAutoscaleConfigurationsResponseServiceGroup,
  ServiceGroup,
} from "@ukc/api";
import { batchOf, itemFailed, oneOrThrow, perRef, refQuery, settle, type ApiItem } from "../internal/batch.js";
import { via, type Context } from "../internal/context.js";
import { envelope } from "../internal/envelope.js";
import { makeAPIError, ValidationError } from "../core/errors.js";
import { describeRef, parseRef, parseRefs, type ParsedRef, type Ref } from "../core/refs.js";
import type { RequestOptions } from "../internal/transport.js";

/** An autoscale configuration: sizes, timings, how new instances are created, and policies. */
export type AutoscaleConfiguration = Omit<CreateAutoscaleConfigurationsRequestConfiguration, "uuid" | "name">;

/** The autoscale configuration of a service group, as the API reports it. */
export type AutoscaleConfigurationInfo = GetAutoscaleConfigurationsResponseServiceGroup;

const CONFIG_FIELDS = ["min_size", "max_size", "warmup_time_ms", "cooldown_time_ms", "create_args", "policies"];
const METRICS = ["cpu"];
const ADJUSTMENTS = ["change", "exact", "percentage"];
/** What the SDK accepts as a policy name (it travels in a URL path segment). */
const POLICY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

function checkInteger(value: unknown, field: string, min = 0): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw new ValidationError(field, `must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  }
}

function checkPolicyName(name: unknown, field: string): string {
  if (typeof name !== "string" || !POLICY_NAME.test(name)) {
    throw new ValidationError(field, `'${String(name)}' is not a valid policy name: use 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit`);
  }
  return name;
}

function checkPolicy(policy: unknown, field: string): AutoscalePolicy {
  if (!policy || typeof policy !== "object" || Array.isArray(policy)) {
    throw new ValidationError(field, "expected { name, metric: 'cpu', adjustment_type, steps, enabled? }");
  }
  const p = policy as AutoscalePolicy;
  checkPolicyName(p.name, `${field}.name`);
  if (p.metric !== undefined && !METRICS.includes(p.metric)) throw new ValidationError(`${field}.metric`, `must be one of ${METRICS.join(", ")}`);
  if (p.adjustment_type !== undefined && !ADJUSTMENTS.includes(p.adjustment_type)) {
    throw new ValidationError(`${field}.adjustment_type`, `must be one of ${ADJUSTMENTS.join(", ")}`);
  }
  if (p.enabled !== undefined && typeof p.enabled !== "boolean") throw new ValidationError(`${field}.enabled`, "must be a boolean");
  if (p.steps !== undefined) {
    if (!Array.isArray(p.steps)) throw new ValidationError(`${field}.steps`, "expected an array of { adjustment, lower_bound?, upper_bound? }");
    p.steps.forEach((step, i) => {
      for (const key of ["adjustment", "lower_bound", "upper_bound"] as const) {
        const value = step?.[key];
        if (value !== undefined && (typeof value !== "number" || !Number.isSafeInteger(value))) {
          throw new ValidationError(`${field}.steps[${i}].${key}`, `must be an integer, got ${JSON.stringify(value)}`);
        }
      }
      if (step.lower_bound !== undefined && step.upper_bound !== undefined && step.lower_bound > step.upper_bound) {
        throw new ValidationError(`${field}.steps[${i}]`, "lower_bound must not exceed upper_bound");
      }
    });
  }
  return p;
}

/**
 * `create_args` says how autoscale creates instances: from a template (`{ template: { name } }` or
 * `{ uuid }`) or from ROMs (`{ roms: { name, image?, files? } }`), exactly one of them. The current
 * contract takes nothing else (no image, memory or other create fields).
 */
function checkCreateArgs(args: unknown): void {
  const field = "config.create_args";
  const hint = "use { template: { name: 'my-template' } } (or { uuid }) or { roms: { name, image? } }";
  if (args === undefined) throw new ValidationError(field, `is required: ${hint}`);
  if (typeof args !== "object" || args === null || Array.isArray(args)) throw new ValidationError(field, `expected an object: ${hint}`);
  const keys = Object.keys(args);
  const unknown = keys.filter((k) => k !== "template" && k !== "roms");
  if (unknown.length) throw new ValidationError(field, `unknown field(s) ${unknown.join(", ")}: autoscale creates instances from a template or from ROMs only; ${hint}`);
  if (keys.length !== 1) throw new ValidationError(field, `give exactly one of template or roms, got ${keys.length ? keys.join(" and ") : "neither"}`);
  const a = args as { template?: unknown; roms?: unknown };
  if (a.template !== undefined) {
    const t = a.template;
    if (typeof t !== "object" || t === null || Array.isArray(t)) throw new ValidationError(`${field}.template`, "expected { name } or { uuid }");
    parseRef(t as Ref, `${field}.template`);
    return;
  }
  const roms = a.roms as { name?: unknown; image?: unknown; files?: unknown } | null;
  if (typeof roms !== "object" || roms === null || Array.isArray(roms)) throw new ValidationError(`${field}.roms`, "expected { name, image?, files? }");
  const extra = Object.keys(roms).filter((k) => !["name", "image", "files"].includes(k));
  if (extra.length) throw new ValidationError(`${field}.roms`, `unknown field(s) ${extra.join(", ")}; known: name, image, files`);
  if (typeof roms.name !== "string" || roms.name === "") throw new ValidationError(`${field}.roms.name`, "a ROM needs a name");
}

function checkConfiguration(config: unknown): AutoscaleConfiguration {
  if (!config || typeof config !== "object" || Array.isArray(config)) {
    throw new ValidationError("config", "expected { create_args, min_size?, max_size?, warmup_time_ms?, cooldown_time_ms?, policies? }");
  }
  const c = config as AutoscaleConfiguration & { uuid?: unknown; name?: unknown };
  if (c.uuid !== undefined || c.name !== undefined) {
    throw new ValidationError("config", "the service group is the first argument; do not put uuid or name in the configuration");
  }
  const unknown = Object.keys(c).filter((k) => !CONFIG_FIELDS.includes(k));
  if (unknown.length) throw new ValidationError("config", `unknown field(s) ${unknown.join(", ")}; known: ${CONFIG_FIELDS.join(", ")}`);
  checkInteger(c.min_size, "config.min_size");
  checkInteger(c.max_size, "config.max_size");
  if (c.min_size !== undefined && c.max_size !== undefined && c.min_size > c.max_size) {
    throw new ValidationError("config.min_size", `must not exceed max_size (${c.min_size} > ${c.max_size})`);
  }
  checkInteger(c.warmup_time_ms, "config.warmup_time_ms");
  checkInteger(c.cooldown_time_ms, "config.cooldown_time_ms");
  checkCreateArgs(c.create_args);
  if (c.policies !== undefined) {
    if (!Array.isArray(c.policies)) throw new ValidationError("config.policies", "expected an array of policies");
    c.policies.forEach((p, i) => checkPolicy(p, `config.policies[${i}]`));
  }
  return c;
}

/** Autoscale of service groups. */
export function autoscale(ctx: Context) {
  const parseMany = (input: Ref | readonly Ref[]) => parseRefs(input as Ref | Ref[]);

  /**
   * The UUID of a service group, for the policy endpoints (by UUID only): a UUID reference is used
   * as given, a name costs one GET of the service group.
   */
  async function resolve(ref: ParsedRef, options?: RequestOptions): Promise<{ uuid: string }> {
    if ("uuid" in ref) return { uuid: ref.uuid };
    const group = (await perRef<ServiceGroup, ParsedRef>("resolve service group", ref, () => [ref], async ([r]) => {
      const env = await envelope("GET", ctx.api.GET("/v1/services", { params: { query: { name: [(r as { name: string }).name], details: false } }, ...via(ctx, options) }));
      return { items: env.data?.service_groups, message: env.message };
    })) as ServiceGroup;
    if (!group.uuid) throw makeAPIError({ status: 200, message: `the API did not report the UUID of service group ${describeRef(ref)}` });
    return { uuid: group.uuid };
  }

  /** The one entry of a policy response: its item, or its error. */
  function onePolicyItem<T extends ApiItem>(operation: string, items: T[] | undefined, message: string | undefined): T {
    return oneOrThrow(settle(operation, [operation], [undefined], items?.slice(0, 1), message));
  }

  return {
    /**
     * Gets the autoscale configuration of a service group (name or UUID): whether it is enabled,
     * sizes, timings, template and policies.
     * @example const conf = await ukc.autoscale.getConfiguration("web"); console.log(conf.enabled, conf.max_size);
     */
    async getConfiguration(serviceGroup: Ref, options?: RequestOptions): Promise<AutoscaleConfigurationInfo> {
      return (await perRef("get autoscale configuration", serviceGroup, parseMany, async ([r]) => {
        const env =
          "uuid" in r!
            ? await envelope("GET", ctx.api.GET("/v1/services/{uuid}/autoscale", { params: { path: { uuid: r.uuid } }, ...via(ctx, options) }))
            : await envelope("GET", ctx.api.GET("/v1/services/autoscale", { params: { query: { name: [r!.name] } }, ...via(ctx, options) }));
        return { items: env.data?.service_groups, message: env.message };
      })) as AutoscaleConfigurationInfo;
    },

    /**
     * Gets the autoscale configurations of several service groups in one request. Resolves with one
     * entry per service group; throws `BatchError` (with the successes) when some failed.
     * @example const confs = await ukc.autoscale.listConfigurations(["web", "api"]);
     */
    async listConfigurations(serviceGroups: Ref | readonly Ref[], options?: RequestOptions): Promise<AutoscaleConfigurationInfo[]> {
      const list = (Array.isArray(serviceGroups) ? serviceGroups : [serviceGroups]) as readonly Ref[];
      return (await perRef("list autoscale configurations", list, parseMany, async (refs) => {
        const env = await envelope("GET", ctx.api.GET("/v1/services/autoscale", { params: { query: refQuery(refs) }, ...via(ctx, options) }));
        return { items: env.data?.service_groups, message: env.message };
      })) as AutoscaleConfigurationInfo[];
    },

    /**
     * Creates the autoscale configuration of a service group. By UUID it uses the service group's
     * own endpoint; by name the batch endpoint with one item. Not retried once it may have reached
     * the server.
     * @example
     * await ukc.autoscale.createConfiguration("web", {
     *   min_size: 1, max_size: 10, warmup_time_ms: 1000, cooldown_time_ms: 1000,
     *   create_args: { template: { name: "web-template" } },
     * });
     */
    async createConfiguration(
      serviceGroup: Ref,
      config: AutoscaleConfiguration,
      options?: RequestOptions,
    ): Promise<CreateAutoscaleConfigurationsResponseConfigurationsResponse> {
      const ref = parseRef(serviceGroup, "serviceGroup");
      const body = checkConfiguration(config);
      return (await perRef("create autoscale configuration", serviceGroup, () => [ref], async ([r]) => {
        const env =
          "uuid" in r!
            ? await envelope(
                "POST",
                ctx.api.POST("/v1/services/{uuid}/autoscale", {
                  params: { path: { uuid: r.uuid } },
                  // The current contract wants the service group's UUID in the body too.
                  body: { uuid: r.uuid, ...body } as CreateAutoscaleConfigurationByServiceGroupUUIDRequest,
                  ...via(ctx, options),
                }),
              )
            : await envelope(
                "POST",
                ctx.api.POST("/v1/services/autoscale", {
                  body: [{ name: r!.name, ...body } as CreateAutoscaleConfigurationsRequestConfiguration],
                  ...via(ctx, options),
                }),
              );
        return { items: env.data?.service_groups, message: env.message };
      })) as CreateAutoscaleConfigurationsResponseConfigurationsResponse;
    },

    /**
     * Deletes the autoscale configuration of one or many service groups; the instances autoscale
     * created are drained.
     * @example await ukc.autoscale.deleteConfiguration("web");
     */
    deleteConfiguration: batchOf<DeleteAutoscaleConfigurationsResponseServiceGroup>("delete autoscale configuration", async (refs, options) => {
      const env =
        refs.length === 1 && "uuid" in refs[0]!
          ? await envelope("DELETE", ctx.api.DELETE("/v1/services/{uuid}/autoscale", { params: { path: { uuid: refs[0].uuid } }, ...via(ctx, options) }))
          : await envelope("DELETE", ctx.api.DELETE("/v1/services/autoscale", { body: refs, ...via(ctx, options) }));
      return { items: env.data?.service_groups, message: env.message };
    }),

    /**
     * Adds a step policy to the autoscale configuration of a service group: the body is the
     * policy's name and the policy. Given a service-group name, resolves it to its UUID with one
     * GET first; a UUID costs no lookup.
     * @example
     * await ukc.autoscale.addPolicy("web", {
     *   name: "cpu-up", enabled: true, metric: "cpu", adjustment_type: "percentage",
     *   steps: [{ lower_bound: 10, upper_bound: 500, adjustment: 50 }, { lower_bound: 500, adjustment: 100 }],
     * });
     */
    async addPolicy(serviceGroup: Ref, policy: AutoscalePolicy, options?: RequestOptions): Promise<CreateAutoscaleConfigurationPolicyResponsePolicy> {
      const ref = parseRef(serviceGroup, "serviceGroup");
      const type = checkPolicy(policy, "policy");
      // The body's `name` is the policy's name (the current contract says so); the service group
      // is the path's UUID, so a UUID reference costs no lookup.
      const group = await resolve(ref, options);
      const env = await envelope(
        "POST",
        ctx.api.POST("/v1/services/{uuid}/autoscale/policies", {
          params: { path: { uuid: group.uuid } },
          body: { name: type.name, type },
          ...via(ctx, options),
        }),
      );
      return onePolicyItem("add autoscale policy", env.data?.policies, env.message);
    },

    /**
     * Gets one policy, by its name, of a service group's autoscale configuration. Given a
     * service-group name, resolves it to its UUID with one GET first.
     * @example const policy = await ukc.autoscale.getPolicy("web", "cpu-up"); console.log(policy.steps);
     */
    async getPolicy(serviceGroup: Ref, policyName: string, options?: RequestOptions): Promise<AutoscalePolicyResponse> {
      const ref = parseRef(serviceGroup, "serviceGroup");
      const name = checkPolicyName(policyName, "policyName");
      const { uuid } = await resolve(ref, options);
      const env = await envelope(
        "GET",
        ctx.api.GET("/v1/services/{uuid}/autoscale/policies/{name}", { params: { path: { uuid, name } }, ...via(ctx, options) }),
      );
      const item = onePolicyItem("get autoscale policy", env.data?.policies, env.message);
      if (!item.policy) throw makeAPIError({ status: 200, message: `get autoscale policy: the response has no policy '${name}'` });
      return item.policy;
    },

    /**
     * Lists the policies of a service group's autoscale configuration. Given a service-group name,
     * resolves it to its UUID with one GET first.
     * @example for (const p of await ukc.autoscale.listPolicies("web")) console.log(p.name, p.enabled);
     */
    async listPolicies(serviceGroup: Ref, options?: RequestOptions): Promise<AutoscalePolicyResponse[]> {
      const ref = parseRef(serviceGroup, "serviceGroup");
      const { uuid } = await resolve(ref, options);
      const env = await envelope(
        "GET",
        ctx.api.GET("/v1/services/{uuid}/autoscale/policies", { params: { path: { uuid } }, ...via(ctx, options) }),
      );
      const items = env.data?.policies ?? [];
      const failed = items.find(itemFailed);
      if (failed) throw makeAPIError({ status: 200, message: `list autoscale policies: ${failed.message ?? env.message ?? "failed"}`, code: failed.error, body: failed });
      return items.flatMap((item) => (item.policy ? [item.policy] : []));
    },

    /**
     * Deletes one policy, by its name, from a service group's autoscale configuration. Given a
     * service-group name, resolves it to its UUID with one GET first.
     * @example await ukc.autoscale.deletePolicy("web", "cpu-up");
     */
    async deletePolicy(
      serviceGroup: Ref,
      policyName: string,
      options?: RequestOptions,
    ): Promise<DeleteAutoscaleConfigurationPolicyResponsePoliciesResponse> {
      const ref = parseRef(serviceGroup, "serviceGroup");
      const name = checkPolicyName(policyName, "policyName");
      const { uuid } = await resolve(ref, options);
      const env = await envelope(
        "DELETE",
        ctx.api.DELETE("/v1/services/{uuid}/autoscale/policies/{name}", { params: { path: { uuid, name } }, ...via(ctx, options) }),
      );
      return onePolicyItem("delete autoscale policy", env.data?.policies, env.message);
    },
  };
}

/** The autoscale resource. */
export type Autoscale = ReturnType<typeof autoscale>;
