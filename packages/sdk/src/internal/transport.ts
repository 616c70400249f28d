/**
 * The HTTP transport under every SDK call: per-attempt timeouts, AbortSignal, retries with
 * exponential backoff and jitter (honouring `Retry-After`), and debug logging.
 *
 * Retry rules (openai-node's, made safe for creates):
 * - Retried: connection failures, timeouts, 408, 429, 500-599 — at most `maxRetries` times.
 * - A create (POST) is retried only when the request certainly did not reach the server: the
 *   connection was refused / the host did not resolve, or the server answered 429 (rate limited,
 *   not processed). A POST that timed out, was reset or got a 5xx is never sent again.
 * - 4xx other than 408/429 is never retried; 401/403 fail at once.
 * Each attempt sends a fresh copy of the request (the body is buffered once).
 */
import { AbortError, APIConnectionError, APITimeoutError, ValidationError } from "../core/errors.js";
import type { ResolvedConfig } from "./config.js";

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

/**
 * Checks the request options of one call before anything is sent: a timeout that is not a
 * positive number of milliseconds, a retry count that is not a non-negative integer, a signal
 * that is not an AbortSignal or headers that are not strings would otherwise misbehave quietly.
 */
export function checkRequestOptions(options: RequestOptions): void {
  const { timeoutMs, maxRetries, signal, headers } = options;
  if (timeoutMs !== undefined && (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0)) {
    throw new ValidationError("timeoutMs", `must be a positive number of milliseconds, got ${String(timeoutMs)}`);
  }
  if (maxRetries !== undefined && (typeof maxRetries !== "number" || !Number.isInteger(maxRetries) || maxRetries < 0)) {
    throw new ValidationError("maxRetries", `must be a non-negative integer, got ${String(maxRetries)}`);
  }
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

/** A `fetch` that openapi-fetch calls for one SDK call. */
export type CallFetch = (request: Request) => Promise<Response>;

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const NEVER_REACHED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "ConnectionRefused"]);

/** Maximum delay honoured from a `Retry-After` header, in ms. Longer asks fall back to backoff. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s, … capped at 8 s, minus up to 25 %. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(500 * 2 ** (attempt - 1), 8000);
  return Math.round(base * (1 - 0.25 * random()));
}

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

/** Sleeps, ending early with {@link AbortError} when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function anySignal(signals: (AbortSignal | undefined)[]): AbortSignal {
  const list = signals.filter((s): s is AbortSignal => s !== undefined);
  if (list.length === 1) return list[0]!;
  if (typeof AbortSignal.any === "function") return AbortSignal.any(list);
  const controller = new AbortController();
  for (const s of list) {
    if (s.aborted) controller.abort(s.reason);
    else s.addEventListener("abort", () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
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

const BODY_READERS = ["text", "json", "arrayBuffer"] as const;

/**
 * Makes the body readers of a response clear the attempt's timer once the body is read, and turn
 * an abort while reading into the SDK's error. The response is not copied.
 */
function timeBody(response: Response, timer: ReturnType<typeof setTimeout>, abortError: () => Error | undefined): Response {
  (timer as { unref?: () => void }).unref?.();
  for (const name of BODY_READERS) {
    const read = response[name].bind(response) as () => Promise<unknown>;
    Object.defineProperty(response, name, {
      configurable: true,
      value: async () => {
        try {
          return await read();
        } catch (error) {
          throw abortError() ?? error;
        } finally {
          clearTimeout(timer);
        }
      },
    });
  }
  return response;
}

