/**
 * Request bodies are validated before sending by this small interpreter of the table that
 * tools/codegen/validators.mjs generates from the spec (src/generated/validators.ts; its `VNode`
 * says what each key means). The first problem throws a {@link ValidationError} naming the field
 * path (`params.services[0].port`), what is wrong and what is allowed. Values are echoed as
 * shortened JSON; those of secret fields (`pkey`, registry `credentials` and `headers`) never.
 */
import { ValidationError } from "../core/errors.js";
import { checkName, isUUID } from "../core/refs.js";
import { NODES, PATCHES, ROOTS, type VNode } from "../generated/validators.js";
import { range } from "./timing.js";

type Table = { readonly [key: string]: number };

const own = Object.hasOwn;
const keys = Object.keys;
const node = (i: number): VNode => NODES[i] as VNode;
const TYPES = { s: "string", i: "integer", n: "number", b: "boolean", o: "object", a: "array" } as const;

const fail = (field: string, message: string): never => {
  throw new ValidationError(field, message);
};

const cut = (s: string): string => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

const kind = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

const an = (word: string): string => (/^[aeiou]/.test(word) ? "an " : "a ") + word;

/** The value for a message: shortened JSON; for a secret field only its type. */
function show(v: unknown, field: string): string {
  if (/(^|\.)(pkey|credentials|headers)(\.|\[|$)/.test(field)) return `${an(kind(v))} (not shown)`;
  let s: string | undefined;
  try {
    s = typeof v === "number" ? String(v) : JSON.stringify(v);
  } catch {
    // a cycle or a BigInt: the type will do
  }
  return cut(s ?? kind(v));
}

const has = (o: unknown, k: string): boolean => own(o as object, k) && (o as Record<string, unknown>)[k] !== undefined;

const fits = (t: keyof typeof TYPES, v: unknown): boolean =>
  t === "i" ? Number.isInteger(v) : t === "n" ? Number.isFinite(v) : kind(v) === TYPES[t];

/** What a node allows: `an integer >= 16`, `one of tls, http`, `a string or an object with url`. */
function describe(n: VNode): string {
  if (n.o) return [...new Set(n.o.map((i) => describe(node(i))))].join(" or ");
  if (n.e) return `one of ${n.e.join(", ")}`;
  if (n.u) return "a UUID";
  const t = n.t ? TYPES[n.t] : "value";
  let s = an(t) + (n.r ? ` with ${n.r.join(", ")}` : "");
  if (n.l) s += ` of at least ${n.l} character(s)`;
  if (n.c) s += ` of at least ${n.c} item(s)`;
  if (n.p) s += ` matching /${n.p}/`;
  return s + range(n.m, n.M);
}

/** Whether the value has the type and, for an object, the required keys of the node. */
const shape = (n: VNode, v: unknown): boolean =>
  n.o ? n.o.some((i) => shape(node(i), v)) : !n.t || (fits(n.t, v) && (n.r ?? []).every((k) => has(v, k)));

function check(n: VNode, v: unknown, field: string): void {
  const bad = () => fail(field, `must be ${describe(n)}, got ${show(v, field)}`);
  if (n.o) {
    // Alternatives: the ones the value has the shape of are tried; the first one's error is told.
    const fitting = n.o.map(node).filter((m) => shape(m, v));
    let first: unknown;
    for (const m of fitting) {
      try {
        return check(m, v, field);
      } catch (error) {
        first ??= error;
      }
    }
    if (fitting.length > 1 && fitting.every((m) => m.r)) fail(field, `give only one of ${fitting.map((m) => m.r).join(", ")}`);
    throw first ?? bad();
  }
  if (
    (n.t && !fits(n.t, v)) ||
    (typeof v === "number" && (v < (n.m ?? v) || v > (n.M ?? v))) ||
    (n.e && !n.e.includes(v as string)) ||
    (typeof v === "string" && (v.length < (n.l ?? 0) || (n.p && !new RegExp(n.p, "u").test(v)) || (n.u && !isUUID(v)))) ||
    (Array.isArray(v) && v.length < (n.c ?? 0))
  ) {
    bad();
  }
  if (n.k) checkName(v as string, field);
  if (Array.isArray(v)) {
    if (n.i !== undefined) v.forEach((item, i) => check(node(n.i!), item, `${field}[${i}]`));
  } else if (n.t === "o") {
    const o = v as Record<string, unknown>;
    for (const k of keys(o)) {
      const sub = n.P && own(n.P, k) ? n.P[k] : n.A;
      if (o[k] === undefined) continue; // not sent: JSON.stringify drops it
      if (sub === undefined) {
        if (n.P) fail(field, `'${cut(k)}' is not a known field; known: ${keys(n.P).join(", ")}`);
      } else check(node(sub), o[k], /^[A-Za-z_$][\w$]*$/.test(k) ? `${field}.${k}` : `${field}[${JSON.stringify(k)}]`);
    }
    for (const k of n.r ?? []) if (!has(o, k)) fail(`${field}.${k}`, "is required");
    const hits = n.x?.filter((g) => g.every((k) => has(o, k))).length;
    if (hits !== undefined && hits !== 1) fail(field, `${hits ? "give only" : "needs"} one of ${n.x!.join(", ")}`);
    if (n.X?.every((k) => has(o, k))) fail(field, `${n.X.join(" and ")} cannot be given together`);
  }
}

/**
 * Validates a request body against the spec's schema of the operation `root` (its operationId, e.g.
 * `createInstance`, `cloneVolume`); for an array body pass ONE item (and a field like `params[0]`).
 * Objects are closed: unknown fields are refused, as the API does. Throws {@link ValidationError}
 * at the first problem, with `field` as the path prefix.
 */
export function validateBody(root: string, value: unknown, field = "params"): void {
  if (!own(ROOTS, root)) fail("root", `no schema for '${root}'`);
  check(node(ROOTS[root]!), value, field);
}

function props(resource: string): Table {
  if (!own(PATCHES, resource)) fail("resource", `'${resource}' has no updatable properties`);
  return PATCHES[resource]!;
}

/** The node of an element of a list, or of a value of a map; undefined for other props. */
const element = (n: VNode): number | undefined => (n.t === "a" ? n.i : n.P ? undefined : n.A);

/** The properties of a resource (`instances`, `volumes`, `serviceGroups`, …) that can be updated. */
export function updatableProps(resource: string): readonly string[] {
  return keys(props(resource));
}

/** The list and map properties of a resource: the only ones `add` and `del` work on. */
export function listProps(resource: string): readonly string[] {
  const p = props(resource);
  return keys(p).filter((k) => element(node(p[k]!)) !== undefined);
}

/**
 * Validates one update operation of a resource (see {@link updatableProps}): `prop` must be
 * updatable; `add` and `del` need a list or map property; the value must fit the property's
 * schema (`set`), its element's (`add` / `del` on a list: one element or an array of them), the
 * map's (`add` on a map) or be the keys to remove (`del` on a map: a string or an array of them).
 * Throws {@link ValidationError} with `field` (e.g. `patch.memory_mb`) as the path.
 */
export function validatePatch(resource: string, prop: string, op: "set" | "add" | "del", value: unknown, field: string): void {
  const p = props(resource);
  if (!own(p, prop)) fail(field, `'${cut(prop)}' cannot be updated; updatable properties: ${keys(p).join(", ")}`);
  const n = node(p[prop]!);
  if (op === "set") return check(n, value, field);
  if (op !== "add" && op !== "del") fail(field, `'${cut(String(op))}' is not an operation; use set, add or del`);
  const e = element(n);
  if (e === undefined) fail(field, `'${op}' works only on list and map properties (${listProps(resource).join(", ")})`);
  if (n.t === "o" && op === "add") return check(n, value, field);
  const item: VNode = n.t === "o" ? { t: "s" } : node(e!);
  if (Array.isArray(value)) value.forEach((v, i) => check(item, v, `${field}[${i}]`));
  else check(item, value, field);
}
