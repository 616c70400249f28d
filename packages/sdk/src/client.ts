/**
 * The client: configuration, the transport (timeouts, retries, logging) and the resources.
 */
import type { HealthzResponseData, paths } from "@ukc/api";
import { ValidationError } from "./core/errors.js";
import { call, type Context } from "./internal/call.js";
import { resolveConfig, type ClientOptions } from "./internal/config.js";
import { createTransport, type RequestOptions } from "./internal/transport.js";
import { autoscale } from "./resources/autoscale.js";
import { certificates } from "./resources/certificates.js";
import { checkpoints } from "./resources/checkpoints.js";
import { images } from "./resources/images.js";
import { instances } from "./resources/instances.js";
import { quotas } from "./resources/quotas.js";
import { serviceGroups } from "./resources/service-groups.js";
import { templates } from "./resources/templates.js";
import { volumeTemplates } from "./resources/volume-templates.js";
import { volumes } from "./resources/volumes.js";

/**
 * The Unikraft Cloud client.
 *
 * @example
 * ```ts
 * import { UnikraftCloud } from "@ukc/sdk";
 * const ukc = new UnikraftCloud(); // token from UKC_TOKEN, metro from UKC_METRO (default fra)
 * const web = await ukc.instances.create({ image: "nginx:latest", autostart: true });
 * await ukc.instances.wait(web.uuid, { state: "running" });
 * ```
 */
export class UnikraftCloud {
  /** The base URL requests go to, e.g. `https://api.fra.unikraft.cloud`. */
  readonly baseUrl: string;
  /** Instances: create, get, list, update, delete, start, stop, suspend, wait, waitUntil, logs, tail, follow, metrics, history. */
  readonly instances: ReturnType<typeof instances>;
  /** Instance templates: list, create from instances, get, update, delete. */
  readonly templates: ReturnType<typeof templates>;
  /** Checkpoints of instances: create, get, list, update, delete, history. */
  readonly checkpoints: ReturnType<typeof checkpoints>;
  /** Volumes: create, get, list, update, delete, attach, detach, clone, waitUntil. */
  readonly volumes: ReturnType<typeof volumes>;
  /** Volume templates: create from volumes, get, list, update, delete. */
  readonly volumeTemplates: ReturnType<typeof volumeTemplates>;
  /** Service groups: create, get, list, update, delete. */
  readonly serviceGroups: ReturnType<typeof serviceGroups>;
  /** Autoscale configurations and policies of service groups. */
  readonly autoscale: ReturnType<typeof autoscale>;
  /** TLS certificates: create, get, list, update, delete, waitUntil. */
  readonly certificates: ReturnType<typeof certificates>;
  /** Images: get by tag or digest, list, pin, unpin, the image store. */
  readonly images: ReturnType<typeof images>;
  /** Quotas of the caller or of a user. */
  readonly quotas: ReturnType<typeof quotas>;

  readonly #ctx: Context;

  constructor(options: ClientOptions = {}) {
    const config = resolveConfig(options);
    this.baseUrl = config.baseUrl;
    const ctx: Context = { transport: createTransport(config), logger: config.logger };
    this.#ctx = ctx;
    this.instances = instances(ctx);
    this.templates = templates(ctx);
    this.checkpoints = checkpoints(ctx);
    this.volumes = volumes(ctx);
    this.volumeTemplates = volumeTemplates(ctx);
    this.serviceGroups = serviceGroups(ctx);
    this.autoscale = autoscale(ctx);
    this.certificates = certificates(ctx);
    this.images = images(ctx);
    this.quotas = quotas(ctx);
  }

  /** Health of the API (`GET /v1/healthz`): the status of its services. @example const { services } = await ukc.health(); */
  async health(options?: RequestOptions): Promise<HealthzResponseData> {
    const { env } = await call<HealthzResponseData>(this.#ctx, { method: "GET", path: "/v1/healthz" }, options);
    return env.data ?? {};
  }

  /**
   * Sends any request of the API with the client's token, retries, timeouts and errors, and
   * resolves with the response envelope as sent (per-item failures are not turned into errors).
   * For operations the SDK does not wrap yet. `init.path` fills the path's `{…}` parameters;
   * `init.query` arrays are sent as repeated keys; `init.body` is sent as JSON.
   * @example const { data } = await ukc.request("GET", "/v1/instances/{uuid}", { path: { uuid } });
   */
  async request(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: keyof paths, init: { path?: Record<string, string>; query?: Record<string, string | number | boolean | readonly (string | number)[] | undefined>; body?: unknown } = {}, options?: RequestOptions): Promise<{ status?: string; message?: string; data?: Record<string, unknown>; errors?: { status?: number; [key: string]: unknown }[]; op_time_us?: number }> {
    const filled = String(path).replace(/\{(\w+)\}/g, (_, key: string) => {
      const value = init.path?.[key];
      if (typeof value !== "string" || value === "") throw new ValidationError(`init.path.${key}`, `the path ${String(path)} needs { path: { ${key}: "…" } }`);
      return encodeURIComponent(value);
    });
    return (await call(this.#ctx, { method, path: filled, query: init.query, body: init.body }, options)).env;
  }

  /** A readable form that never includes the token. */
  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }
}
