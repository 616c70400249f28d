// The "recorded fixtures" oracle: request and response bodies recorded in the vendor's own
// documentation (spec/fixtures/*.json, see spec/fixtures/README.md) must be accepted by the
// operation they belong to in our OpenAPI document.
//
// For every fixture:
//   - the operation is found by operationId, and its method and path must match the fixture's;
//   - kind "request": the body is validated against the operation's request-body schema and every
//     query key must be a query parameter of the operation;
//   - kind "response": the body is validated against the schema of the fixture's `status` response;
//   - a fixture marked `"expect": "contradicts-contract"` (recorded from an API shape the current
//     contract does not have) must NOT be accepted, so the contradiction stays visible; with
//     `"expectProblem"` one of the reported problems must contain that text (the contradiction
//     itself, not some unrelated failure).
//   - documentation placeholders in strings (`<my-uuid>`, `<my-org>/app`) satisfy any `format`.
//
// The spec is `process.env.UKC_SPEC ?? "spec/openapi.yaml"` (relative to the repository root), so the
// same test runs against a merged draft: UKC_SPEC=/tmp/draft.yaml pnpm test:tools fixtures
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = fileURLToPath(new URL("../..", import.meta.url));
const specPath = resolve(root, process.env.UKC_SPEC ?? "spec/openapi.yaml");
const fixturesDir = join(root, "spec/fixtures");
const SPEC_ID = "urn:ukc-ts:openapi";
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

