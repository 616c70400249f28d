/**
 * Polling with exponential backoff and jitter, for conditions the server cannot wait for
 * (a volume being available, a certificate being valid, `net_time_us` being set). For instance
 * states, the server-side wait in wait.ts is better: one request instead of many.
 */
import { AbortError, AuthenticationError, BadRequestError, ConfigurationError, makeAPIError, NotFoundError } from "../core/errors.js";
import { PermissionDeniedError, UnprocessableEntityError, ValidationError, WaitTimeoutError } from "../core/errors.js";
import { isMismatch } from "./batch.js";
import { describeRef, parseRef, type Ref } from "../core/refs.js";
import { checkFunction, checkNumber, deadline as deadlineIn, delays, race, sleep, type Backoff } from "./timing.js";
import type { RequestOptions } from "./transport.js";

/** The backoff schedule of {@link waitFor}. */
export interface PollScheduleOptions {
  /** The first delay between two checks, in ms. Default 500. */
  intervalMs?: number | undefined;
  /** The longest delay between two checks, in ms. Default 5000 (or `intervalMs`, if larger). */
  maxIntervalMs?: number | undefined;
  /** Each delay is the previous one times this factor (before jitter). Default 2. */
  factor?: number | undefined;
  /** 0..1: each delay is multiplied by a random factor in [1 - jitter, 1]. Default 0.2. */
  jitter?: number | undefined;
  /** The random number source, returning [0, 1). Default `Math.random`; fix it in tests. */
  random?: (() => number) | undefined;
}

/** Options of {@link waitFor}. */
export interface WaitForOptions extends PollScheduleOptions {
  /** How long to wait in total, in ms. Default 60000. */
  timeoutMs?: number | undefined;
  /** Ends the wait, including the check in flight. */
  signal?: AbortSignal | undefined;
  /** What is waited for, for the timeout message, e.g. "volume 'data' to be available". */
  description?: string | undefined;
}

/** The most time the final check (made at the deadline) may take, in ms. */
const FINAL_CHECK_MAX_MS = 1000;

/** The options of a poll schedule, checked, as the backoff of the timing module. */
function pollBackoff(options: PollScheduleOptions): Backoff {
  const intervalMs = checkNumber("options.intervalMs", options.intervalMs ?? 500);
  const maxMs = checkNumber("options.maxIntervalMs", options.maxIntervalMs ?? Math.max(5000, intervalMs));
  const factor = checkNumber("options.factor", options.factor ?? 2, 1, Infinity);
  const jitter = checkNumber("options.jitter", options.jitter ?? 0.2, 0, 1);
  const random = options.random ?? Math.random;
  checkFunction("options.random", random, "a function returning a number in [0, 1)");
  return { initialMs: Math.min(intervalMs, maxMs), maxMs, factor, jitter, random };
}

/**
 * The delays between checks of {@link waitFor}, in ms (an endless sequence): `intervalMs`, then
 * each times `factor`, capped at `maxIntervalMs`, each multiplied by `1 - jitter * random()` and
 * rounded. Deterministic for a fixed `random`. The options are checked at once (ValidationError).
 * @example [...take(pollDelays({ intervalMs: 100, jitter: 0 }), 4)] // 100, 200, 400, 800
 */
export function pollDelays(options: PollScheduleOptions = {}): Generator<number, never, undefined> {
  return delays(pollBackoff(options));
}

/**
 * Errors that the same request will hit again, so a later check cannot fix them: they end a wait
 * (and a log follow) at once instead of being retried.
 */
export function isPermanentError(error: unknown): boolean {
  return (
    // An answer that does not fit the request (no item for the reference, an item nobody asked
    // for): asking again gets the same answer.
    isMismatch(error) ||
    [AuthenticationError, PermissionDeniedError, NotFoundError, BadRequestError, UnprocessableEntityError, ValidationError, ConfigurationError].some(
      (type) => error instanceof type,
    )
  );
}

/** Marks a check that ended because its time ran out. */
const DEADLINE = Symbol("deadline");

