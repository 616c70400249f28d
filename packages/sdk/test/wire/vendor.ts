// The vendor's current wire contract as extracted by tools/contract/extract.mjs
// (spec/contract/vendor.json): operations (method, path, query keys, body model) and models (field
// names, types, enums). These tests judge the SDK by it, never by our own spec.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A type as the extractor writes it. */
export interface VType {
  type?: string;
  ref?: string;
  enum?: (string | number)[];
  const?: string | number;
  anyOf?: VType[];
  items?: VType;
  values?: VType;
  properties?: Record<string, VType & { required?: boolean }>;
  additional?: VType;
  extends?: string[];
}

/** One operation of the vendor's client. */
export interface VOperation {
  group: string;
  name: string;
  method: string;
  path: string;
  query: string[];
  body?: { model: string; array: boolean; required: boolean };
  response?: string;
}

const file = fileURLToPath(new URL("../../../../spec/contract/vendor.json", import.meta.url));
const vendor = JSON.parse(readFileSync(file, "utf8")) as { source: string; operations: VOperation[]; models: Record<string, VType> };

/** Where the contract comes from, e.g. `@unikraft/cloud@0.2.0`. */
export const source = vendor.source;
/** The vendor's operations by name. */
export const operations = new Map(vendor.operations.map((o) => [o.name, o]));
/** The vendor's models by name. */
export const models = vendor.models;

/** A regular expression for the operation's path template (`{uuid}` is one segment). */
export function pathPattern(op: VOperation): RegExp {
  const parts = op.path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[^/]+")}$`);
}

/** The properties of a model, following `extends` and object unions. */
export function propertiesOf(t: VType | undefined): Record<string, VType> | undefined {
  if (!t) return undefined;
  if (t.ref) return propertiesOf(models[t.ref]);
  if (t.type === "object" && t.properties) {
    const out: Record<string, VType> = { ...t.properties };
    for (const e of t.extends ?? []) Object.assign(out, propertiesOf(models[e]) ?? {});
    return out;
  }
  if (t.anyOf) {
    const objects = t.anyOf.map(propertiesOf).filter((p): p is Record<string, VType> => p !== undefined);
    return objects.length ? Object.assign({}, ...objects) : undefined;
  }
  return undefined;
}

/**
 * Checks a value against a vendor type: field names (no unknown field, as the API rejects them),
 * required fields, JSON types and enum values. Returns one message per problem, naming where it is.
 */
export function check(value: unknown, t: VType | undefined, where: string, depth = 0): string[] {
  if (!t || depth > 20) return [];
  if (t.ref) return check(value, models[t.ref], where, depth + 1);
  if (t.anyOf) {
    const results = t.anyOf.map((b) => check(value, b, where, depth + 1));
    return results.some((r) => r.length === 0) ? [] : results.sort((a, b) => a.length - b.length)[0]!;
  }
  if (t.enum) return t.enum.includes(value as string) ? [] : [`${where}: ${JSON.stringify(value)} is not one of ${t.enum.map((e) => JSON.stringify(e)).join(", ")}`];
  if (t.const !== undefined) return value === t.const ? [] : [`${where}: expected ${JSON.stringify(t.const)}, got ${JSON.stringify(value)}`];
  switch (t.type) {
    case "string":
    case "number":
    case "boolean":
      return typeof value === t.type ? [] : [`${where}: expected a ${t.type}, got ${JSON.stringify(value)}`];
    case "array":
      if (!Array.isArray(value)) return [`${where}: expected an array, got ${JSON.stringify(value)}`];
      return value.flatMap((v, i) => check(v, t.items, `${where}[${i}]`, depth + 1));
    case "map":
      if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${where}: expected an object, got ${JSON.stringify(value)}`];
      return Object.entries(value).flatMap(([k, v]) => check(v, t.values, `${where}.${k}`, depth + 1));
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${where}: expected an object, got ${JSON.stringify(value)}`];
      const props = propertiesOf(t) ?? {};
      const missing = Object.entries(props)
        .filter(([k, p]) => (p as { required?: boolean }).required && !(k in value))
        .map(([k]) => `${where}.${k}: required by the contract, not sent`);
      return [...missing, ...Object.entries(value).flatMap(([k, v]) =>
        k in props ? check(v, props[k], `${where}.${k}`, depth + 1) : t.additional ? [] : [`${where}.${k}: not a field of the contract (the API rejects unknown fields)`],
      )];
    }
    default:
      return [];
  }
}
