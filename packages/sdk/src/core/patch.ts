/**
 * Updates as patches. `{ memory_mb: 512, env: { A: "1" } }` becomes the API's list of
 * `{ prop, op: "set", value }` operations; `add(…)` and `del(…)` give the explicit list/map forms:
 * `{ tags: add(["blue"]), env: del(["OLD_KEY"]) }`. An array of raw `{ prop, op, value }`
 * operations is passed through after validation.
 */
import { ValidationError } from "./errors.js";

const OP = Symbol.for("ukc.patch.op");

/** An explicit `add` or `del` operation on a list or map property. */
export interface PatchOp<V = unknown> {
  readonly [OP]: "add" | "del" | "set";
  readonly value: V;
}

/** Adds items to a list property (`tags`, `args`) or keys to a map property (`env`). */
export function add<V>(value: V): PatchOp<V> {
  return { [OP]: "add", value };
}

/** Removes items from a list property or keys (given as a list of names) from a map property. */
export function del<V>(value: V): PatchOp<V> {
  return { [OP]: "del", value };
}

/** Replaces the property's value (what a plain value in a patch means). */
export function set<V>(value: V): PatchOp<V> {
  return { [OP]: "set", value };
}

/** One operation as the API takes it. */
export interface RawOperation<P extends string = string> {
  prop: P;
  op: "set" | "add" | "del";
  value?: unknown;
  id?: string;
}

/**
 * A patch of a resource, typed from the spec: each updatable property `P` of `T` takes its own
 * type (set), and the list and map properties `L` also take `add(…)`, `del(…)` or `set(…)`.
 * `del` on a map takes the keys to remove.
 */
export type Patch<T, P extends keyof T, L extends P = never> = {
  [K in P]?: T[K] | PatchOp<T[K]> | (K extends L ? PatchOp<T[K] | readonly string[]> : never);
};

/** What an update method accepts: a patch, or raw `{ prop, op, value }` operations. */
export type PatchInput = object | readonly RawOperation[];

function isPatchOp(value: unknown): value is PatchOp {
  return typeof value === "object" && value !== null && OP in value;
}

/**
 * Turns a patch (or raw operations) into the API's operations, checking every property name
 * against what the resource accepts and every value with `check`. Throws
 * {@link ValidationError} before anything is sent.
 */
export function toOperations(
  patch: PatchInput,
  props: readonly string[],
  lists: readonly string[] = [],
  check?: (op: RawOperation, field: string) => void,
): RawOperation[] {
  const known = (prop: unknown, field: string) => {
    if (typeof prop !== "string" || !props.includes(prop)) {
      throw new ValidationError(field, `'${String(prop)}' cannot be updated; updatable properties: ${props.join(", ")}`);
    }
  };
  let ops: RawOperation[];
  if (Array.isArray(patch)) {
    if (patch.length === 0) throw new ValidationError("patch", "no operations given");
    ops = (patch as readonly RawOperation[]).map((raw, i) => {
      known(raw?.prop, `patch[${i}].prop`);
      if (!["set", "add", "del"].includes(raw.op)) {
        throw new ValidationError(`patch[${i}].op`, `'${String(raw.op)}' is not an operation; use set, add or del`);
      }
      return { ...raw };
    });
  } else {
    if (patch === null || typeof patch !== "object") {
      throw new ValidationError("patch", "expected an object such as { memory_mb: 512 } or an array of { prop, op, value }");
    }
    ops = [];
    for (const [prop, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      known(prop, `patch.${prop}`);
      ops.push(isPatchOp(value) ? { prop, op: value[OP], value: value.value } : { prop, op: "set", value });
    }
    if (ops.length === 0) throw new ValidationError("patch", "nothing to update; give at least one property");
  }
  ops.forEach((op, i) => {
    const field = Array.isArray(patch) ? `patch[${i}]` : `patch.${op.prop}`;
    if (op.op !== "set" && !lists.includes(op.prop)) {
      throw new ValidationError(field, `'${op.op}' works only on list and map properties (${lists.join(", ")})`);
    }
    check?.(op, field);
  });
  return ops;
}
