/**
 * Finding the metro of references that do not name one: every metro is asked once per call, with
 * one batched lookup (`GET <path>?name=…&uuid=…&details=false`) for all the call's unresolved
 * references, at most `concurrency` metros at a time.
 */
import { AbortError, APIError, makeAPIError, ValidationError } from "../core/errors.js";
import { describeRef, type ParsedRef } from "../core/refs.js";
import type { UnikraftCloud } from "../client.js";
import { matchItems, refQuery, type ApiItem } from "../internal/batch.js";
import type { RequestOptions } from "../internal/transport.js";
import { AmbiguousReferenceError, MetroCallError } from "./errors.js";
import { settleEach, type Limiter, type Routed } from "./refs.js";

/** Where the resources of a kind are looked up: the batch GET path and the key of its items. */
export interface Lookup {
  /** The resource in messages: `instance`. */
  kind: string;
  /** The batch GET path: `/v1/instances`. */
  path: string;
  /** The key of the items in `data`: `instances`. */
  key: string;
}

/** What the metros of a call are: the clients by metro code, and the limiter of the call. */
export interface Metros {
  clients: Readonly<Record<string, UnikraftCloud>>;
  codes: readonly string[];
  run: Limiter;
}

/** Where one reference goes: its metro, or the error that says why it cannot go anywhere. */
export type Resolution = { metro: string; error?: undefined } | { metro: string | undefined; error: APIError };

/** What one metro said about one reference. */
type Seen = "found" | "absent" | { error: unknown };

const keyOf = (ref: ParsedRef) => ("uuid" in ref ? `uuid:${ref.uuid}` : `name:${ref.name}`);

/** The request options a lookup inherits from the call: its signal, timeout, retries and headers. */
export function requestOptions(options: RequestOptions | undefined): RequestOptions {
  const { signal, timeoutMs, maxRetries, headers } = options ?? {};
  return { signal, timeoutMs, maxRetries, headers };
}

/** Rethrows what is the caller's and the same in every metro: a bad argument, or the caller's abort. */
export function rethrowCallerErrors(errors: readonly unknown[], signal: AbortSignal | undefined): void {
  const invalid = errors.find((e) => e instanceof ValidationError);
  if (invalid) throw invalid;
  if (signal?.aborted) throw errors.find((e) => e instanceof AbortError) ?? new AbortError();
}

/** Asks one metro about the unique references: found, absent (error 8), or an error. */
async function ask(client: UnikraftCloud, lookup: Lookup, refs: ParsedRef[], options: RequestOptions): Promise<Map<string, Seen>> {
  const env = await client.request("GET", lookup.path as "/v1/instances", { query: { ...refQuery(refs), details: false } }, options);
  const list = env.data?.[lookup.key];
  const { outcomes } = matchItems(`look up ${lookup.kind}`, refs, refs, Array.isArray(list) ? (list as ApiItem[]) : undefined, env.message);
  return new Map(outcomes.map((o, i) => [keyOf(refs[i]!), o.ok ? "found" : o.failure.code === 8 ? "absent" : { error: o.failure.error }]));
}

/**
 * Resolves the references of a call, in order. A reference with a metro stays there. The others
 * are looked up in every metro: found in exactly one, it goes there; in several, an
 * {@link AmbiguousReferenceError}; in none, a `NotFoundError` naming the metros asked; and where
 * some metros could not be asked, a {@link MetroCallError} (not found elsewhere) or, for a name
 * found elsewhere, an {@link AmbiguousReferenceError}. A UUID found in one metro is used even when
 * another metro could not be asked (UUIDs are unique).
 */
export async function resolve(m: Metros, lookup: Lookup, operation: string, routed: readonly Routed[], options?: RequestOptions): Promise<Resolution[]> {
  const open = routed.filter((r) => r.metro === undefined);
  if (open.length === 0) return routed.map((r) => ({ metro: r.metro! }));
  if (m.codes.length === 1) return routed.map((r) => ({ metro: r.metro ?? m.codes[0]! }));

  const unique = [...new Map(open.map((r) => [keyOf(r.ref), r.ref])).values()];
  const req = requestOptions(options);
  const answers = await settleEach(m.codes, m.run, (code) => ask(m.clients[code]!, lookup, unique, req));
  rethrowCallerErrors(answers.flatMap((a) => (a.status === "rejected" ? [a.reason] : [])), options?.signal);
  const seen = (i: number, key: string): Seen => {
    const a = answers[i]!;
    return a.status === "rejected" ? { error: a.reason } : (a.value.get(key) ?? { error: new Error(`no answer for ${key}`) });
  };

  return routed.map((r): Resolution => {
    if (r.metro !== undefined) return { metro: r.metro };
    const key = keyOf(r.ref);
    const found: string[] = [];
    const down: { metro: string; error: unknown }[] = [];
    m.codes.forEach((code, i) => {
      const s = seen(i, key);
      if (s === "found") found.push(code);
      else if (s !== "absent") down.push({ metro: code, error: s.error });
    });
    if (found.length === 1 && (down.length === 0 || "uuid" in r.ref)) return { metro: found[0]! };
    if (found.length > 0) return { metro: undefined, error: new AmbiguousReferenceError(operation, r.input, found, down.map((d) => d.metro)) };
    const what = describeRef(r.ref);
    if (down.length === 0) {
      const message = `${what} was not found in any metro (asked ${m.codes.join(", ")})`;
      return { metro: undefined, error: makeAPIError({ status: 200, code: 8, operation, message }) };
    }
    const absent = m.codes.filter((c) => !down.some((d) => d.metro === c));
    const message = `${what} was not found in ${absent.length ? absent.join(", ") : "any metro that answered"}, and metro '${down[0]!.metro}' could not be asked${down.length > 1 ? ` (nor ${down.slice(1).map((d) => d.metro).join(", ")})` : ""}`;
    return { metro: undefined, error: new MetroCallError(operation, down[0]!.metro, down[0]!.error, message) };
  });
}
