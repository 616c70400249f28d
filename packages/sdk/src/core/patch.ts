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

function isPatchOp(value: unknown): value is PatchOp {
  return typeof value === "object" && value !== null && OP in value;
}

/**
 * Turns a patch (or raw operations) into the API's operations, checking every property name
 * against what the resource accepts. Throws {@link ValidationError} before anything is sent.
 */
export function toOperations<P extends string>(
  patch: Partial<Record<P, unknown>> | readonly RawOperation<P>[],
  props: readonly P[],
  listProps: readonly P[] = [],
): RawOperation<P>[] {
  const known = new Set<string>(props);
  const check = (prop: string, field: string) => {
    if (!known.has(prop)) {
      throw new ValidationError(field, `'${prop}' cannot be updated; updatable properties: ${props.join(", ")}`);
    }
  };
  if (Array.isArray(patch)) {
    if (patch.length === 0) throw new ValidationError("patch", "no operations given");
    return patch.map((raw, i) => {
      check(raw.prop, `patch[${i}].prop`);
      if (!["set", "add", "del"].includes(raw.op)) {
        throw new ValidationError(`patch[${i}].op`, `'${raw.op}' is not an operation; use set, add or del`);
      }
      return { ...raw };
    });
  }
  if (patch === null || typeof patch !== "object") {
    throw new ValidationError("patch", "expected an object such as { memory_mb: 512 } or an array of { prop, op, value }");
  }
  const ops: RawOperation<P>[] = [];
  for (const [prop, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    check(prop, `patch.${prop}`);
    if (isPatchOp(value)) {
      if (value[OP] !== "set" && !listProps.includes(prop as P)) {
        throw new ValidationError(`patch.${prop}`, `'${value[OP]}' works only on list and map properties (${listProps.join(", ")})`);
      }
      ops.push({ prop: prop as P, op: value[OP], value: value.value });
    } else {
      ops.push({ prop: prop as P, op: "set", value });
    }
  }
  if (ops.length === 0) throw new ValidationError("patch", "nothing to update; give at least one property");
  return ops;
}
