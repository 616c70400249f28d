/**
 * References that may carry a metro, checked before anything is sent, and the bounded
 * concurrency of every fan-out.
 */
import { ValidationError } from "../core/errors.js";
import { parseRef, type ParsedRef } from "../core/refs.js";
import type { MetroRef } from "./errors.js";

/** A checked reference: what the caller gave, what the API is sent, and its metro when known. */
export interface Routed {
  /** The reference as the caller gave it. */
  input: MetroRef;
  /** `{ uuid }` or `{ name }`, a fresh object per reference (results are matched back by identity). */
  ref: ParsedRef;
  /** The metro it names (or the call's `metro` option); undefined: to be looked up. */
  metro: string | undefined;
}

/** Throws {@link ValidationError} for `field` unless `metro` is one of `metros`. */
export function checkMetro(metro: unknown, field: string, metros: readonly string[]): string {
  if (typeof metro !== "string" || !metros.includes(metro)) {
    throw new ValidationError(field, `unknown metro ${typeof metro === "string" ? `'${metro}'` : String(metro)}; this client knows ${metros.join(", ")}`);
  }
  return metro;
}

/**
 * Checks one reference: a `Ref`, `{ name, metro }` or `{ uuid, metro }`. A reference without a
 * metro takes `fallback` (the call's `metro` option), else stays to be looked up.
 */
export function parseMetroRef(input: MetroRef, field: string, metros: readonly string[], fallback?: string): Routed {
  if (typeof input === "object" && input !== null && !Array.isArray(input) && "metro" in input) {
    const { metro, ...ref } = input;
    return { input, ref: { ...parseRef(ref as MetroRef & object, field) }, metro: metro === undefined ? fallback : checkMetro(metro, `${field}.metro`, metros) };
  }
  return { input, ref: { ...parseRef(input as string, field) }, metro: fallback };
}

/** Checks one reference or an array of them (`refs[2]` names the index in errors). */
export function parseMetroRefs(input: MetroRef | readonly MetroRef[], metros: readonly string[], fallback?: string): Routed[] {
  if (!Array.isArray(input)) return [parseMetroRef(input as MetroRef, "ref", metros, fallback)];
  if (input.length === 0) throw new ValidationError("refs", "no references given; pass at least one name or UUID");
  return input.map((ref: MetroRef, i) => parseMetroRef(ref, `refs[${i}]`, metros, fallback));
}

/** Runs a task when one of the limiter's slots is free. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** A limiter of `concurrency` tasks at a time; the others wait in order. */
export function limiter(concurrency: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finished task hands its slot to the next one directly, so the bound always holds.
    if (active < concurrency) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/** Runs `task` for each element with the limiter; resolves with each outcome (never rejects). */
export function settleEach<E, T>(elements: readonly E[], run: Limiter, task: (element: E) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  return Promise.allSettled(elements.map((element) => run(() => task(element))));
}