/**
 * Polls `check` until `until` holds for its value, with exponential backoff and jitter between
 * checks; resolves with that value.
 *
 * - `check` gets a signal that aborts when the deadline passes or `options.signal` aborts, so a
 *   request in flight ends too (and a check that ignores the signal is abandoned at that moment).
 * - Never sleeps past the deadline: the last sleep is cut to the time left, and a final check is
 *   made at the deadline (it may take up to min(1 s, max(timeoutMs, intervalMs)) longer).
 * - At the deadline rejects with {@link WaitTimeoutError} (`lastSeen` = the last value seen,
 *   `elapsedMs`; when no value was ever seen, `cause` = the last error of `check`).
 * - When `options.signal` aborts, rejects with {@link AbortError}.
 * - Errors of `check` that retrying cannot fix reject at once: `AuthenticationError`,
 *   `PermissionDeniedError`, `NotFoundError`, `BadRequestError`, `UnprocessableEntityError`,
 *   `ValidationError`, `ConfigurationError`. Others (connection errors, timeouts, 429, 5xx, …) are
 *   retried until the deadline. An error thrown by `until` rejects at once.
 *
 * @example
 * const vol = await waitFor(
 *   (signal) => ukc.volumes.get("data", { signal }),
 *   (v) => v.state === "available",
 *   { timeoutMs: 30_000, description: "volume 'data' to be available" },
 * );
 */
export async function waitFor<T>(
  check: (signal: AbortSignal) => Promise<T>,
  until: (value: T) => boolean,
  options: WaitForOptions = {},
): Promise<T> {
  checkFunction("check", check);
  checkFunction("until", until);
  const timeoutMs = checkNumber("options.timeoutMs", options.timeoutMs ?? 60_000);
  const pauses = delays(pollBackoff(options));
  const intervalMs = options.intervalMs ?? 500; // checked by pollBackoff
  const finalCheckMs = Math.min(FINAL_CHECK_MAX_MS, Math.max(timeoutMs, intervalMs, 1));
  const userSignal = options.signal;
  const what = options.description ?? "the condition";

  const started = Date.now();
  const deadline = deadlineIn(timeoutMs);
  const aborted = () => new AbortError(`waiting for ${what} was aborted`, { cause: userSignal?.reason });
  if (userSignal?.aborted) throw aborted();

  let seen = false;
  let lastSeen: T | undefined;
  let lastError: unknown;
  let checks = 0;

  let final = timeoutMs === 0;
  for (;;) {
    checks++;
    // One check, ended when its time runs out (DEADLINE) or the user's signal aborts.
    const controller = new AbortController();
    const onUserAbort = () => controller.abort(userSignal?.reason);
    userSignal?.addEventListener("abort", onUserAbort, { once: true });
    const timer = setTimeout(
      () => controller.abort(new DOMException(`the wait for ${what} reached its deadline`, "TimeoutError")),
      final ? finalCheckMs : deadline.remaining(),
    );
    let ok = false;
    let value: T | undefined;
    let error: unknown;
    try {
      value = await race(() => check(controller.signal), controller.signal, () => DEADLINE);
      ok = true;
    } catch (failure) {
      error = failure;
    } finally {
      clearTimeout(timer);
      userSignal?.removeEventListener("abort", onUserAbort);
    }
    if (userSignal?.aborted) throw aborted();
    if (ok) {
      seen = true;
      lastSeen = value;
      if (until(value!)) return value!;
    } else if (error === DEADLINE) {
      break;
    } else {
      if (isPermanentError(error)) throw error;
      lastError = error;
    }
    if (final) break;
    const remaining = deadline.remaining();
    if (remaining <= 0) break;
    const delay = pauses.next().value;
    // A delay that reaches the deadline is the last: the sleep ends at the deadline (re-slept if a
    // timer fired a little early), then the final check.
    final = delay >= remaining;
    for (let left = final ? remaining : delay; left > 0; left = final ? deadline.remaining() : 0) await sleep(left, userSignal, aborted);
  }

  const elapsed = Date.now() - started;
  const failure =
    lastError === undefined ? "" : ` The last failed check: ${lastError instanceof Error ? lastError.message : String(lastError)}.`;
  // When no value was ever seen, the last error of `check` is the cause.
  throw new WaitTimeoutError<T>(
    `timed out after ${elapsed} ms waiting for ${what} (${checks} check${checks === 1 ? "" : "s"}${seen ? "" : ", no value seen"}).${failure} Raise timeoutMs if it needs longer.`,
    lastSeen,
    elapsed,
    !seen && lastError !== undefined ? { cause: lastError } : undefined,
  );
}

