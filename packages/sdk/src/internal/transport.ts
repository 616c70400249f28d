/**
 * The HTTP transport under every SDK call: builds the request (URL, query, JSON body, headers),
 * applies the per-attempt timeout and the AbortSignal, retries with backoff and jitter (honouring
 * `Retry-After`), logs, and reads the answer's JSON. One request costs one `fetch`.
 *
 * Retry rules (openai-node's, made safe for creates):
 * - Retried: connection failures, timeouts, 408, 429, 500-599 — at most `maxRetries` times.
 * - A create (POST) is retried only when the request certainly did not reach the server: the
 *   connection was refused / the host did not resolve, or the server answered 429 (rate limited,
 *   not processed). A POST that timed out, was reset or got a 5xx is never sent again.
 * - 4xx other than 408/429 is never retried; 401/403 fail at once.
 */
import { AbortError, APIConnectionError, APITimeoutError, ValidationError } from "../core/errors.js";
import type { ResolvedConfig } from "./config.js";
import { anySignal, backoffDelay, checkNumber, sleep } from "./timing.js";

/** Options every SDK method accepts as its last argument. */
export interface RequestOptions {
  /** Aborts the call, including a request in flight and any wait between retries. */
  signal?: AbortSignal | undefined;
  /** Timeout of one HTTP attempt, in milliseconds. Default: the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
  /** Retries for this call. Default: the client's `maxRetries`. */
  maxRetries?: number | undefined;
  /** Extra headers for this call. */
  headers?: Record<string, string> | undefined;
}

/** A query value: scalars, or arrays sent as repeated keys (`uuid=a&uuid=b`); undefined is left out. */
export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

/** What one request sends. `path` is already filled in (`/v1/instances/<uuid>`). */
export interface Outgoing {
  method: string;
  path: string;
  query?: Record<string, QueryValue> | undefined;
  body?: unknown;
}

/** What one request got: the response (its body already read) and its parsed JSON (or text). */
export interface Exchange {
  response: Response;
  /** The parsed JSON; the text when it is not JSON; undefined when empty. */
  body: unknown;
  /** True when the body was not JSON. */
  notJson: boolean;
}

/**
 * Checks the request options of one call before anything is sent: a timeout that is not a
 * positive number of milliseconds, a retry count that is not a non-negative integer, a signal
 * that is not an AbortSignal or headers that are not strings would otherwise misbehave quietly.
 */
export function checkRequestOptions(options: RequestOptions): void {
  const { timeoutMs, maxRetries, signal, headers } = options;
  if (timeoutMs !== undefined) checkNumber("timeoutMs", timeoutMs, 1);
  if (maxRetries !== undefined) checkNumber("maxRetries", maxRetries, 0, Infinity, true);
  if (signal !== undefined && (typeof signal !== "object" || signal === null || typeof (signal as AbortSignal).aborted !== "boolean")) {
    throw new ValidationError("signal", "must be an AbortSignal (e.g. new AbortController().signal)");
  }
  if (headers !== undefined) {
    if (typeof headers !== "object" || headers === null || Array.isArray(headers)) throw new ValidationError("headers", "must be an object of header names to string values");
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value !== "string") throw new ValidationError(`headers.${name}`, `must be a string, got ${typeof value}`);
    }
  }
}

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const NEVER_REACHED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "ConnectionRefused"]);

