/**
 * Waiting for instance states with the server-side wait endpoint: one request that the server
 * holds open until the state is reached or its timeout ends. When the wanted timeout is longer
 * than one server wait, the request is repeated until the deadline. For conditions the server
 * cannot wait for, see `waitFor` in poll.ts.
 */
import { AbortError, BatchError, ValidationError, WaitTimeoutError, type ItemFailure } from "../core/errors.js";
import { failure, matchItems, unexpected, type ApiItem } from "./batch.js";
import { describeRef, type ParsedRef } from "../core/refs.js";
import { INSTANCE_STATES } from "../resources/declared.js";
import type { InstanceState } from "../core/types.js";
import { checkNumber, deadline as deadlineIn, shown, sleep } from "./timing.js";

/** Options of `instances.wait()`. */
export interface WaitOptions {
  /** The state to wait for. Default `running`. */
  state?: InstanceState;
  /** How long to wait in total, in milliseconds. Default 60000. */
  timeoutMs?: number;
  /** Longest wait asked of the server in one request. Default 60000. */
  maxServerWaitMs?: number;
  /** Ends the wait, including the request the server holds open. */
  signal?: AbortSignal;
}

/** An instance as the wait endpoint reports it. */
export interface WaitedItem extends ApiItem {
  state?: string | undefined;
}

/** One server wait: ask for `refs` to reach `state` within `timeoutMs`. */
export type ServerWait<T extends WaitedItem> = (
  refs: ParsedRef[],
  state: InstanceState,
  timeoutMs: number,
  signal: AbortSignal | undefined,
) => Promise<{ items: T[] | undefined; message?: string | undefined }>;

/** `ErrorCode.TimedOut`, as a literal: the code table stays out of bundles that do not use it. */
const TIMED_OUT = 12;

/** Shortest time between two server waits. */
const MIN_ROUND_MS = 250;

/** Extra time given to the HTTP request beyond the server's own wait. */
const HTTP_MARGIN_MS = 15_000;

/** The HTTP timeout for a server wait of `waitMs`. */
export function httpTimeoutFor(waitMs: number): number {
  return waitMs + HTTP_MARGIN_MS;
}

/**
 * Waits until every reference is in `state`, repeating the server wait until the deadline.
 * Resolves with the instances in the wanted state, in the order of `inputs`.
 * Rejects with {@link WaitTimeoutError} (its `lastSeen` maps each pending reference to the last
 * state seen) at the deadline, with {@link AbortError} on abort, and at once on 401/403.
 * Items the API reports as failed (e.g. not found) end the wait with a `BatchError`
 * (or, for one reference, that item's error).
 */
export async function waitForStates<T extends WaitedItem, R>(
  inputs: readonly R[],
  refs: readonly ParsedRef[],
  serverWait: ServerWait<T>,
  options: WaitOptions = {},
  single = false,
): Promise<T[]> {
  // The options are checked before anything is sent: a known state, sensible times.
  const state = options.state ?? "running";
  if (!INSTANCE_STATES.includes(state)) {
    throw new ValidationError("state", `${shown(state)} is not an instance state; wait for one of ${INSTANCE_STATES.join(", ")}`);
  }
  const timeoutMs = checkNumber("timeoutMs", options.timeoutMs ?? 60_000);
  const maxServerWaitMs = checkNumber("maxServerWaitMs", options.maxServerWaitMs ?? 60_000, 1);
  const operation = `wait for ${state}`;
  const started = Date.now();
  const deadline = deadlineIn(timeoutMs);
  /** By index of `refs`: the item once it is in `state`, and the last state seen. */
  const done: T[] = [];
  const lastSeen: (string | undefined)[] = [];
  const failed: ItemFailure<R>[] = [];
  let pending = refs.map((_, i) => i);

  for (;;) {
    if (options.signal?.aborted) throw new AbortError("the wait was aborted");
    const roundStarted = Date.now();
    const asked = pending.map((i) => refs[i]!);
    const { items, message } = await serverWait(asked, state, Math.min(deadline.remaining(), maxServerWaitMs), options.signal);
    const { outcomes, extra } = matchItems(
      operation,
      pending.map((i) => inputs[i]!),
      asked,
      // A timed-out item is not a failure here: it is still pending.
      items?.map((item) => (item.error === TIMED_OUT ? { ...item, status: "success", error: undefined } : item)),
      message,
    );
    // Still pending: the instances seen in another state.
    pending = pending.filter((i, k) => {
      const outcome = outcomes[k]!;
      if (!outcome.ok) return void failed.push(outcome.failure);
      lastSeen[i] = outcome.item.state;
      if (outcome.item.state !== state) return true;
      done[i] = outcome.item;
    });
    // An instance nobody asked for is never a success, and never dropped either.
    for (const item of extra) failed.push(unexpected(operation, item));
    if ((single && failed.length > 0) || pending.length === 0 || deadline.passed()) break;
    // A server that answers at once without the state (instead of holding the request) must not
    // be asked again in a tight loop.
    const took = Date.now() - roundStarted;
    if (took < MIN_ROUND_MS) {
      await sleep(Math.min(MIN_ROUND_MS - took, deadline.remaining()), options.signal);
      if (deadline.passed()) break;
    }
  }

  const elapsed = Date.now() - started;
  if (failed.length > 0) {
    if (single) throw failed[0]!.error;
    // Instances still pending when others failed are failures too (timed out), never dropped.
    for (const i of pending) {
      failed.push(failure(operation, inputs[i]!, `still ${lastSeen[i] ?? "in an unknown state"} after ${elapsed} ms, not ${state}`, TIMED_OUT));
    }
    throw new BatchError(operation, done.filter(Boolean), failed);
  }
  if (pending.length > 0) {
    const seen = pending.map((i) => `${describeRef(refs[i]!)} is ${lastSeen[i] ?? "unknown"}`).join(", ");
    const last = single ? lastSeen[pending[0]!] : Object.fromEntries(pending.map((i) => [Object.values(refs[i]!)[0], lastSeen[i]]));
    throw new WaitTimeoutError(
      `timed out after ${elapsed} ms waiting for ${state}: ${seen}. Raise timeoutMs, or check the instance's logs and stop_reason.`,
      last,
      elapsed,
    );
  }
  return done;
}