/** What {@link waitForState} reads of a resource: its state, and its name or UUID for messages. */
interface StatefulItem {
  state?: string | undefined;
  uuid?: string | undefined;
  name?: string | undefined;
}

/** A resource that has states and is read by one GET, for {@link waitForState}. */
export interface StatefulResource<T extends StatefulItem> {
  /** The resource, for messages: "volume". */
  kind: string;
  /** Every state of the resource. */
  states: readonly string[];
  /** A state shown in the message for a malformed condition: "available". */
  example: string;
  /** Reads one item. */
  get: (ref: Ref, options: RequestOptions) => Promise<T>;
}

/** The condition of a resource's `waitUntil()`: a predicate, or the state(s) to reach. */
export type StateCondition<T> = ((item: T) => boolean) | { state: string | readonly string[] };

/** Options of a resource's `waitUntil()`: the deadline, the polling schedule, and the request options of each GET. */
export interface StateWaitOptions extends Omit<RequestOptions, "timeoutMs" | "signal"> {
  /** How long to wait in total, in ms. Default 60000. */
  timeoutMs?: number | undefined;
  /** Ends the wait, including the check in flight. */
  signal?: AbortSignal | undefined;
  /** The first delay between two checks, in ms. Default 500. */
  intervalMs?: number | undefined;
  /** The longest delay between two checks, in ms. Default 5000 (or `intervalMs`, if larger). */
  maxIntervalMs?: number | undefined;
  /** Each delay is the previous one times this factor (before jitter). Default 2. */
  factor?: number | undefined;
  /** 0..1: each delay is multiplied by a random factor in [1 - jitter, 1]. Default 0.2. */
  jitter?: number | undefined;
}

/**
 * Turns a `waitUntil()` condition into the `until` of {@link waitFor} and a description of what is
 * awaited. The state(s) are checked against the resource's states first (nothing is sent for a bad
 * one). An item in the `error` state will not reach another state by itself: unless `error` is
 * awaited, it ends the wait at once with an `APIError`, not at the deadline.
 */
function stateCondition<T extends StatefulItem>(
  resource: StatefulResource<T>,
  condition: StateCondition<T>,
): { until: (item: T) => boolean; what: string } {
  const { kind, states: allowed, example } = resource;
  if (typeof condition === "function") return { until: condition, what: "the condition to hold" };
  if (!condition || typeof condition !== "object") {
    throw new ValidationError("condition", `expected a predicate (${kind}) => boolean or { state: '${example}' }`);
  }
  const states = [condition.state ?? []].flat() as string[];
  const bad = states.find((state) => !allowed.includes(state));
  if (!states.length || bad !== undefined) {
    throw new ValidationError("condition.state", `${states.length ? `'${bad}' is not a ${kind} state; use` : "give a state:"} ${allowed.join(", ")}`);
  }
  const what = states.join(" or ");
  return {
    until: (item) => {
      if (item.state === "error" && !states.includes("error")) {
        const described = item.name !== undefined ? `'${item.name}'` : (item.uuid ?? "(unknown)");
        throw makeAPIError({ status: 200, message: `${kind} ${described} is in the error state while waiting for ${what}`, body: item });
      }
      return states.includes(item.state!);
    },
    what,
  };
}

/**
 * The `waitUntil()` of a resource with states: polls `resource.get(ref)` with {@link waitFor} until
 * the item is in one of the given states or the predicate holds (see {@link stateCondition}), and
 * resolves with the item as last read. The reference and the condition are checked before anything
 * is sent.
 */
export async function waitForState<T extends StatefulItem>(
  resource: StatefulResource<T>,
  ref: Ref,
  condition: StateCondition<T>,
  options: StateWaitOptions,
): Promise<T> {
  const parsed = parseRef(ref);
  const { until, what } = stateCondition(resource, condition);
  // Each GET takes the request options, not those of the wait (waitFor reads only its own).
  const { timeoutMs, intervalMs, maxIntervalMs, factor, jitter, signal, ...request } = options;
  return waitFor((checkSignal) => resource.get(ref, { ...request, signal: checkSignal }), until, {
    ...options,
    description: `${resource.kind} ${describeRef(parsed)} to be ${what}`,
  });
}
