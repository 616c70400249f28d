/**
 * The response envelope `{ status, message, data, errors, op_time_us }`: turning an openapi-fetch
 * result into the envelope, or into the right {@link APIError} when the HTTP status is not 2xx.
 */
import { makeAPIError, type EnvelopeError } from "../core/errors.js";

/** The fields every envelope has. */
export interface Envelope<D = unknown> {
  status?: string;
  message?: string;
  data?: D;
  errors?: EnvelopeError[];
  op_time_us?: number;
}

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

interface Violation {
  location?: string[];
  message?: string;
}

/**
 * Why a request was refused by a contract validator in front of the API (Prism, as in
 * `@ukc/mock`): the violations of a problem+json body (`validation`), or of the `sl-violations`
 * header (where the body is only the spec's example answer). Undefined for the API's own errors.
 */
function violations(response: Response, env: (Envelope & { validation?: Violation[]; detail?: string }) | undefined): string | undefined {
  let list: Violation[] | undefined = Array.isArray(env?.validation) ? env.validation : undefined;
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

/** Method, path and request id of a failed call; computed only when a call fails. */
function origin(method: string, response: Response) {
  return {
    method,
    path: new URL(response.url || "http://unknown/").pathname,
    requestId: response.headers.get("x-request-id") ?? response.headers.get("request-id") ?? undefined,
  };
}

/**
 * Returns the envelope of a 2xx response; throws the {@link APIError} subclass of the status for
 * anything else, with the envelope's message and errors and the request id.
 */
export async function envelope<R extends FetchResult>(
  method: string,
  call: Promise<R>,
): Promise<Exclude<R["data"], undefined>> {
  let result: R;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw makeAPIError({ status: 200, message: `the API answered with a body that is not JSON (${error.message})`, method });
    }
    throw error;
  }
  const { response } = result;
  if (!response.ok || result.error !== undefined) {
    const body = result.error as Envelope | string | undefined;
    const env = typeof body === "object" && body !== null ? body : undefined;
    throw makeAPIError({
      status: response.status,
      message:
        violations(response, env) ??
        env?.message ??
        (typeof body === "string" && body.trim() ? body.trim().slice(0, 200) : response.statusText || undefined),
      errors: env?.errors,
      ...origin(method, response),
      body,
    });
  }
  if (result.data === undefined || result.data === null) {
    // Every operation answers an envelope; without one the callers would fail with a TypeError.
    throw makeAPIError({
      status: response.status,
      message: "the API answered with an empty body where a JSON envelope was expected",
      ...origin(method, response),
    });
  }
  return result.data as Exclude<R["data"], undefined>;
}
