/**
 * Shared helpers of the simulator tests: `call()` sends one request through Prism to the
 * simulator and fails the test when Prism reports a violation of the spec (the `sl-violations`
 * header or a Prism problem body), so every test also checks the simulator against the spec.
 */
import type { Mock } from "../../src/index.js";

/** What `call()` answers. */
export interface CallResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

/** Options of `call()`: query parameters (arrays repeat the key) and a JSON body. */
export interface CallOptions {
  query?: Record<string, string | number | boolean | (string | number | boolean)[] | undefined>;
  body?: unknown;
  /** Skip the check for Prism violations (for tests that send invalid requests on purpose). */
  allowViolations?: boolean;
}

/** True when a body is one of Prism's problem documents (`https://stoplight.io/prism/errors#…`). */
export function isPrismError(body: unknown): boolean {
  return !!body && typeof body === "object" && typeof (body as { type?: unknown }).type === "string" && (body as { type: string }).type.includes("stoplight.io/prism/errors");
}

/** Sends one request with `Authorization: Bearer test`; throws when Prism reports a violation. */
export async function call(mock: Mock, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const url = new URL(path, mock.url);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(v));
  }
  const headers: Record<string, string> = { Authorization: "Bearer test", accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(url, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  if (!options.allowViolations) {
    const violations = res.headers.get("sl-violations");
    if (violations) throw new Error(`Prism reported violations for ${method} ${path}: ${violations}\nbody: ${text}`);
    if (isPrismError(body)) throw new Error(`Prism error body for ${method} ${path} (${res.status}): ${text}`);
  }
  return { status: res.status, body, headers: res.headers };
}
