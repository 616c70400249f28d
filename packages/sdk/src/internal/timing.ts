/**
 * The one timing toolkit of the SDK: exponential backoff with jitter, abortable sleep, deadlines
 * and signal combination. The transport (retries), polling (`waitUntil`, `waitFor`) and log
 * following all use it, so their delays follow the same rules.
 */
import { AbortError } from "../core/errors.js";

/** A backoff schedule: `initialMs`, then each delay times `factor`, capped at `maxMs`, minus up to `jitter` of it. */
export interface Backoff {
  /** The first delay, in ms. */
  initialMs: number;
  /** The longest delay, in ms. */
  maxMs: number;
  /** Growth per attempt. Default 2. */
  factor?: number | undefined;
  /** 0..1: each delay is multiplied by a random factor in [1 - jitter, 1]. Default 0.25. */
  jitter?: number | undefined;
  /** The random source, returning [0, 1). Default `Math.random`. */
  random?: (() => number) | undefined;
}

/** The retry schedule of the transport: 0.5 s, 1 s, 2 s, … capped at 8 s, minus up to 25 %. */
export const RETRY_BACKOFF: Backoff = { initialMs: 500, maxMs: 8000 };

/** The delay before attempt `attempt + 1` (attempt counts from 1), with jitter. */
export function backoffDelay(attempt: number, backoff: Backoff = RETRY_BACKOFF): number {
  const { initialMs, maxMs, factor = 2, jitter = 0.25, random = Math.random } = backoff;
  const base = Math.min(initialMs * factor ** Math.max(0, attempt - 1), maxMs);
  const r = Math.min(1, Math.max(0, Number(random()) || 0));
  return Math.round(base * (1 - jitter * r));
}

/** The endless sequence of delays of a schedule: attempt 1, 2, 3, … */
export function* delays(backoff: Backoff): Generator<number, never, undefined> {
  for (let attempt = 1; ; attempt++) yield backoffDelay(attempt, backoff);
}

/** Sleeps, ending early with {@link AbortError} when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError(undefined, { cause: signal.reason }));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** One signal that aborts when any of the given ones does; undefined when none is given. */
export function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const list = signals.filter((s): s is AbortSignal => s !== undefined);
  if (list.length <= 1) return list[0];
  if (typeof AbortSignal.any === "function") return AbortSignal.any(list);
  const controller = new AbortController();
  for (const s of list) {
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    s.addEventListener("abort", () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}

/** A point in time to finish by. */
export interface Deadline {
  /** The time (ms since the epoch) of the deadline. */
  readonly at: number;
  /** Milliseconds left (never negative). */
  remaining(): number;
  /** True once the deadline has passed. */
  passed(): boolean;
}

/** A deadline `timeoutMs` from now. */
export function deadline(timeoutMs: number, now: () => number = Date.now): Deadline {
  const at = now() + timeoutMs;
  return {
    at,
    remaining: () => Math.max(0, at - now()),
    passed: () => now() >= at,
  };
}
