#!/usr/bin/env node
// Diffs spec/openapi.yaml against the vendor's current contract (spec/contract/vendor.json),
// operation by operation and field by field: method and path, query keys, body and response
// fields (names, types, enums, required-ness), walked recursively from each operation.
//
//   node tools/contract/diff.mjs [--json] [--spec FILE]   prints the differences (exit 0 either way)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Loads both documents. */
export function load(specFile = path.join(root, "spec/openapi.yaml")) {
  const spec = YAML.parse(fs.readFileSync(specFile, "utf8"));
  const vendor = JSON.parse(fs.readFileSync(path.join(root, "spec/contract/vendor.json"), "utf8"));
  return { spec, vendor };
}

/** Every operation of the spec as { id, method, path, query, body, response }. */
export function specOperations(spec) {
  const ops = [];
  for (const [p, item] of Object.entries(spec.paths)) {
    for (const method of ["get", "put", "post", "delete", "patch"]) {
      const op = item[method];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((x) => deref(spec, x));
      ops.push({
        id: op.operationId,
        method: method.toUpperCase(),
        path: p.replace(/\{[^}]+\}/g, (m) => m),
        query: params.filter((x) => x.in === "query").map((x) => x.name),
        queryParams: params.filter((x) => x.in === "query"),
        body: op.requestBody ? deref(spec, op.requestBody).content?.["application/json"]?.schema : undefined,
        bodyRequired: op.requestBody ? Boolean(deref(spec, op.requestBody).required) : false,
        response: op.responses?.["200"] ? deref(spec, op.responses["200"]).content?.["application/json"]?.schema : undefined,
      });
    }
  }
  return ops;
}

export function deref(spec, x) {
  let seen = 0;
  while (x && x.$ref && seen++ < 20) {
    const parts = x.$ref.replace(/^#\//, "").split("/");
    let cur = spec;
    for (const k of parts) cur = cur[k.replace(/~1/g, "/").replace(/~0/g, "~")];
    x = cur;
  }
  return x;
}

const refName = (x) => (x && x.$ref ? x.$ref.split("/").pop() : undefined);

/** Flattens a spec schema into { kind, properties, required, enum, items, values, names }. */
function flatSpec(spec, s, names = []) {
  if (!s) return { kind: "none", names };
  if (s.$ref) return flatSpec(spec, deref(spec, s), [...names, refName(s)]);
  const out = { kind: undefined, properties: {}, required: new Set(), names, enum: undefined };
  const branches = [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])];
  const types = new Set([].concat(s.type ?? []));
  if (s.enum) out.enum = s.enum;
  if (s.const !== undefined) out.enum = [s.const];
  if (s.properties) for (const [k, v] of Object.entries(s.properties)) out.properties[k] = v;
  for (const r of s.required ?? []) out.required.add(r);
  if (s.items) out.items = s.items;
  if (s.additionalProperties && typeof s.additionalProperties === "object") out.values = s.additionalProperties;
  for (const b of branches) {
    const f = flatSpec(spec, b);
    if (f.kind) types.add(f.kind);
    for (const [k, v] of Object.entries(f.properties)) out.properties[k] = out.properties[k] ? { anyOf: [out.properties[k], v] } : v;
    if (s.allOf?.includes(b)) for (const r of f.required) out.required.add(r);
    if (f.enum) out.enum = [...new Set([...(out.enum ?? []), ...f.enum])];
    if (f.items) out.items ??= f.items;
    if (f.values) out.values ??= f.values;
  }
  if (Object.keys(out.properties).length) types.add("object");
  types.delete("null");
  out.kind = types.has("object") ? "object" : types.has("array") ? "array" : [...types].sort().join("|") || (out.enum ? "enum" : "any");
  return out;
}

/** Flattens a vendor model reference the same way. */
function flatVendor(models, t, names = []) {
  if (!t) return { kind: "none", names };
  if (t.ref) {
    const m = models[t.ref];
    if (!m) return { kind: "any", names: [...names, t.ref], properties: {}, required: new Set() };
    return flatVendor(models, m, [...names, t.ref]);
  }
  const out = { kind: undefined, properties: {}, required: new Set(), names };
  if (t.enum) { out.enum = t.enum; out.kind = typeof t.enum[0] === "number" ? "number" : "string"; }
  if (t.const !== undefined) { out.enum = [t.const]; out.kind = "string"; }
  if (t.type === "object") {
    out.kind = "object";
    for (const [k, v] of Object.entries(t.properties ?? {})) {
      out.properties[k] = v;
      if (v.required) out.required.add(k);
    }
    for (const e of t.extends ?? []) {
      const f = flatVendor(models, { ref: e });
      Object.assign(out.properties, f.properties);
      for (const r of f.required) out.required.add(r);
    }
  } else if (t.type === "array") { out.kind = "array"; out.items = t.items; }
  else if (t.type === "map") { out.kind = "object"; out.values = t.values; }
  else if (t.anyOf) {
    const kinds = new Set();
    for (const b of t.anyOf) {
      const f = flatVendor(models, b);
      kinds.add(f.kind);
      Object.assign(out.properties, f.properties);
      if (f.enum) out.enum = [...new Set([...(out.enum ?? []), ...f.enum])];
      if (f.items) out.items ??= f.items;
    }
    kinds.delete("null");
    out.kind = kinds.has("object") ? "object" : kinds.has("array") ? "array" : [...kinds].sort().join("|");
  } else if (t.type) out.kind = t.type;
  out.kind ??= "any";
  return out;
}

const norm = (k) => (k === "integer" ? "number" : k);

