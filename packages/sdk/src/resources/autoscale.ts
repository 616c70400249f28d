/**
 * Autoscale configurations and policies of service groups.
 *
 * Configurations exist by service-group UUID and in batch form (names or UUIDs). Policies exist
 * only by service-group UUID: given a service-group NAME, the policy methods first resolve it with
 * one GET of the service group (`GET /v1/services?name=…`), then call the by-UUID endpoint.
 */
import type * as api from "@ukc/api";
import { makeAPIError, ValidationError } from "../core/errors.js";
import { checkName, parseRef, type ParsedRef, type Ref } from "../core/refs.js";
import type { Named } from "../core/types.js";
import { itemFailed, type ApiItem } from "../internal/batch.js";
import { call, itemsOf, remember, type Answer, type Context } from "../internal/call.js";
import { batchMethod, byRefs, firstItem } from "../internal/resource.js";
import type { RequestOptions } from "../internal/transport.js";
import { validateBody } from "../internal/validate.js";

/** An autoscale configuration: sizes, timings, how new instances are created, and policies. */
export type AutoscaleConfiguration = Omit<api.CreateAutoscaleConfigurationsRequestConfiguration, "uuid" | "name">;

/** The autoscale configuration of a service group, as the API reports it. */
export type AutoscaleConfigurationInfo = api.GetAutoscaleConfigurationsResponseServiceGroup;

/** A policy name (it travels in a URL path segment) follows the name rule of every resource. */
function checkPolicyName(name: unknown, field: string): string {
  if (typeof name !== "string") throw new ValidationError(field, `a policy name must be a string, got ${typeof name}`);
  checkName(name, field);
  return name;
}

/**
 * Checks a configuration: the spec's rules (types, ranges, enums, unknown fields), then what the
 * spec cannot say: the service group is the first argument, `min_size <= max_size`, and
 * `create_args` is exactly one of `{ template }` or `{ roms }`.
 */
function checkConfiguration(config: AutoscaleConfiguration, ref: ParsedRef): AutoscaleConfiguration {
  if (config && typeof config === "object" && ("uuid" in config || "name" in config)) {
    throw new ValidationError("config", "the service group is the first argument; do not put uuid or name in the configuration");
  }
  const hint = "use { template: { name: 'my-template' } } (or { uuid }) or { roms: { name, image? } }";
  const args = (config as { create_args?: unknown }).create_args;
  const extra = args && typeof args === "object" ? Object.keys(args).filter((k) => k !== "template" && k !== "roms") : [];
  if (extra.length) throw new ValidationError("config.create_args", `unknown field(s) ${extra.join(", ")}: autoscale creates instances from a template or from ROMs only; ${hint}`);
  // Checked as the body it becomes: by UUID with the UUID, by name as the batch item.
  validateBody("uuid" in ref ? "createAutoscaleConfiguration" : "createAutoscaleConfigurations", { ...ref, ...config }, "config");
  const { min_size: min, max_size: max } = config;
  if (min !== undefined && max !== undefined && min > max) throw new ValidationError("config.min_size", `must not exceed max_size (${min} > ${max})`);
  if (args === undefined) throw new ValidationError("config.create_args", `is required: ${hint}`);
  const keys = Object.keys(args as object);
  if (keys.length !== 1) throw new ValidationError("config.create_args", `give exactly one of template or roms, got ${keys.length ? keys.join(" and ") : "neither"}; ${hint}`);
  const template = (args as { template?: unknown }).template;
  if (template !== undefined) parseRef(template as Ref, "config.create_args.template");
  return config;
}

