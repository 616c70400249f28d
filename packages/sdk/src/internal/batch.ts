/**
 * Per-item results of batch calls. Batch endpoints answer HTTP 200 and list each item with its own
 * `status`, `message` and `error` code; this module sorts them into successes and failures
 * without losing any, matched to the references the caller gave.
 */
import { BatchError, makeAPIError, type ItemFailure } from "../core/errors.js";
import { describeRef, matchesRef, type ParsedRef } from "../core/refs.js";

/** The per-item fields the API puts on every entry of a batch response. */
export interface ApiItem {
  status?: string | undefined;
  message?: string | undefined;
  error?: number | undefined;
  uuid?: string | undefined;
  name?: string | undefined;
}

/** Successes and failures of one batch call. */
export interface Settled<T, R> {
  succeeded: T[];
  failed: ItemFailure<R>[];
}

/** True when the API reports this item as failed. */
export function itemFailed(item: ApiItem): boolean {
  if (item.status !== undefined) return item.status !== "success";
  return typeof item.error === "number";
}

/** Errors of answers that do not fit the request (see {@link isMismatch}). */
const mismatches = new WeakSet<object>();

/**
 * True for the error of a reference the answer does not mention, or of an item nobody asked for:
 * the answer does not fit the request, so asking again (a poll) cannot help.
 */
export function isMismatch(error: unknown): boolean {
  return typeof error === "object" && error !== null && mismatches.has(error);
}

function mismatch<R>(f: ItemFailure<R>): ItemFailure<R> {
  mismatches.add(f.error);
  return f;
}

/** A failed item: its reference, the message and code, and the matching {@link APIError}. */
export function failure<R>(operation: string, ref: R, message: string, code: number | undefined, item?: unknown): ItemFailure<R> {
  return {
    ref,
    message,
    code,
    item,
    // `apiMessage` is the item's message as the API sent it; the operation names the failure.
    error: makeAPIError({ status: 200, message, operation, code, body: item }),
  };
}

/** The outcome of one input of a batch call. */
export type Outcome<T, R> = { ok: true; item: T } | { ok: false; failure: ItemFailure<R> };

/**
 * Matches the items of a batch response to the inputs. `inputs[i]` is what the caller passed for
 * `refs[i]`. Items are matched to references by uuid/name, falling back to position when the API
 * returned one item per reference. A reference with no item in the response is a failure, never
 * dropped. Items the API returned that match no reference come back as `extra`.
 */
export function matchItems<T extends ApiItem, R>(
  operation: string,
  inputs: readonly R[],
  refs: readonly (ParsedRef | undefined)[],
  items: readonly T[] | undefined,
  envelopeMessage?: string,
): { outcomes: Outcome<T, R>[]; extra: T[] } {
  const list = items ?? [];
  const byPosition = list.length === inputs.length;
  const used = new Set<number>();
  const outcomes = inputs.map((input, i): Outcome<T, R> => {
    const ref = refs[i];
    // By identity (uuid/name) first; by position only when the API returned one item per
    // reference and the item at that position does not name a different resource (e.g. a
    // not-found entry without uuid, or an entry with only the uuid of a name reference).
    let index = ref ? list.findIndex((item, j) => !used.has(j) && matchesRef(ref, item)) : -1;
    if (index < 0 && byPosition && !used.has(i) && !(ref && namesOther(ref, list[i]!))) index = i;
    if (index < 0) {
      const what = ref ? describeRef(ref) : `item ${i}`;
      return { ok: false, failure: mismatch(failure(operation, input, `no result for ${what} in the response${envelopeMessage ? ` (${envelopeMessage})` : ""}`, undefined)) };
    }
    used.add(index);
    const item = list[index]!;
    if (itemFailed(item)) return { ok: false, failure: failure(operation, input, item.message ?? envelopeMessage ?? "failed", item.error, item) };
    return { ok: true, item };
  });
  return { outcomes, extra: list.filter((_, j) => !used.has(j)) };
}

/** Sorts the items of a batch response into successes and failures (see {@link matchItems}). */
export function settle<T extends ApiItem, R>(
  operation: string,
  inputs: readonly R[],
  refs: readonly (ParsedRef | undefined)[],
  items: readonly T[] | undefined,
  envelopeMessage?: string,
): Settled<T, R> {
  const { outcomes, extra } = matchItems(operation, inputs, refs, items, envelopeMessage);
  const succeeded: T[] = [];
  const failed: ItemFailure<R>[] = [];
  for (const o of outcomes) o.ok ? succeeded.push(o.item) : failed.push(o.failure);
  for (const item of extra) failed.push(unexpected(operation, item));
  return { succeeded, failed };
}

/**
 * An item the API returned that matches none of the caller's references: never one of the
 * caller's successes, never dropped either. It comes back as a failure naming what it is.
 */
export function unexpected<R>(operation: string, item: ApiItem): ItemFailure<R> {
  const ref = item.uuid ? { uuid: item.uuid } : item.name ? { name: item.name } : item;
  const message = itemFailed(item)
    ? (item.message ?? "failed")
    : `the API answered for ${ref === item ? "an unnamed item" : describeRef(ref)}, which was not asked for; it is not counted as a success`;
  return mismatch(failure(operation, ref as R, message, item.error, item));
}

/** True when an item names a resource other than the reference (by uuid or by name). */
function namesOther(ref: ParsedRef, item: ApiItem): boolean {
  return ("uuid" in ref ? item.uuid : item.name) !== undefined && !matchesRef(ref, item);
}

/** Returns every item when all succeeded; throws {@link BatchError} with both lists otherwise. */
export function allOrThrow<T extends ApiItem, R>(operation: string, settled: Settled<T, R>): T[] {
  if (settled.failed.length > 0) throw new BatchError<T, R>(operation, settled.succeeded, settled.failed);
  return settled.succeeded;
}

/** For a call about one resource: returns its item, or throws that item's {@link APIError}. */
export function oneOrThrow<T extends ApiItem, R>(settled: Settled<T, R>): T {
  if (settled.failed.length > 0) throw settled.failed[0]!.error;
  const item = settled.succeeded[0];
  if (!item) throw makeAPIError({ status: 200, message: "the response listed no item" });
  return item;
}

/** Splits references into the `uuid` and `name` query arrays of a GET batch endpoint. */
export function refQuery(refs: readonly ParsedRef[]): { uuid?: string[]; name?: string[] } {
  const uuid = refs.flatMap((r) => ("uuid" in r ? [r.uuid] : []));
  const name = refs.flatMap((r) => ("name" in r ? [r.name] : []));
  return { ...(uuid.length ? { uuid } : {}), ...(name.length ? { name } : {}) };
}

