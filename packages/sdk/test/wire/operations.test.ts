// Which operations of the spec the SDK wraps. Each operation is either reached by a public SDK
// method (a row of the wire-form table) or named in NOT_WRAPPED, with what to use instead; adding an
// operation to the spec fails here with one short line naming it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { operations as vendorOps } from "./vendor";
import { WIRE_FORMS } from "./wire-forms";

/** Operations reachable only through `ukc.request()` for now. */
export const NOT_WRAPPED: readonly string[] = [
  "deleteAutoscalePolicies",
  // The by-UUID wait and log endpoints read no inputs: waits and log reads use the batch endpoints.
  "waitInstance",
  "getInstanceLogs",
];

const spec = parse(readFileSync(fileURLToPath(new URL("../../../../spec/openapi.yaml", import.meta.url)), "utf8")) as {
  paths: Record<string, Record<string, { operationId?: string }>>;
};
const specOps = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item).flatMap(([method, op]) => (op?.operationId ? [{ id: op.operationId, method: method.toUpperCase(), path }] : [])),
);

/** A path template with its parameter names left out: `/v1/instances/{}`. */
const template = (path: string) => path.replace(/\{[^}]+\}/g, "{}");

/** Our operationIds that the wire-form table reaches (through the vendor's method and path). */
const wrapped = new Set(
  WIRE_FORMS.flatMap((c) => c.sends).flatMap((w) => {
    const v = vendorOps.get(w.op)!;
    return specOps.filter((o) => o.method === v.method && template(o.path) === template(v.path)).map((o) => o.id);
  }),
);

describe("operations of the spec and the SDK", () => {
  test("every operation is wrapped by an SDK method or listed as not wrapped", () => {
    const neither = specOps.map((o) => o.id).filter((id) => !wrapped.has(id) && !NOT_WRAPPED.includes(id));
    expect(neither.map((id) => `${id}: no SDK method sends it; wrap it (and add wire-form rows) or add it to NOT_WRAPPED`)).toEqual([]);
  });

  test("NOT_WRAPPED names only operations of the spec that no SDK method sends", () => {
    const ids = new Set(specOps.map((o) => o.id));
    expect(NOT_WRAPPED.filter((id) => !ids.has(id)), "not operations of the spec").toEqual([]);
    expect(NOT_WRAPPED.filter((id) => wrapped.has(id)), "wrapped after all: remove from NOT_WRAPPED").toEqual([]);
  });
});
