/**
 * Calls about references across metros: each reference is resolved to its metro, the references
 * are grouped per metro, each metro's method is called once with its group (at most
 * `concurrency` metros at a time), and the results are merged back in the caller's order, each
 * tagged with its `metro`. Nothing is dropped: a metro that fails as a whole makes each of its
 * references a failure; the others succeed.
 */
import { APIError, BatchError, describeRef, makeAPIError, type ItemFailure } from "../core/errors.js";
import type { RequestOptions } from "../internal/transport.js";
import { MetroCallError, type MetroItemFailure, type MetroRef } from "./errors.js";
import { checkMetro, parseMetroRefs, settleEach, type Routed } from "./refs.js";
import { resolve, rethrowCallerErrors, type Lookup, type Metros, type Resolution } from "./resolve.js";

/** A result that says which metro it came from. */
export type WithMetro<T> = T & {
  /** The metro code of the resource, e.g. `dal`. */
  metro: string;
};

/** The option account-wide calls add: the metro to use (creates), or of references without one. */
export interface MetroOption {
  /** A metro code. Creates go there; references without a metro are taken to be there (no lookup). */
  metro?: string | undefined;
}

/** One method of one resource of one metro's client. */
type Method = (...args: unknown[]) => unknown;

/** The method `name` of `resource` in the client of `metro`. */
export function methodOf(m: Metros, metro: string, resource: string, name: string): Method {
  const r = (m.clients[metro] as unknown as Record<string, Record<string, Method>>)[resource]!;
  return r[name]!.bind(r);
}

/** Tags a result (an object, or each object of an array) with its metro, in place. */
export function tag<T>(value: T, metro: string): T {
  if (Array.isArray(value)) for (const v of value) tag(v, metro);
  else if (typeof value === "object" && value !== null) Object.assign(value, { metro });
  return value;
}

/** The call's options without `metro` (the metro's client does not know it), and the metro. */
export function splitOptions<O extends MetroOption>(options: O | undefined, codes: readonly string[]): { options: Omit<O, "metro"> | undefined; metro: string | undefined } {
  if (options === undefined || options === null || typeof options !== "object" || !("metro" in options)) return { options, metro: undefined };
  const { metro, ...rest } = options;
  return { options: rest, metro: metro === undefined ? undefined : checkMetro(metro, "metro", codes) };
}

/** What a by-reference method is: where its options are, and what it does (for messages). */
export interface ByRef {
  resource: string;
  method: string;
  /** The index of the options argument. */
  at: number;
  lookup: Lookup;
}

/** The arguments of a call with the options replaced and the first argument (the references) set. */
function argsWith(args: readonly unknown[], at: number, first: unknown, options: unknown): unknown[] {
  const out = [...args];
  out[0] = first;
  if (at < out.length || options !== undefined) out[at] = options;
  return out;
}

/** Checks the references and options of a call (synchronously: nothing is sent yet). */
export function prepare(m: Metros, spec: ByRef, args: readonly unknown[]) {
  const split = splitOptions(args[spec.at] as MetroOption | undefined, m.codes);
  const routed = parseMetroRefs(args[0] as MetroRef, m.codes, split.metro);
  return { routed, options: split.options, operation: `${spec.method} ${spec.lookup.kind}` };
}

/** Checks and resolves the references of a call. */
async function route(m: Metros, spec: ByRef, args: readonly unknown[]) {
  const prepared = prepare(m, spec, args);
  const resolutions = await resolve(m, spec.lookup, prepared.operation, prepared.routed, prepared.options as RequestOptions | undefined);
  return { ...prepared, resolutions };
}