const spec = parse(readFileSync(specPath, "utf8"));
const fixtures = readdirSync(fixturesDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((file) => ({ file, fx: JSON.parse(readFileSync(join(fixturesDir, file), "utf8")) }));

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
// Formats the spec uses that ajv-formats does not know (integer widths, enum markers): accept them.
for (const f of ["int32", "int64", "uint32", "uint64", "uint16", "uint8", "enum", "bytes", "base64"]) {
  if (!ajv.formats[f]) ajv.addFormat(f, true);
}
// The vendor's pages redact values as `<my-uuid>`, `<my-org>/app`, ...: such a placeholder string
// satisfies any string format (the fixture keeps the page's text; the type is still checked).
const PLACEHOLDER = /<[^<>\s]+>/;
for (const [name, fmt] of Object.entries(ajv.formats)) {
  if (fmt === true) continue;
  const base = fmt instanceof RegExp ? (v) => fmt.test(v) : typeof fmt === "function" ? fmt : fmt.validate instanceof RegExp ? (v) => fmt.validate.test(v) : fmt.validate;
  if (typeof base !== "function" || (typeof fmt === "object" && !(fmt instanceof RegExp) && fmt.type && fmt.type !== "string")) continue;
  ajv.addFormat(name, { type: "string", validate: (v) => PLACEHOLDER.test(v) || base(v) });
}
ajv.addSchema(spec, SPEC_ID);

/** JSON-pointer escape of one segment. */
const esc = (s) => String(s).replaceAll("~", "~0").replaceAll("/", "~1");

/** Follow a local `$ref` ("#/a/b") inside the spec; returns [node, pointer]. */
function deref(node, pointer) {
  let seen = 0;
  while (node && typeof node === "object" && typeof node.$ref === "string" && node.$ref.startsWith("#/")) {
    if (++seen > 20) throw new Error(`$ref loop at ${pointer}`);
    pointer = node.$ref.slice(1);
    node = pointer
      .split("/")
      .slice(1)
      .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce((n, k) => (n == null ? undefined : n[k]), spec);
  }
  return [node, pointer];
}

/** All operations of the spec, by operationId. */
const operations = new Map();
for (const [p, item] of Object.entries(spec.paths ?? {})) {
  for (const m of METHODS) {
    const op = item?.[m];
    if (op?.operationId) {
      operations.set(op.operationId, { method: m.toUpperCase(), path: p, op, item, pointer: `/paths/${esc(p)}/${m}` });
    }
  }
}

/** The JSON pointer of the body schema a fixture is checked against, or a reason why there is none. */
function schemaPointer(entry, fx) {
  if (fx.kind === "request") {
    const [rb, rbPtr] = deref(entry.op.requestBody, `${entry.pointer}/requestBody`);
    if (!rb) return { problem: "the operation has no request body" };
    if (!rb.content?.["application/json"]?.schema) return { problem: "the request body has no application/json schema" };
    return { pointer: `${rbPtr}/content/application~1json/schema` };
  }
  const status = String(fx.status ?? 200);
  const responses = entry.op.responses ?? {};
  const key = status in responses ? status : `${status[0]}XX` in responses ? `${status[0]}XX` : "default" in responses ? "default" : null;
  if (!key) return { problem: `the operation has no ${status} response` };
  const [res, resPtr] = deref(responses[key], `${entry.pointer}/responses/${esc(key)}`);
  if (!res?.content?.["application/json"]?.schema) return { problem: `the ${key} response has no application/json schema` };
  return { pointer: `${resPtr}/content/application~1json/schema` };
}

/** Names of the query parameters of an operation (path-level and operation-level). */
function queryParams(entry) {
  const params = [...(entry.item.parameters ?? []), ...(entry.op.parameters ?? [])];
  return new Set(params.map((p) => deref(p, "")[0]).filter((p) => p?.in === "query").map((p) => p.name));
}

const validators = new Map();
function validatorFor(pointer) {
  if (!validators.has(pointer)) validators.set(pointer, ajv.compile({ $ref: `${SPEC_ID}#${pointer}` }));
  return validators.get(pointer);
}

/** Everything that keeps a fixture from being accepted by the spec; empty when it is accepted. */
function problemsOf(fx) {
  const entry = operations.get(fx.operationId);
  if (!entry) return { missing: true, problems: [`operationId ${fx.operationId} is not in the spec`] };
  const problems = [];
  if (entry.method !== String(fx.method).toUpperCase()) problems.push(`method: fixture ${fx.method}, spec ${entry.method}`);
  if (entry.path !== fx.path) problems.push(`path: fixture ${fx.path}, spec ${entry.path}`);
  if (fx.kind === "request" && fx.query) {
    const known = queryParams(entry);
    for (const k of Object.keys(fx.query)) if (!known.has(k)) problems.push(`query key '${k}' is not a parameter (has: ${[...known].join(", ") || "none"})`);
  }
  if ("body" in fx) {
    const { pointer, problem } = schemaPointer(entry, fx);
    if (problem) problems.push(problem);
    else {
      const validate = validatorFor(pointer);
      if (!validate(fx.body)) {
        for (const e of validate.errors ?? []) {
          problems.push(`body${e.instancePath || ""} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ""} (schema ${e.schemaPath})`);
        }
      }
    }
  }
  return { entry, problems };
}

describe(`recorded fixtures against ${process.env.UKC_SPEC ?? "spec/openapi.yaml"}`, () => {
  it("has fixtures", () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it("every fixture names its source (repo and path) and its operation", () => {
    const bad = [];
    for (const { file, fx } of fixtures) {
      const s = fx.source;
      if (!s || typeof s.repo !== "string" || !s.repo || typeof s.path !== "string" || !s.path) bad.push(`${file}: source.repo and source.path are required`);
      if (s?.commit !== undefined && !/^[0-9a-f]{40}$/.test(s.commit)) bad.push(`${file}: source.commit must be 40 hex digits`);
      for (const k of ["operationId", "method", "path"]) if (typeof fx[k] !== "string" || !fx[k]) bad.push(`${file}: ${k} is required`);
      if (fx.kind !== "request" && fx.kind !== "response") bad.push(`${file}: kind must be request or response`);
      if (fx.kind === "response" && !Number.isInteger(fx.status)) bad.push(`${file}: a response needs an integer status`);
      if (!("body" in fx) && !fx.query) bad.push(`${file}: neither body nor query`);
      if (fx.expect !== undefined && (fx.expect !== "contradicts-contract" || typeof fx.reason !== "string" || !fx.reason)) {
        bad.push(`${file}: expect must be "contradicts-contract" with a reason`);
      }
      if (fx.expectProblem !== undefined && (fx.expect !== "contradicts-contract" || typeof fx.expectProblem !== "string")) {
        bad.push(`${file}: expectProblem (a string) only goes with expect "contradicts-contract"`);
      }
    }
    expect(bad, bad.join("\n")).toEqual([]);
  });

  for (const { file, fx } of fixtures) {
    const title = `${file} → ${fx.operationId} (${fx.method} ${fx.path}, ${fx.kind}${fx.kind === "response" ? ` ${fx.status}` : ""})`;
    if (fx.expect === "contradicts-contract") {
      it(`${title} is NOT accepted (contradicts the contract)`, () => {
        const { missing, problems } = problemsOf(fx);
        expect(missing, `${file}: operation ${fx.operationId} is not in the spec`).not.toBe(true);
        expect(problems.length, `${file} is marked contradicts-contract (${fx.reason}) but ${fx.operationId} accepts it`).toBeGreaterThan(0);
        if (fx.expectProblem) {
          expect(
            problems.some((p) => p.includes(fx.expectProblem)),
            `${file}: expected a problem containing ${JSON.stringify(fx.expectProblem)}, got:\n  ${problems.join("\n  ")}`,
          ).toBe(true);
        }
      });
    } else {
      it(title, () => {
        const { problems } = problemsOf(fx);
        expect(problems, `${file} vs ${fx.operationId}:\n  ${problems.join("\n  ")}`).toEqual([]);
      });
    }
  }
});