/** Maximum delay honoured from a `Retry-After` header, in ms. Longer asks fall back to backoff. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Parses `retry-after-ms` / `Retry-After` (seconds or HTTP date) into milliseconds. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "" && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function errorCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The query string of a request: arrays as repeated keys, undefined values left out. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return "";
  let out = "";
  for (const key in query) {
    const value = query[key];
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out += `${out ? "&" : "?"}${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`;
  }
  return out;
}

/** Creates the transport of a client: `send()` runs one request with its retries. */
export function createTransport(config: ResolvedConfig) {
  const { logger, baseUrl } = config;
  // Log lines are built only when someone reads them.
  const debug = config.debug ? (line: () => string) => logger.debug(line()) : () => undefined;
  const baseHeaders: Record<string, string> = { Accept: "application/json", ...config.headers, Authorization: `Bearer ${config.token}` };
  const jsonHeaders: Record<string, string> = { ...baseHeaders, "Content-Type": "application/json" };
  const origin = new URL(baseUrl).origin;

  async function send(out: Outgoing, options: RequestOptions = {}): Promise<Exchange> {
    checkRequestOptions(options);
    const maxRetries = options.maxRetries ?? config.maxRetries;
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    const userSignal = options.signal;
    const { method } = out;
    const path = out.path + queryString(out.query);
    const url = baseUrl + path;
    const isCreate = method === "POST";
    const body = out.body === undefined ? undefined : JSON.stringify(out.body);
    const headers = options.headers
      ? { ...(body === undefined ? baseHeaders : jsonHeaders), ...options.headers, Authorization: baseHeaders.Authorization! }
      : body === undefined
        ? baseHeaders
        : jsonHeaders;
    const aborted = () => new AbortError(`${method} ${path} was aborted`, { cause: userSignal?.reason });

    for (let attempt = 1; ; attempt++) {
      if (userSignal?.aborted) throw aborted();
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), timeoutMs);
      const started = Date.now();
      const canRetry = attempt <= maxRetries;
      let response: Response;
      let text: string;
      try {
        const init: RequestInit = { method, headers, body: body ?? null, signal: anySignal(userSignal, timeout.signal)! };
        response = config.nativeFetch ? await globalThis.fetch(url, init) : await config.fetch(new Request(url, init));
        // The timeout covers reading the body too.
        text = await response.text();
      } catch (error) {
        if (userSignal?.aborted) throw aborted();
        const timedOut = timeout.signal.aborted;
        const code = errorCode(error);
        const reachedServer = timedOut || !(code && NEVER_REACHED.has(code));
        debug(() => `${method} ${path} -> ${timedOut ? "timeout" : `connection error ${code ?? ""}`.trim()} (attempt ${attempt}/${maxRetries + 1}, ${Date.now() - started} ms)`);
        if (canRetry && !(isCreate && reachedServer)) {
          const delay = backoffDelay(attempt);
          debug(() => `${method} ${path}: retrying in ${delay} ms`);
          await sleep(delay, userSignal, aborted);
          continue;
        }
        const why = isCreate && reachedServer && canRetry ? " Not retried: a create may have reached the server; check before creating again." : "";
        if (timedOut) {
          throw new APITimeoutError(`${method} ${path} timed out after ${timeoutMs} ms (attempt ${attempt}).${why} Raise timeoutMs if the operation is slow.`, { cause: error });
        }
        throw new APIConnectionError(
          `${method} ${path}: could not reach ${origin}${code ? ` (${code})` : ""} (attempt ${attempt}).${why} Check the metro/baseUrl and the network.`,
          { cause: error, reachedServer },
        );
      } finally {
        clearTimeout(timer);
      }
      debug(() => `${method} ${path} -> ${response.status} (attempt ${attempt}/${maxRetries + 1}, ${Date.now() - started} ms)`);
      if (canRetry && RETRY_STATUS.has(response.status) && (!isCreate || response.status === 429)) {
        const asked = retryAfterMs(response.headers);
        const delay = asked !== undefined && asked <= MAX_RETRY_AFTER_MS ? asked : backoffDelay(attempt);
        debug(() => `${method} ${path}: retrying in ${delay} ms${asked !== undefined ? " (Retry-After)" : ""}`);
        await sleep(delay, userSignal, aborted);
        continue;
      }
      if (!response.url) Object.defineProperty(response, "url", { value: url });
      if (text === "") return { response, body: undefined, notJson: false };
      try {
        return { response, body: JSON.parse(text), notJson: false };
      } catch {
        return { response, body: text, notJson: true };
      }
    }
  }

  return { send };
}

/** The transport of a client. */
export type Transport = ReturnType<typeof createTransport>;
