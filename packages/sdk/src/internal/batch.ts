/**
 * Per-item results of batch calls. Batch endpoints answer HTTP 200 and list each item with its own
 * `status`, `message` and `error` code; this module sorts them into successes and failures
 * without losing any, matched to the references the caller gave.
 */
import { BatchError, makeAPIError, type ItemFailure } from "../core/errors.js";
import { toOperations, type RawOperation } from "../core/patch.js";
import { describeRef, matchesRef, parseRefs, type ParsedRef, type Ref } from "../core/refs.js";
import type { RequestOptions } from "./transport.js";

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

function failure<R>(operation: string, ref: R, message: string, code: number | undefined, item?: unknown): ItemFailure<R> {
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
  const what = item.uuid ? `uuid '${item.uuid}'` : item.name ? `name '${item.name}'` : "an unnamed item";
  const message = itemFailed(item)
    ? (item.message ?? "failed")
    : `the API answered for ${what}, which was not asked for; it is not counted as a success`;
  const ref = (item.uuid ? { uuid: item.uuid } : item.name ? { name: item.name } : item) as unknown as R;
  return mismatch(failure(operation, ref, message, item.error, item));
}

/** True when an item names a resource other than the reference (by uuid or by name). */
function namesOther(ref: ParsedRef, item: ApiItem): boolean {
  if ("uuid" in ref) return item.uuid !== undefined && item.uuid.toLowerCase() !== ref.uuid;
  return item.name !== undefined && item.name !== ref.name;
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

/**
 * Runs a call about one or many references: `call` gets the parsed references and returns the
 * response's items; one reference (not in an array) resolves with its item or throws its error,
 * an array resolves with every item or throws {@link BatchError}.
 */
export async function perRef<T extends ApiItem, R>(
  operation: string,
  input: R | readonly R[],
  parse: (input: R | readonly R[]) => ParsedRef[],
  call: (refs: ParsedRef[]) => Promise<{ items: T[] | undefined; message?: string | undefined }>,
): Promise<T | T[]> {
  const many = Array.isArray(input);
  const inputs = (many ? input : [input]) as readonly R[];
  const refs = parse(input);
  const { items, message } = await call(refs);
  const settled = settle(operation, inputs, refs, items, message);
  return many ? allOrThrow(operation, settled) : oneOrThrow(settled);
}

/** A method that takes one reference (resolves with its item) or many (resolves with all items). */
export interface BatchMethod<T, O = RequestOptions> {
  (ref: Ref, options?: O): Promise<T>;
  (refs: readonly Ref[], options?: O): Promise<T[]>;
}

/** Builds a {@link BatchMethod} from the call that sends the parsed references. */
export function batchOf<T extends ApiItem, O extends RequestOptions = RequestOptions>(
  operation: string,
  call: (refs: ParsedRef[], options: O | undefined) => Promise<{ items: T[] | undefined; message?: string | undefined }>,
): BatchMethod<T, O> {
  return ((input: Ref | readonly Ref[], options?: O) =>
    perRef<T, Ref>(operation, input, (i) => parseRefs(i as Ref | Ref[]), (refs) => call(refs, options))) as BatchMethod<T, O>;
}

/** An update method: one or many references, and a patch or raw operations. */
export interface UpdateMethod<P extends string, T> {
  (ref: Ref, patch: Partial<Record<P, unknown>> | readonly RawOperation<P>[], options?: RequestOptions): Promise<T>;
  (refs: readonly Ref[], patch: Partial<Record<P, unknown>> | readonly RawOperation<P>[], options?: RequestOptions): Promise<T[]>;
}

/** One item of an update request body: a reference plus one operation. */
export type UpdateItem<P extends string> = ParsedRef & RawOperation<P>;

/**
 * For the `send` of {@link updater}: when the body is one operation on a UUID, that UUID and the
 * operation, for the resource's by-UUID endpoint (`PATCH /v1/…/{uuid}`); otherwise `undefined`, and
 * the body goes to the batch endpoint.
 */
export function singleUUIDUpdate<P extends string>(body: readonly UpdateItem<P>[]): { uuid: string; op: RawOperation<P> } | undefined {
  const [first] = body;
  if (body.length !== 1 || !("uuid" in first!)) return undefined;
  return { uuid: first.uuid, op: { prop: first.prop, op: first.op, value: first.value, ...(first.id ? { id: first.id } : {}) } };
}

/**
 * Builds an update method. The patch becomes operations; every reference gets every operation in
 * one request; the result of a reference is its first operation's item when all of its operations
 * succeeded, and each failed operation is reported with the reference it belongs to.
 */
export function updater<P extends string, T extends ApiItem>(
  operation: string,
  props: readonly P[],
  listProps: readonly P[],
  send: (body: UpdateItem<P>[], options: RequestOptions | undefined) => Promise<{ items: T[] | undefined; message?: string | undefined }>,
): UpdateMethod<P, T> {
  return (async (input: Ref | readonly Ref[], patch: Partial<Record<P, unknown>> | readonly RawOperation<P>[], options?: RequestOptions) => {
    const ops = toOperations(patch, props, listProps);
    const many = Array.isArray(input);
    const inputs = (many ? input : [input]) as readonly Ref[];
    const refs = parseRefs(input as Ref | Ref[]);
    const body = refs.flatMap((ref) => ops.map((op) => ({ ...ref, ...op }) as UpdateItem<P>));
    const owner = (k: number) => Math.floor(k / ops.length);
    const { items, message } = await send(body, options);
    const { outcomes, extra } = matchItems(
      operation,
      body.map((_, k) => inputs[owner(k)]!),
      body.map((_, k) => refs[owner(k)]!),
      items,
      message,
    );
    const succeeded: T[] = [];
    const failed: ItemFailure<Ref>[] = [];
    inputs.forEach((_, i) => {
      const mine = outcomes.slice(i * ops.length, (i + 1) * ops.length);
      const bad = mine.flatMap((o) => (o.ok ? [] : [o.failure]));
      if (bad.length) failed.push(...bad);
      else if (mine[0]?.ok) succeeded.push(mine[0].item);
    });
    for (const item of extra) failed.push(unexpected(operation, item));
    return many ? allOrThrow(operation, { succeeded, failed }) : oneOrThrow({ succeeded, failed });
  }) as UpdateMethod<P, T>;
}
