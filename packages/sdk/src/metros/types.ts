/**
 * The types of the account-wide resources, computed from the single-metro ones: the same methods
 * and overloads, with `MetroRef` where a `Ref` was, the `metro` option on every options argument,
 * and results (items of lists, of promises and of arrays) tagged with their `metro`.
 */
import type { Ref } from "../core/refs.js";
import type { MetroRef } from "./errors.js";
import type { MetroOption, WithMetro } from "./fanout.js";

/** Exactly `B` (not a subtype or a union containing it). */
type Is<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** One argument: a `Ref` becomes a `MetroRef`, an array of them an array of `MetroRef`, options gain `metro`. */
type LiftArg<A> =
  Is<A, Ref> extends true
    ? MetroRef
    : Is<A, readonly Ref[]> extends true
      ? readonly MetroRef[]
      : Is<A, Ref | readonly Ref[]> extends true
        ? MetroRef | readonly MetroRef[]
        : [NonNullable<A>] extends [never]
          ? A
          : "signal" extends keyof NonNullable<A>
            ? A & MetroOption
            : A;

/** The arguments of a method, lifted one by one (labels and optional arguments are kept). @inline */
type LiftArgs<A extends readonly unknown[]> = { [K in keyof A]: LiftArg<A[K]> };

/** A result: promised items and arrays of items, and the items of async generators, say their metro. @inline */
type LiftResult<R> =
  R extends Promise<infer T>
    ? Promise<T extends readonly (infer E)[] ? WithMetro<E>[] : WithMetro<T>>
    : R extends AsyncGenerator<infer T, infer Return, infer Next>
      ? AsyncGenerator<WithMetro<T>, Return, Next>
      : R;

/** A method, lifted; both signatures of the one-or-many (`BatchMethod`) overloads are kept. */
export type Lift<F> = F extends {
  (...args: infer A1): infer R1;
  (...args: infer A2): infer R2;
}
  ? { (...args: LiftArgs<A1>): LiftResult<R1>; (...args: LiftArgs<A2>): LiftResult<R2> }
  : never;

/** The account-wide form of the methods `K` of a single-metro resource `R`. */
export type AccountResource<R, K extends keyof R> = { readonly [P in K]: Lift<R[P]> };