/** Walks a spec schema and a vendor type side by side, pushing differences. */
function walk(ctx, where, s, v, depth = 0) {
  const { spec, models, diffs, op, seen } = ctx;
  const fs_ = flatSpec(spec, s);
  const fv = flatVendor(models, v);
  const key = `${fs_.names.join(">")}|${fv.names.join(">")}|${where.split(".").pop()}`;
  if (depth > 12) return;
  if (fs_.names.length && fv.names.length) {
    if (seen.has(key)) return;
    seen.add(key);
  }
  const at = { op, where, spec: fs_.names.at(-1), vendor: fv.names.at(-1) };
  const ks = norm(fs_.kind), kv = norm(fv.kind);
  if (ks !== "any" && kv !== "any" && kv !== "unknown" && ks !== kv && !(ks === "enum" && kv === "string")) {
    // string|object unions and the like are compared loosely: only report clear mismatches
    const a = new Set(ks.split("|")), b = new Set(kv.split("|"));
    if (![...a].some((x) => b.has(x))) diffs.push({ ...at, kind: "type", ours: fs_.kind, theirs: fv.kind });
  }
  if (fs_.enum && fv.enum) {
    const a = fs_.enum.map(String), b = fv.enum.map(String);
    const add = b.filter((x) => !a.includes(x)), rem = a.filter((x) => !b.includes(x));
    if (add.length || rem.length) diffs.push({ ...at, kind: "enum", ours: a, theirs: b, missing: add, extra: rem });
  } else if (fv.enum && !fs_.enum && ks !== "any") {
    diffs.push({ ...at, kind: "enum", ours: null, theirs: fv.enum, missing: fv.enum, extra: [] });
  }
  if (ks === "object" && kv === "object") {
    const pk = Object.keys(fs_.properties), vk = Object.keys(fv.properties);
    for (const k of vk) {
      if (!(k in fs_.properties)) diffs.push({ ...at, kind: "field-missing", field: k, theirs: describe(fv.properties[k]) });
    }
    for (const k of pk) {
      if (!(k in fv.properties) && vk.length) diffs.push({ ...at, kind: "field-extra", field: k });
    }
    for (const k of pk) {
      if (!(k in fv.properties)) continue;
      const rs = fs_.required.has(k), rv = fv.required.has(k);
      if (rs !== rv && ctx.direction === "request") diffs.push({ ...at, kind: "required", field: k, ours: rs, theirs: rv });
      walk(ctx, `${where}.${k}`, fs_.properties[k], fv.properties[k], depth + 1);
    }
    if (fs_.values && fv.values) walk(ctx, `${where}{}`, fs_.values, fv.values, depth + 1);
  }
  if (ks === "array" && kv === "array") walk(ctx, `${where}[]`, fs_.items, fv.items, depth + 1);
}

function describe(t) {
  if (!t) return "?";
  if (t.ref) return t.ref;
  if (t.type === "array") return `${describe(t.items)}[]`;
  if (t.type === "map") return `map<${describe(t.values)}>`;
  if (t.enum) return t.enum.map((x) => JSON.stringify(x)).join("|");
  if (t.anyOf) return t.anyOf.map(describe).join("|");
  return t.type ?? "?";
}

/** All differences between the spec and the vendor contract. */
export function diff({ spec, vendor }) {
  const ours = specOperations(spec);
  const key = (m, p) => `${m} ${p.replace(/\{[^}]+\}/g, "{}")}`;
  const byKey = new Map(ours.map((o) => [key(o.method, o.path), o]));
  const diffs = [];
  const matched = new Set();
  for (const v of vendor.operations) {
    const o = byKey.get(key(v.method, v.path));
    if (!o) { diffs.push({ op: v.name, kind: "operation-missing", method: v.method, path: v.path }); continue; }
    matched.add(o.id);
    const op = o.id;
    for (const q of v.query) if (!o.query.includes(q)) diffs.push({ op, where: "query", kind: "query-missing", field: q });
    for (const q of o.query) if (!v.query.includes(q)) diffs.push({ op, where: "query", kind: "query-extra", field: q });
    if (v.body && !o.body) diffs.push({ op, where: "body", kind: "body-missing", theirs: v.body.model });
    if (!v.body && o.body) diffs.push({ op, where: "body", kind: "body-extra" });
    const seen = new Set();
    if (v.body && o.body) {
      const vt = v.body.array ? { type: "array", items: { ref: v.body.model } } : { ref: v.body.model };
      walk({ spec, models: vendor.models, diffs, op, seen, direction: "request" }, "body", o.body, vt);
    }
    if (v.response && o.response) walk({ spec, models: vendor.models, diffs, op, seen: new Set(), direction: "response" }, "response", o.response, { ref: v.response });
  }
  for (const o of ours) if (!matched.has(o.id)) diffs.push({ op: o.id, kind: "operation-retired", method: o.method, path: o.path });
  return diffs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--spec");
  const d = diff(load(i >= 0 ? path.resolve(process.argv[i + 1]) : undefined));
  if (process.argv.includes("--json")) console.log(JSON.stringify(d, null, 1));
  else for (const x of d) console.log([x.kind, x.op, x.where ?? "", x.field ?? "", x.spec ?? "", x.vendor ?? "", x.ours !== undefined ? JSON.stringify(x.ours) : "", x.theirs !== undefined ? JSON.stringify(x.theirs) : ""].join("\t"));
  const counts = {};
  for (const x of d) counts[x.kind] = (counts[x.kind] ?? 0) + 1;
  console.error(counts);
}