/** Autoscale of service groups. */
export function autoscale(ctx: Context) {
  const path = "/v1/services";
  /**
   * The UUID of a service group, for the policy endpoints (by UUID only): a UUID reference is used
   * as given, a name costs one GET of the service group.
   */
  async function resolve(ref: ParsedRef, options?: RequestOptions): Promise<{ uuid: string }> {
    if ("uuid" in ref) return { uuid: ref.uuid };
    const route = { operation: "resolve service group", method: "GET" as const, path, key: "service_groups", query: { details: false } };
    const group = (await byRefs<api.ServiceGroup>(ctx, route, ref.name, options, [ref])) as api.ServiceGroup;
    if (!group.uuid) throw makeAPIError({ status: 200, message: `the API did not report the UUID of service group '${ref.name}'` });
    return { uuid: group.uuid };
  }

  /** The one entry of a policy answer: its item, or its error. */
  const onePolicyItem = <T extends ApiItem>(operation: string, answer: Answer): T => firstItem<T>(operation, answer, "policies");

  const config = { key: "service_groups", path: `${path}/autoscale`, one: `${path}/{uuid}/autoscale` };
  const policies = (uuid: string, name?: string) => `${path}/${encodeURIComponent(uuid)}/autoscale/policies${name === undefined ? "" : `/${encodeURIComponent(name)}`}`;

  return {
    /**
     * Gets the autoscale configuration of a service group (name or UUID): whether it is enabled,
     * sizes, timings, template and policies.
     * @example const conf = await ukc.autoscale.getConfiguration("web"); console.log(conf.enabled, conf.max_size);
     */
    getConfiguration: (serviceGroup: Ref, options?: RequestOptions): Promise<AutoscaleConfigurationInfo> =>
      byRefs<AutoscaleConfigurationInfo>(ctx, { operation: "get autoscale configuration", method: "GET", ...config }, serviceGroup, options) as Promise<AutoscaleConfigurationInfo>,

    /**
     * Gets the autoscale configurations of several service groups in one request. Resolves with one
     * entry per service group; throws `BatchError` (with the successes) when some failed.
     * @example const confs = await ukc.autoscale.listConfigurations(["web", "api"]);
     */
    listConfigurations: (serviceGroups: Ref | readonly Ref[], options?: RequestOptions): Promise<AutoscaleConfigurationInfo[]> =>
      byRefs<AutoscaleConfigurationInfo>(
        ctx,
        { operation: "list autoscale configurations", method: "GET", path: config.path, key: config.key },
        (Array.isArray(serviceGroups) ? serviceGroups : [serviceGroups]) as readonly Ref[],
        options,
      ) as Promise<AutoscaleConfigurationInfo[]>,

    /**
     * Creates the autoscale configuration of a service group, checked against the spec first. By
     * UUID it uses the service group's own endpoint; by name the batch endpoint with one item.
     * Not retried once it may have reached the server.
     * @example
     * await ukc.autoscale.createConfiguration("web", {
     *   min_size: 1, max_size: 10, warmup_time_ms: 1000, cooldown_time_ms: 1000,
     *   create_args: { template: { name: "web-template" } },
     * });
     */
    async createConfiguration(serviceGroup: Ref, configuration: AutoscaleConfiguration, options?: RequestOptions): Promise<Named<api.CreateAutoscaleConfigurationsResponseConfigurationsResponse>> {
      const ref = parseRef(serviceGroup, "serviceGroup");
      const body = checkConfiguration(configuration, ref);
      // The by-UUID endpoint wants the service group's UUID in the body too.
      const fields = () => ("uuid" in ref ? { uuid: ref.uuid, ...body } : body);
      return byRefs(ctx, { operation: "create autoscale configuration", method: "POST", ...config, fields }, serviceGroup, options, [ref]) as Promise<
        Named<api.CreateAutoscaleConfigurationsResponseConfigurationsResponse>
      >;
    },

    /**
     * Deletes the autoscale configuration of one or many service groups; the instances autoscale
     * created are drained.
     * @example await ukc.autoscale.deleteConfiguration("web");
     */
    deleteConfiguration: batchMethod<Named<api.DeleteAutoscaleConfigurationsResponseServiceGroup>>(ctx, { operation: "delete autoscale configuration", method: "DELETE", ...config }),

    /**
     * Adds a step policy to the autoscale configuration of a service group, checked against the
     * spec first; the body is the policy's name and the policy. A service-group name costs one
     * GET to find its UUID; a UUID costs none.
     * @example
     * await ukc.autoscale.addPolicy("web", {
     *   name: "cpu-up", enabled: true, metric: "cpu", adjustment_type: "percentage",
     *   steps: [{ lower_bound: 10, upper_bound: 500, adjustment: 50 }, { lower_bound: 500, adjustment: 100 }],
     * });
     */
    async addPolicy(serviceGroup: Ref, policy: api.AutoscalePolicy, options?: RequestOptions): Promise<api.CreateAutoscaleConfigurationPolicyResponsePolicy> {
      const ref = parseRef(serviceGroup, "serviceGroup");
      checkPolicyName(policy?.name, "policy.name");
      const body = { name: policy.name, type: policy };
      try {
        validateBody("createAutoscalePolicy", body, "policy");
      } catch (error) {
        // Named as the caller wrote it: the policy is `type` in the body.
        if (error instanceof ValidationError && error.field.startsWith("policy.type")) {
          const field = `policy${error.field.slice("policy.type".length)}`;
          throw new ValidationError(field, error.message.slice(error.field.length + 2));
        }
        throw error;
      }
      policy.steps?.forEach((step, i) => {
        if (step.lower_bound !== undefined && step.upper_bound !== undefined && step.lower_bound > step.upper_bound) {
          throw new ValidationError(`policy.steps[${i}]`, `lower_bound must not exceed upper_bound (${step.lower_bound} > ${step.upper_bound})`);
        }
      });
      const { uuid } = await resolve(ref, options);
      return onePolicyItem<api.CreateAutoscaleConfigurationPolicyResponsePolicy>("add autoscale policy", await call(ctx, { method: "POST", path: policies(uuid), body }, options));
    },

    /**
     * Gets one policy, by its name, of a service group's autoscale configuration.
     * @example const policy = await ukc.autoscale.getPolicy("web", "cpu-up"); console.log(policy.steps);
     */
    async getPolicy(serviceGroup: Ref, policyName: string, options?: RequestOptions): Promise<api.AutoscalePolicyResponse> {
      const ref = parseRef(serviceGroup, "serviceGroup");
      const name = checkPolicyName(policyName, "policyName");
      const { uuid } = await resolve(ref, options);
      const answer = await call(ctx, { method: "GET", path: policies(uuid, name) }, options);
      const item = onePolicyItem<api.GetAutoscaleConfigurationPolicyResponsePolicyResponse>("get autoscale policy", answer);
      if (!item.policy) throw makeAPIError({ status: 200, message: `get autoscale policy: the response has no policy '${name}'` });
      return remember(item.policy, answer.response);
    },

    /**
     * Lists the policies of a service group's autoscale configuration.
     * @example for (const p of await ukc.autoscale.listPolicies("web")) console.log(p.name, p.enabled);
     */
    async listPolicies(serviceGroup: Ref, options?: RequestOptions): Promise<api.AutoscalePolicyResponse[]> {
      const { uuid } = await resolve(parseRef(serviceGroup, "serviceGroup"), options);
      const answer = await call(ctx, { method: "GET", path: policies(uuid) }, options);
      const items = itemsOf<api.GetAutoscaleConfigurationPolicyResponsePolicyResponse>(answer, "policies").items ?? [];
      const failed = items.find(itemFailed);
      if (failed) throw makeAPIError({ status: 200, message: `list autoscale policies: ${failed.message ?? answer.env.message ?? "failed"}`, code: failed.error, body: failed });
      return remember(items.flatMap((item) => (item.policy ? [item.policy] : [])), answer.response);
    },

    /**
     * Deletes one policy, by its name, from a service group's autoscale configuration.
     * @example await ukc.autoscale.deletePolicy("web", "cpu-up");
     */
    async deletePolicy(serviceGroup: Ref, policyName: string, options?: RequestOptions): Promise<api.DeleteAutoscaleConfigurationPolicyResponsePoliciesResponse> {
      const ref = parseRef(serviceGroup, "serviceGroup");
      const name = checkPolicyName(policyName, "policyName");
      const { uuid } = await resolve(ref, options);
      return onePolicyItem<api.DeleteAutoscaleConfigurationPolicyResponsePoliciesResponse>("delete autoscale policy", await call(ctx, { method: "DELETE", path: policies(uuid, name) }, options));
    },
  };
}

/** The autoscale resource. */
export type Autoscale = ReturnType<typeof autoscale>;
