/**
 * The one timing toolkit of the SDK: exponential backoff with jitter, abortable sleep, deadlines
 * and signal combination. The transport (retries), polling (`waitUntil`, `waitFor`) and log
 * following all use it, so their delays follow the same rules.
 */
import { AbortError, ValidationError } from "../core/errors.js";

/** Longest delay `setTimeout` handles (about 24.8 days): the default upper bound of a time option. */
export const MAX_TIMER_MS = 2_147_483_647;

/** A value for a message: numbers as they are, strings quoted, anything else by its type. */
export const shown = (v: unknown): string =>
  typeof v === "number" ? String(v) : typeof v === "string" ? `'${v}'` : v === null ? "null" : typeof v;

/**
 * What is wrong with a numeric option (time, count, factor), or undefined when `value` is a number
 * from `min` to `max` (a safe integer with `integer`): "must be a number from 0 to 10, got -1".
 */
export function numberProblem(value: unknown, min = 0, max = MAX_TIMER_MS, integer = false): string | undefined {
  if (typeof value !== "number" || !(value >= min && value <= max) || (integer && !Number.isSafeInteger(value))) {
    return `must be ${integer ? "an integer" : "a number"}${range(min, max < Infinity ? max : undefined)}, got ${shown(value)}`;
  }
}

/** A range for a message: ` from 0 to 10`, ` >= 0`, ` <= 10`, or nothing. */
export const range = (min: number | undefined, max: number | undefined): string =>
  min === undefined ? (max === undefined ? "" : ` <= ${max}`) : max === undefined ? ` >= ${min}` : ` from ${min} to ${max}`;

/**
 * The one check of numeric options: returns `value` when it fits (see {@link numberProblem}), else
 * throws a {@link ValidationError} for `field` saying what is allowed and what was given. Apply
 * defaults before (`options.x ?? 500`).
 */
export function checkNumber(field: string, value: unknown, min?: number, max?: number, integer?: boolean): number {
  const problem = numberProblem(value, min, max, integer);
  if (problem) throw new ValidationError(field, problem);
  return value as number;
}

/** Throws a {@link ValidationError} for `field` unless `value` is a function. */
export function checkFunction(field: string, value: unknown, what = "a function"): void {
  if (typeof value !== "function") throw new ValidationError(field, `must be ${what}, got ${shown(value)}`);
}

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

/**
 * Runs `run` and settles like its result, or rejects with `onAbort()` as soon as `signal` aborts
 * (at once if it has): a call that ignores its signal is abandoned at that moment. The listener
 * is registered before `run` starts, so an abort always wins over the call's own reaction to it.
 */
export function race<T>(run: () => T | PromiseLike<T>, signal: AbortSignal | undefined, onAbort: () => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(onAbort());
    if (signal?.aborted) return abort();
    signal?.addEventListener("abort", abort, { once: true });
    // A call that throws at once rejects like one that rejects.
    new Promise<T>((settle) => settle(run())).then(resolve, reject).finally(() => signal?.removeEventListener("abort", abort));
  });
}

/** Sleeps, ending early with `onAbort()` (by default an {@link AbortError}) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal, onAbort = (): unknown => new AbortError(undefined, { cause: signal?.reason })): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return race(() => new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms)))), signal, onAbort).finally(() =>
    clearTimeout(timer),
  );
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
