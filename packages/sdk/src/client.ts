/**
 * The client: configuration, the transport (timeouts, retries, logging) and the resources.
 */
import { createClient, type HealthzResponseData, type UnikraftCloudClient } from "@ukc/api";
import { resolveConfig, type ClientOptions } from "./internal/config.js";
import type { Context } from "./internal/context.js";
import { envelope } from "./internal/envelope.js";
import { autoscale } from "./resources/autoscale.js";
import { certificates } from "./resources/certificates.js";
import { images } from "./resources/images.js";
import { instances } from "./resources/instances.js";
import { quotas } from "./resources/quotas.js";
import { serviceGroups } from "./resources/service-groups.js";
import { templates } from "./resources/templates.js";
import { volumes } from "./resources/volumes.js";
import { createTransport, type RequestOptions } from "./internal/transport.js";

/**
 * The Unikraft Cloud client.
 *
 * @example
 * ```ts
 * import { UnikraftCloud } from "@ukc/sdk";
 * const ukc = new UnikraftCloud(); // token from UKC_TOKEN, metro from UKC_METRO (default fra)
 * const web = await ukc.instances.create({ image: "nginx:latest", autostart: true });
 * await ukc.instances.wait(web.uuid!, { state: "running" });
 * ```
 */
export class UnikraftCloud {
  /** The low-level typed client (`@ukc/api`), for anything not wrapped. Same transport, retries and timeouts. */
  readonly api: UnikraftCloudClient;
  /** The base URL requests go to, e.g. `https://api.fra.unikraft.cloud`. */
  readonly baseUrl: string;
  /** Instances: create, get, list, update, delete, start, stop, wait, waitUntil, logs, tail, follow, metrics. */
  readonly instances: ReturnType<typeof instances>;
  /** Instance templates: list, create from instances, get, update, delete. */
  readonly templates: ReturnType<typeof templates>;
  /** Volumes: create, get, list, update, delete, attach, detach, waitUntil. */
  readonly volumes: ReturnType<typeof volumes>;
  /** Service groups: create, get, list, update, delete. */
  readonly serviceGroups: ReturnType<typeof serviceGroups>;
  /** Autoscale configurations and policies of service groups. */
  readonly autoscale: ReturnType<typeof autoscale>;
  /** TLS certificates: create, get, list, delete, waitUntil. */
  readonly certificates: ReturnType<typeof certificates>;
  /** Images: get by tag or digest. */
  readonly images: ReturnType<typeof images>;
  /** Quotas of the caller or of a user. */
  readonly quotas: ReturnType<typeof quotas>;

  constructor(options: ClientOptions = {}) {
    const config = resolveConfig(options);
    const transport = createTransport(config);
    this.baseUrl = config.baseUrl;
    this.api = createClient({ token: config.token, baseUrl: config.baseUrl, headers: config.headers, fetch: transport.forCall() });
    const ctx: Context = { api: this.api, transport, logger: config.logger };
    this.instances = instances(ctx);
    this.templates = templates(ctx);
    this.volumes = volumes(ctx);
    this.serviceGroups = serviceGroups(ctx);
    this.autoscale = autoscale(ctx);
    this.certificates = certificates(ctx);
    this.images = images(ctx);
    this.quotas = quotas(ctx);
    this.#ctx = ctx;
  }

  #ctx: Context;

  /** Health of the API (`GET /v1/healthz`): the status of its services. */
  async health(options?: RequestOptions): Promise<HealthzResponseData> {
    const env = await envelope("GET", this.#ctx.api.GET("/v1/healthz", { fetch: this.#ctx.transport.forCall(options) }));
    return env.data ?? {};
  }

  /** A readable form that never includes the token. */
  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }
}
