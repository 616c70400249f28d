/**
 * The one call helper: sends a request through the transport, unwraps the response envelope
 * `{ status, message, data, errors, op_time_us }` and turns anything but a 2xx envelope into the
 * right {@link APIError}, with the status, headers, request id and the API's message.
 */
import { makeAPIError, type EnvelopeError } from "../core/errors.js";
import type { Logger } from "./logger.js";
import type { Outgoing, RequestOptions, Transport } from "./transport.js";

/** What every resource module gets from the client. */
export interface Context {
  transport: Transport;
  logger: Logger;
}

/** The fields every envelope has. */
export interface Envelope<D = Record<string, unknown>> {
  status?: string;
  message?: string;
  data?: D;
  errors?: EnvelopeError[];
  op_time_us?: number;
}

/** An unwrapped answer: the envelope and the HTTP response it came in. */
export interface Answer<D = Record<string, unknown>> {
  env: Envelope<D>;
  response: Response;
}

interface Violation {
  location?: string[];
  message?: string;
}

/**
 * Why a request was refused by a contract validator in front of the API (Prism, as in
 * `@ukc/mock`): the violations of a problem+json body (`validation`), or of the `sl-violations`
 * header. Undefined for the API's own errors.
 */
function violations(response: Response, body: { validation?: Violation[] } | undefined): string | undefined {
  let list: Violation[] | undefined = Array.isArray(body?.validation) ? body.validation : undefined;
  if (!list) {
    const header = response.headers.get("sl-violations");
    if (header) {
      try {
        const parsed: unknown = JSON.parse(header);
        if (Array.isArray(parsed)) list = parsed as Violation[];
      } catch {
        return header.slice(0, 300);
      }
    }
  }
  if (!list?.length) return undefined;
  return list.map((v) => `${v.location?.length ? `${v.location.join(".")}: ` : ""}${v.message ?? "invalid"}`).join("; ");
}

/** Method, path, request id and headers of a failed call; computed only when a call fails. */
function origin(method: string, response: Response) {
  return {
    method,
    path: new URL(response.url || "http://unknown/").pathname,
    requestId: response.headers.get("x-request-id") ?? response.headers.get("request-id") ?? undefined,
    headers: response.headers,
  };
}

/** Responses of results, for {@link withResponse}. */
const responses = new WeakMap<object, Response>();

/** Records the response a result came from (objects and arrays only). */
export function remember<T>(result: T, response: Response): T {
  if (typeof result === "object" && result !== null) responses.set(result, response);
  return result;
}

/**
 * Resolves with the result of an SDK call together with the raw HTTP `Response` it came from
 * (its status, headers such as `x-request-id`; the body has been read). For calls made of
 * several requests (waits, pages), the response is that of the last request.
 * @example const { data: web, response } = await withResponse(ukc.instances.get("web"));
 */
export async function withResponse<T extends object>(call: Promise<T>): Promise<{ data: T; response: Response }> {
  const data = await call;
  const response = responses.get(data);
  if (!response) throw new TypeError("withResponse: this result did not come from one HTTP response of the SDK");
  return { data, response };
}

/**
 * Sends one request and returns its envelope. Throws the {@link APIError} subclass of the status
 * for anything but a 2xx JSON envelope.
 */
export async function call<D = Record<string, unknown>>(ctx: Context, out: Outgoing, options?: RequestOptions): Promise<Answer<D>> {
  const { response, body, notJson } = await ctx.transport.send(out, options);
  if (!response.ok) {
    const env = typeof body === "object" && body !== null ? (body as Envelope & { validation?: Violation[] }) : undefined;
    throw makeAPIError({
      status: response.status,
      message:
        violations(response, env) ??
        env?.message ??
        (typeof body === "string" && body.trim() ? body.trim().slice(0, 200) : response.statusText || undefined),
      errors: env?.errors,
      ...origin(out.method, response),
      body,
    });
  }
  if (notJson || typeof body !== "object" || body === null) {
    // Every operation answers an envelope; without one the callers would fail with a TypeError.
    throw makeAPIError({
      status: response.status,
      message: notJson ? "the API answered with a body that is not JSON" : "the API answered with an empty body where a JSON envelope was expected",
      ...origin(out.method, response),
      body,
    });
  }
  return { env: body as Envelope<D>, response };
}

/** The items under `data[key]` of an answer, with the envelope's message. */
export function itemsOf<T>(answer: Answer, key: string): { items: T[] | undefined; message: string | undefined } {
  const list = answer.env.data?.[key];
  return { items: Array.isArray(list) ? (list as T[]) : undefined, message: answer.env.message };
}