/** Runs a by-reference call: one reference (its result, or its error) or many (all results, or `BatchError`). */
export async function byReference(m: Metros, spec: ByRef, args: readonly unknown[]): Promise<unknown> {
  const many = Array.isArray(args[0]);
  const { routed, resolutions, options, operation } = await route(m, spec, args);
  if (!many) {
    const metro = routeOf(resolutions);
    return tag(await methodOf(m, metro, spec.resource, spec.method)(...argsWith(args, spec.at, routed[0]!.ref, options)), metro);
  }

  const groups = new Map<string, number[]>();
  resolutions.forEach((r, i) => r.metro !== undefined && !r.error && groups.set(r.metro, [...(groups.get(r.metro) ?? []), i]));
  const acc: Merged = { operation, results: [], failures: [], extra: [] };
  resolutions.forEach((r, i) => r.error && (acc.failures[i] = itemFailure(routed[i]!.input, r.metro, r.error)));

  const parts = [...groups];
  const settled = await settleEach(parts, m.run, ([metro, indexes]) =>
    methodOf(m, metro, spec.resource, spec.method)(...argsWith(args, spec.at, indexes.map((i) => routed[i]!.ref), options)) as Promise<unknown[]>,
  );
  rethrowCallerErrors(settled.flatMap((s) => (s.status === "rejected" ? [s.reason] : [])), (options as RequestOptions | undefined)?.signal);
  settled.forEach((s, k) => {
    const [metro, indexes] = parts[k]!;
    const mine = indexes.map((i) => routed[i]!);
    if (s.status === "fulfilled") return place(acc, s.value, metro, indexes, mine);
    if (s.reason instanceof BatchError) return merge(acc, s.reason, metro, indexes, mine);
    const error = s.reason instanceof APIError ? s.reason : new MetroCallError(operation, metro, s.reason);
    indexes.forEach((i) => (acc.failures[i] = itemFailure(routed[i]!.input, metro, error)));
  });

  const failed = [...acc.failures.filter((f): f is MetroItemFailure => f !== undefined), ...acc.extra];
  if (failed.length === 0) return acc.results;
  throw new BatchError<unknown, MetroRef>(operation, acc.results.filter((_, i) => !acc.failures[i]), failed);
}

/** The metro of a call's one reference, or its error thrown. */
export function routeOf(resolutions: readonly Resolution[]): string {
  const [{ metro, error }] = resolutions as [Resolution];
  if (error) throw error;
  return metro!;
}

/** The merged outcome of a batch, by the caller's index; failures beyond one per reference in `extra`. */
interface Merged {
  operation: string;
  results: unknown[];
  failures: (MetroItemFailure | undefined)[];
  extra: MetroItemFailure[];
}

/** A failure of a reference: its error, with the reference as the caller gave it and its metro. */
function itemFailure(input: MetroRef, metro: string | undefined, error: APIError, from?: ItemFailure): MetroItemFailure {
  return { ref: input, metro, message: from?.message ?? error.apiMessage ?? error.message, code: from?.code ?? error.code, error, ...(from?.item !== undefined ? { item: from.item } : {}) };
}

/**
 * Sorts a metro's `BatchError` back to the caller's references: each failure belongs to the
 * reference object it names (a reference can fail more than once, e.g. per update operation: the
 * further failures go to `extra`, as the metro's client reports them); the successes are those of
 * the other references, in order. Failures about items nobody asked for are kept in `extra`.
 */
function merge(acc: Merged, e: BatchError, metro: string, indexes: number[], mine: Routed[]): void {
  const owner = new Map<unknown, number>(mine.map((r, j) => [r.ref, j]));
  const failedAt = new Set<number>();
  for (const f of e.failed) {
    const j = owner.get(f.ref);
    if (j === undefined) {
      acc.extra.push({ ...f, ref: f.ref as MetroRef, metro });
      continue;
    }
    const failure = itemFailure(mine[j]!.input, metro, f.error, f);
    if (failedAt.has(j)) acc.extra.push(failure);
    else acc.failures[indexes[j]!] = failure;
    failedAt.add(j);
  }
  const ok = indexes.flatMap((_, j) => (failedAt.has(j) ? [] : [j]));
  place(acc, e.succeeded, metro, ok.map((j) => indexes[j]!), ok.map((j) => mine[j]!));
}

/** Puts a metro's results at the caller's indexes; a reference left without one is a failure, never dropped. */
function place(acc: Merged, items: readonly unknown[], metro: string, indexes: number[], mine: Routed[]): void {
  indexes.forEach((i, j) => {
    if (j < items.length) acc.results[i] = tag(items[j], metro);
    else acc.failures[i] = itemFailure(mine[j]!.input, metro, makeAPIError({ status: 200, operation: acc.operation, message: `metro '${metro}' returned no result for ${describeRef(mine[j]!.ref)}` }));
  });
}
