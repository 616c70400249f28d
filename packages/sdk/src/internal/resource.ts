/**
 * Declared resources. A {@link Descriptor} says where a resource lives (batch path, data key,
 * whether it has by-UUID endpoints, its states, its updatable properties); {@link standard}
 * turns it into the usual get, list, update, delete and waitUntil, and {@link byRefs} runs any
 * call about one or many references: one UUID goes to the by-UUID endpoint, anything else to the
 * batch endpoint, and every item of the answer is matched back to the reference it belongs to.
 */
import { BatchError, ValidationError, type ItemFailure } from "../core/errors.js";
import { toOperations, type PatchInput, type RawOperation } from "../core/patch.js";
import { parseRefs, type ParsedRef, type Ref } from "../core/refs.js";
import { allOrThrow, matchItems, oneOrThrow, refQuery, settle, unexpected, type ApiItem } from "./batch.js";
import { call, itemsOf, remember, type Answer, type Context } from "./call.js";
import { paginate } from "./pagination.js";
import { waitForState, type StateCondition, type StateWaitOptions } from "./poll.js";
import type { Outgoing, QueryValue, RequestOptions } from "./transport.js";
import { listProps, updatableProps, validatePatch } from "./validate.js";

/** A method that takes one reference (resolves with its item) or many (resolves with all of them). */
export interface BatchMethod<T, O = RequestOptions> {
  (ref: Ref, options?: O): Promise<T>;
  (refs: readonly Ref[], options?: O): Promise<T[]>;
}

/** An update method: one or many references, and a typed patch or raw `{ prop, op, value }` operations. */
export interface UpdateMethod<Pt, T> {
  (ref: Ref, patch: Pt | readonly RawOperation[], options?: RequestOptions): Promise<T>;
  (refs: readonly Ref[], patch: Pt | readonly RawOperation[], options?: RequestOptions): Promise<T[]>;
}

/** Options of every `list()`: the page size, a limit, details and (where the API has them) tags. */
export interface ListOptions extends RequestOptions {
  /** Page size (`count`). Default 100. */
  pageSize?: number;
  /** Stop after this many items. Default: all. */
  limit?: number;
  /** Include details (`details`). Default true. */
  details?: boolean;
  /** Only resources with these tags (where the endpoint supports tags). */
  tags?: string[];
}

/** Where a call about references goes. */
export interface Route {
  /** What the call does, for messages: `start instance`. */
  operation: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The batch endpoint. */
  path: string;
  /** The by-UUID endpoint (`…/{uuid}…`), used for a single UUID reference; none: always batch. */
  one?: string | undefined;
  /** The key of the items in `data`. */
  key: string;
  /** Fields sent with each reference (batch) or as the by-UUID endpoint's body. */
  fields?: ((index: number) => Record<string, unknown>) | undefined;
  /** Query parameters sent with the call (besides the references of a GET batch). */
  query?: Record<string, QueryValue> | undefined;
  /** The answer's items are new resources (clones, checkpoints): matched by position, not by name or UUID. */
  positional?: boolean | undefined;
}

/** Fills the `{uuid}` of a by-UUID path. */
export function uuidPath(template: string, uuid: string): string {
  return template.replace("{uuid}", encodeURIComponent(uuid));
}

/** The request of a route for these references. */
function outgoing(route: Route, refs: readonly ParsedRef[]): Outgoing {
  const { method, query, fields } = route;
  const [first] = refs;
  if (route.one && refs.length === 1 && "uuid" in first!) {
    const body = method === "GET" || method === "DELETE" ? undefined : (fields?.(0) ?? {});
    return { method, path: uuidPath(route.one, first.uuid), query, body };
  }
  if (method === "GET") return { method, path: route.path, query: { ...refQuery(refs), ...query } };
  return { method, path: route.path, query, body: refs.map((ref, i) => ({ ...ref, ...fields?.(i) })) };
}

/**
 * Matches the items of an answer (under `key`) to the inputs and finishes the call: one input
 * (not an array) resolves with its item or throws its error; many resolve with every item in
 * order or throw {@link BatchError} with both lists. `refs[i]` names `inputs[i]`; `undefined`
 * matches by position (items that are new resources). The result remembers the response.
 */