/** Creates the transport of a client. `forCall(options)` gives the fetch for one SDK call. */
export function createTransport(config: ResolvedConfig) {
  const { logger } = config;
  // Log lines are built only when someone reads them.
  const debug = config.debug ? (line: () => string) => logger.debug(line()) : () => undefined;

  async function send(request: Request, options: RequestOptions): Promise<Response> {
    const maxRetries = options.maxRetries ?? config.maxRetries;
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    const userSignal = options.signal;
    const method = request.method;
    const url = new URL(request.url);
    const path = url.pathname + url.search;
    const isCreate = method === "POST";
    const body = request.body ? await request.arrayBuffer() : undefined;
    let headers: Headers = request.headers;
    if (options.headers) {
      headers = new Headers(request.headers);
      for (const [name, value] of Object.entries(options.headers)) headers.set(name, value);
    }

    for (let attempt = 1; ; attempt++) {
      if (userSignal?.aborted) throw new AbortError(`${method} ${path} was aborted`, { cause: userSignal.reason });
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), timeoutMs);
      const started = Date.now();
      const canRetry = attempt <= maxRetries;
      let response: Response;
      try {
        const init: RequestInit = {
          method,
          headers,
          body: body === undefined ? null : body.slice(0),
          signal: anySignal([userSignal, timeout.signal]),
        };
        response = config.nativeFetch ? await globalThis.fetch(request.url, init) : await config.fetch(new Request(request.url, init));
      } catch (error) {
        clearTimeout(timer);
        if (userSignal?.aborted) throw new AbortError(`${method} ${path} was aborted`, { cause: userSignal.reason });
        const timedOut = timeout.signal.aborted;
        const code = errorCode(error);
        const reachedServer = timedOut || !(code && NEVER_REACHED.has(code));
        debug(() => `${method} ${path} -> ${timedOut ? "timeout" : `connection error ${code ?? ""}`.trim()} (attempt ${attempt}/${maxRetries + 1}, ${Date.now() - started} ms)`);
        if (canRetry && !(isCreate && reachedServer)) {
          const delay = backoffDelay(attempt);
          debug(() => `${method} ${path}: retrying in ${delay} ms`);
          await sleep(delay, userSignal);
          continue;
        }
        const why = isCreate && reachedServer && canRetry ? " Not retried: a create may have reached the server; check before creating again." : "";
        if (timedOut) {
          throw new APITimeoutError(`${method} ${path} timed out after ${timeoutMs} ms (attempt ${attempt}).${why} Raise timeoutMs if the operation is slow.`, { cause: error });
        }
        throw new APIConnectionError(
          `${method} ${path}: could not reach ${url.origin}${code ? ` (${code})` : ""} (attempt ${attempt}).${why} Check the metro/baseUrl and the network.`,
          { cause: error },
        );
      }
      debug(() => `${method} ${path} -> ${response.status} (attempt ${attempt}/${maxRetries + 1}, ${Date.now() - started} ms)`);
      const retryable = RETRY_STATUS.has(response.status) && (!isCreate || response.status === 429);
      if (canRetry && retryable) {
        clearTimeout(timer);
        void response.body?.cancel().catch(() => undefined);
        const asked = retryAfterMs(response.headers);
        const delay = asked !== undefined && asked <= MAX_RETRY_AFTER_MS ? asked : backoffDelay(attempt);
        debug(() => `${method} ${path}: retrying in ${delay} ms${asked !== undefined ? " (Retry-After)" : ""}`);
        await sleep(delay, userSignal);
        continue;
      }
      if (!response.url) Object.defineProperty(response, "url", { value: request.url });
      // The timeout also covers reading the body: the timer ends when the body has been read.
      return timeBody(response, timer, () =>
        userSignal?.aborted
          ? new AbortError(`${method} ${path} was aborted`, { cause: userSignal.reason })
          : timeout.signal.aborted
            ? new APITimeoutError(`${method} ${path}: reading the response timed out after ${timeoutMs} ms (attempt ${attempt}).`)
            : undefined,
      );
    }
  }

  return {
    /** The fetch that openapi-fetch uses for one call with these options. */
    forCall(options: RequestOptions = {}): CallFetch {
      checkRequestOptions(options);
      return (request) => send(request, options);
    },
  };
}

/** The transport of a client. */
export type Transport = ReturnType<typeof createTransport>;
