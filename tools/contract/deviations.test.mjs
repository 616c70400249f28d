// Every difference between our spec and the vendor's current contract is either gone or recorded,
// with its reason, in spec/contract/deviations.yaml; no entry there is stale. The contract side
// (spec/contract/vendor.json) is extracted from the vendor's client, not written by us.
import { describe, expect, test } from "vitest";
import { check, keyOf } from "./deviations.mjs";
import { diff } from "./diff.mjs";

const result = check(process.env.UKC_SPEC);

describe("spec/openapi.yaml against the vendor's current contract", () => {
  test("every remaining difference has a recorded decision", () => {
    const lines = result.unrecorded.map((u) => `${u.key} (${u.count}x, e.g. ${JSON.stringify(u.example)})`);
    expect(lines, "differences without an entry in spec/contract/deviations.yaml (run node tools/contract/deviations.mjs)").toEqual([]);
  });

  test("no recorded deviation is stale", () => {
    expect(result.stale.map((s) => s.key), "entries of spec/contract/deviations.yaml that match no difference any more").toEqual([]);
  });

  test("every recorded deviation says why", () => {
    expect(result.withoutReason.map((s) => s.key)).toEqual([]);
  });

  test("every operation of the contract is in the spec, and the spec has no operation the contract lacks", () => {
    const ops = result.differences.filter((d) => d.kind === "operation-missing" || d.kind === "operation-retired");
    expect(ops.map((d) => `${d.kind} ${d.method} ${d.path}`)).toEqual([]);
  });
});

describe("the diff itself", () => {
  const spec = {
    paths: {
      "/v1/things": {
        get: {
          operationId: "listThings",
          parameters: [{ name: "from_uuid", in: "query", schema: { type: "string" } }],
          responses: { 200: { content: { "application/json": { schema: { $ref: "#/components/schemas/R" } } } } },
        },
      },
    },
    components: { schemas: { R: { type: "object", properties: { state: { type: "string", enum: ["on"] }, old: { type: "string" } } } } },
  };
  const vendor = {
    operations: [
      { name: "getThings", method: "GET", path: "/v1/things", query: ["from"], response: "VR" },
      { name: "putThing", method: "PUT", path: "/v1/things/{uuid}", query: [], body: { model: "B", array: false, required: true } },
    ],
    models: { VR: { type: "object", properties: { state: { enum: ["on", "off"] }, added: { type: "string" } } }, B: { type: "object", properties: {} } },
  };
  const found = diff({ spec, vendor });
  const kinds = found.map((d) => `${d.kind}:${d.field ?? d.op}`);

  test("finds a missing operation, query renames, enum values and fields on both sides", () => {
    expect(kinds).toEqual(expect.arrayContaining(["operation-missing:putThing", "query-missing:from", "query-extra:from_uuid", "field-missing:added", "field-extra:old"]));
    const e = found.find((d) => d.kind === "enum");
    expect(e.missing).toEqual(["off"]);
  });

  test("keys group the same difference reached from several operations", () => {
    expect(keyOf({ kind: "field-missing", spec: "Instance", field: "tags", op: "a" })).toBe(keyOf({ kind: "field-missing", spec: "Instance", field: "tags", op: "b" }));
  });
});