export function answerFor<T extends ApiItem, R>(
  operation: string,
  answer: Answer,
  key: string,
  inputs: readonly R[],
  refs: readonly (ParsedRef | undefined)[],
  many: boolean,
): T | T[] {
  const { items, message } = itemsOf<T>(answer, key);
  const settled = settle(operation, inputs, refs, items, message);
  return remember(many ? allOrThrow(operation, settled) : oneOrThrow(settled), answer.response);
}

/** The answer's first item under `key` (or its error), remembering the response; for calls about one thing. */
export function firstItem<T extends ApiItem>(operation: string, answer: Answer, key: string): T {
  const { items, message } = itemsOf<T>(answer, key);
  return remember(oneOrThrow(settle(operation, [operation], [undefined], items?.slice(0, 1), message)), answer.response);
}

/**
 * Runs a call about one reference (resolves with its item or throws its error) or an array of
 * references (resolves with every item in order, or throws {@link BatchError} with both lists).
 */
export async function byRefs<T extends ApiItem>(
  ctx: Context,
  route: Route,
  input: Ref | readonly Ref[],
  options?: RequestOptions,
  parsed?: ParsedRef[],
): Promise<T | T[]> {
  const many = Array.isArray(input);
  const refs = parsed ?? parseRefs(input as Ref | Ref[]);
  const answer = await call(ctx, outgoing(route, refs), options);
  return answerFor<T, Ref>(route.operation, answer, route.key, (many ? input : [input]) as readonly Ref[], route.positional ? refs.map(() => undefined) : refs, many);
}

/** Builds a {@link BatchMethod} of a route (`fields` from the method's options, if any). */
export function batchMethod<T extends ApiItem, O extends RequestOptions = RequestOptions>(
  ctx: Context,
  route: Route,
  fields?: (options: O | undefined) => Record<string, unknown> | undefined,
): BatchMethod<T, O> {
  // Async: a bad option is a rejected promise, like every other failure.
  return (async (input: Ref | readonly Ref[], options?: O) => {
    const extra = fields?.(options);
    return byRefs<T>(ctx, extra ? { ...route, fields: () => extra } : route, input, options);
  }) as BatchMethod<T, O>;
}

/**
 * Creates one resource and returns its item (the answer's first; the rest as `rest`). The body
 * must have been validated by the caller.
 */
export async function createOne<T extends ApiItem>(
  ctx: Context,
  operation: string,
  path: string,
  key: string,
  body: unknown,
  options?: RequestOptions,
): Promise<{ item: T; rest: T[] }> {
  const answer = await call(ctx, { method: "POST", path, body }, options);
  return { item: firstItem<T>(operation, answer, key), rest: (itemsOf<T>(answer, key).items ?? []).slice(1) };
}

/** How a resource is declared. */
export interface Descriptor {
  /** The resource in messages: `instance`. */
  kind: string;
  /** The batch path: `/v1/instances`; the by-UUID path is `${path}/{uuid}`. */
  path: string;
  /** The key of the items in `data`: `instances`. */
  key: string;
  /** Whether `list()` can filter by tags. */
  tags?: boolean;
  /** Whether `get()` and `list()` take `details`. */
  details?: boolean;
  /** The states of the resource, for `waitUntil()`, and one for messages. */
  states?: readonly string[];
  example?: string;
  /** The resource's key in the generated update validators (internal/validate.ts): `instances`. */
  patch?: string;
}

/** The updatable properties of a resource, which of them take add/del, and the value check. */
export interface PatchRules {
  props: readonly string[];
  lists: readonly string[];
  check?: (op: RawOperation, field: string) => void;
}

/** The patch rules of a resource, from the validators generated from the spec. */
export function patchRules(resource: string): PatchRules {
  return { props: updatableProps(resource), lists: listProps(resource), check: (op, field) => validatePatch(resource, op.prop, op.op, op.value, field) };
}


