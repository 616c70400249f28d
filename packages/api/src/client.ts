import createFetchClient, { type Client, type Middleware } from "openapi-fetch";
import { resolveBaseUrl } from "./base-url.js";
import type { paths } from "./generated/schema.js";

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** API token, sent as `Authorization: Bearer <token>` on every request. */
  token: string;
  /** Metro code (`fra`, `dal`, `sin`, `was`, `sfo`) or a full base URL. Default `fra`. */
  metro?: string;
  /** Full base URL (wins over `metro`), e.g. a mock server's `http://127.0.0.1:4010`. */
  baseUrl?: string;
  /** A `fetch` implementation. Default: the global `fetch`. */
  fetch?: (input: Request) => Promise<Response>;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** The typed client: `client.GET("/v1/instances/{uuid}", { params: { path: { uuid } } })`. */
export type UnikraftCloudClient = Client<paths, "application/json">;

/** Middleware that sends the bearer token. The token never leaves the Authorization header. */
export function bearerAuth(token: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${token}`);
      return request;
    },
  };
}

/**
 * Creates the low-level typed client of the Unikraft Cloud API, an `openapi-fetch` client whose
 * paths, parameters, bodies and responses are typed from the OpenAPI document.
 *
 * @example
 * ```ts
 * const api = createClient({ token: process.env.UKC_TOKEN!, metro: "fra" });
 * const { data, error } = await api.GET("/v1/instances", { params: { query: { details: true } } });
 * ```
 */
export function createClient(options: ClientOptions): UnikraftCloudClient {
  if (typeof options?.token !== "string" || options.token.trim() === "") {
    throw new TypeError("createClient: `token` is required (a Unikraft Cloud API token, e.g. from UKC_TOKEN)");
  }
  const client = createFetchClient<paths, "application/json">({
    baseUrl: resolveBaseUrl(options.baseUrl ?? options.metro),
    headers: { Accept: "application/json", ...options.headers },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use(bearerAuth(options.token));
  return client;
}