/** The standard methods of a declared resource. */
export function standard<T extends ApiItem, U extends ApiItem = T, D extends ApiItem = T>(ctx: Context, d: Descriptor) {
  const one = `${d.path}/{uuid}`;

  /** Gets one item by name or UUID. */
  const get = (ref: Ref, options?: RequestOptions & { details?: boolean }): Promise<T> => {
    const query = d.details && options?.details !== undefined ? { details: options.details } : undefined;
    return byRefs<T>(ctx, { operation: `get ${d.kind}`, method: "GET", path: d.path, one, key: d.key, query }, ref, options) as Promise<T>;
  };

  /** Lists items page by page (inclusive `from` cursor, oldest first). */
  async function* list(options: ListOptions = {}): AsyncGenerator<T, void, undefined> {
    if (!d.tags && options.tags !== undefined) throw new ValidationError("tags", `${d.kind}s cannot be listed by tags`);
    yield* paginate<T>(
      async (from, count) => {
        const query = { count, from, details: d.details ? options.details : undefined, tags: options.tags, sortby: "create_time", order: "asc" };
        const answer = await call(ctx, { method: "GET", path: d.path, query }, options);
        return itemsOf<T>(answer, d.key).items ?? [];
      },
      (item) => item.uuid,
      options,
    );
  }

  /** Updates one or many items with the same patch: every reference gets every operation. */
  async function update(input: Ref | readonly Ref[], patch: PatchInput, options?: RequestOptions): Promise<U | U[]> {
    const rules = patchRules(d.patch!);
    const ops = toOperations(patch, rules.props, rules.lists, rules.check);
    const many = Array.isArray(input);
    const inputs = (many ? input : [input]) as readonly Ref[];
    const refs = parseRefs(input as Ref | Ref[]);
    const body = refs.flatMap((ref) => ops.map((op) => ({ ...ref, ...op })));
    const [first] = refs;
    const out: Outgoing =
      body.length === 1 && "uuid" in first!
        ? { method: "PATCH", path: uuidPath(one, first.uuid), body: ops[0] }
        : { method: "PATCH", path: d.path, body };
    const answer = await call(ctx, out, options);
    const { items, message } = itemsOf<U>(answer, d.key);
    const operation = `update ${d.kind}`;
    const owner = (k: number) => Math.floor(k / ops.length);
    const { outcomes, extra } = matchItems(
      operation,
      body.map((_, k) => inputs[owner(k)]!),
      body.map((_, k) => refs[owner(k)]!),
      items,
      message,
    );
    // A reference succeeded when all of its operations did; each failed operation is reported.
    const succeeded: U[] = [];
    const failed: ItemFailure<Ref>[] = [];
    inputs.forEach((_, i) => {
      const mine = outcomes.slice(i * ops.length, (i + 1) * ops.length);
      const bad = mine.flatMap((o) => (o.ok ? [] : [o.failure]));
      if (bad.length) failed.push(...bad);
      else if (mine[0]?.ok) succeeded.push(mine[0].item);
    });
    for (const item of extra) failed.push(unexpected(operation, item));
    if (many && failed.length) throw new BatchError(operation, succeeded, failed);
    return remember(many ? succeeded : oneOrThrow({ succeeded, failed }), answer.response);
  }

  /** Deletes one or many items. */
  const del = batchMethod<D>(ctx, { operation: `delete ${d.kind}`, method: "DELETE", path: d.path, one, key: d.key });

  /** Polls `get()` until the item is in one of the states or the predicate holds. */
  const waitUntil = (ref: Ref, condition: StateCondition<T>, options: StateWaitOptions = {}): Promise<T> =>
    waitForState({ kind: d.kind, states: d.states ?? [], example: d.example ?? "", get }, ref, condition, options);

  return {
    get,
    list,
    update: update as {
      (ref: Ref, patch: PatchInput, options?: RequestOptions): Promise<U>;
      (refs: readonly Ref[], patch: PatchInput, options?: RequestOptions): Promise<U[]>;
    },
    delete: del,
    waitUntil,
  };
}
