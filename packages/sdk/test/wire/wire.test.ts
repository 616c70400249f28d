// Wire-form tests: what each public SDK method sends (method, path, query keys, body shape and
// fields) is checked against the vendor's current contract, not against our own spec. Two layers:
// every row of the table (wire-forms.ts) must agree with spec/contract/vendor.json, and every SDK
// call must send exactly what its row says.
import { describe, expect, test } from "vitest";
import { UnikraftCloud } from "../../src/index";
import { recordingClient, type Recorded } from "./recorder";
import { check, models, operations, pathPattern, propertiesOf, source, type VOperation } from "./vendor";
import { WIRE_FORMS, type Wire, type WireCase } from "./wire-forms";

/** Methods that take only UUIDs (a pinned image has no name to unpin it by). */
const UUID_ONLY = ["images.unpin"];

const label = (c: WireCase) => `${c.method} (${c.ref})`;

function vendorOp(w: Wire): VOperation {
  const op = operations.get(w.op);
  if (!op) throw new Error(`'${w.op}' is not an operation of ${source}`);
  return op;
}

/** What a recorded request looks like, for failure messages. */
function describeSent(r: Recorded): string {
  const query = [...new Set(r.query.keys())].join(",");
  const body = r.body === undefined ? "no body" : `body ${JSON.stringify(r.body)}`;
  return `${r.method} ${r.path}${query ? `?{${query}}` : ""} with ${body}`;
}
function describeWanted(w: Wire, op: VOperation): string {
  const body = w.body ? `${w.body.array ? "an array of" : "an object"} {${w.body.keys.join(",")}}` : "no body";
  return `${op.method} ${op.path}${w.query?.length ? `?{${w.query.join(",")}}` : ""} with ${body} (${source} ${op.name})`;
}

describe(`the wire-form table agrees with ${source}`, () => {
  test.each(WIRE_FORMS.flatMap((c) => c.sends.map((w, i) => [`${label(c)} #${i + 1}`, w] as const)))("%s", (_, w) => {
    const op = vendorOp(w);
    const extraQuery = (w.query ?? []).filter((q) => !op.query.includes(q));
    expect(extraQuery, `${op.name} reads no query key(s) ${extraQuery.join(", ")}`).toEqual([]);
    if (!w.body) expect(op.body?.required, `${op.name} requires a body`).not.toBe(true);
    if (w.body) {
      expect(op.body, `${op.name} takes no body`).toBeDefined();
      expect(w.body.array, `${op.name} takes ${op.body!.array ? "an array" : "one object"}`).toBe(op.body!.array);
      const props = Object.keys(propertiesOf({ ref: op.body!.model }) ?? {});
      const unknown = w.body.keys.filter((k) => !props.includes(k));
      expect(unknown, `${op.body!.model} has no field(s) ${unknown.join(", ")}`).toEqual([]);
    }
  });
});

describe("every SDK call sends what the vendor's contract reads", () => {
  test.each(WIRE_FORMS.map((c) => [label(c), c] as const))("%s", async (_, c) => {
    const { ukc, sent } = recordingClient();
    await c.run(ukc);
    const problems: string[] = [];
    const wanted = c.sends.map((w) => ({ w, op: vendorOp(w) }));
    if (sent.length < wanted.length) problems.push(`sent ${sent.length} request(s), the contract expects ${wanted.length}`);
    sent.forEach((r, i) => {
      // Calls that poll (follow, lists) repeat their last request form.
      const { w, op } = wanted[Math.min(i, wanted.length - 1)]!;
      const issues: string[] = [];
      if (r.method !== op.method || !pathPattern(op).test(r.path)) issues.push("method or path");
      const keys = [...new Set(r.query.keys())].sort();
      if (JSON.stringify(keys) !== JSON.stringify([...(w.query ?? [])].sort())) issues.push(`query keys {${keys.join(",")}}`);
      const unread = keys.filter((k) => !op.query.includes(k));
      if (unread.length) issues.push(`query key(s) ${unread.join(", ")} that ${op.name} does not read`);
      if (!w.body && r.body !== undefined) issues.push("a body");
      if (w.body) {
        if (r.body === undefined) issues.push("no body");
        else if (Array.isArray(r.body) !== w.body.array) issues.push(Array.isArray(r.body) ? "an array body" : "an object body");
        else {
          const items = (w.body.array ? r.body : [r.body]) as Record<string, unknown>[];
          const sentKeys = [...new Set(items.flatMap((item) => Object.keys(item)))].sort();
          if (JSON.stringify(sentKeys) !== JSON.stringify([...w.body.keys].sort())) issues.push(`body keys {${sentKeys.join(",")}}`);
          const model = op.body!.array ? { type: "array", items: { ref: op.body!.model } } : { ref: op.body!.model };
          issues.push(...check(r.body, model, "body"));
        }
      }
      if (issues.length) problems.push(`request ${i + 1}: sent ${describeSent(r)}; the contract expects ${describeWanted(w, op)}; wrong: ${issues.join("; ")}`);
    });
    expect(problems, `${label(c)}`).toEqual([]);
  });
});

describe("coverage", () => {
  const ukc = new UnikraftCloud({ baseUrl: "http://127.0.0.1:9", token: "test-token" });
  const resources = Object.entries(ukc).filter(([, v]) => v && typeof v === "object" && !Array.isArray(v) && Object.values(v).some((f) => typeof f === "function"));
  const methods = [
    ...resources
      .filter(([name]) => name !== "api")
      .flatMap(([name, r]) => Object.keys(r as object).filter((k) => typeof (r as Record<string, unknown>)[k] === "function").map((k) => `${name}.${k}`)),
    ...Object.getOwnPropertyNames(UnikraftCloud.prototype).filter((k) => k !== "constructor" && k !== "toJSON" && typeof (ukc as unknown as Record<string, unknown>)[k] === "function"),
  ];

  test("every public SDK method has at least one wire-form row", () => {
    const rows = new Set(WIRE_FORMS.map((c) => c.method));
    expect(methods.filter((m) => !rows.has(m))).toEqual([]);
    expect([...rows].filter((m) => !methods.includes(m)), "rows for methods that do not exist").toEqual([]);
  });

  test("every method taking a reference is tried with a UUID and with a name", () => {
    const kinds = new Map<string, Set<string>>();
    for (const c of WIRE_FORMS) kinds.set(c.method, (kinds.get(c.method) ?? new Set()).add(c.ref));
    const missing = [...kinds].filter(([m, k]) => (k.has("uuid") || k.has("name") || k.has("several")) && !(k.has("uuid") && (k.has("name") || UUID_ONLY.includes(m))) && !k.has("none"));
    expect(missing.map(([m]) => m)).toEqual([]);
  });

  test("the table names only operations of the contract, and the contract's models exist", () => {
    for (const c of WIRE_FORMS) for (const w of c.sends) expect(operations.has(w.op), `${label(c)}: ${w.op}`).toBe(true);
    for (const op of operations.values()) if (op.body) expect(models[op.body.model], op.body.model).toBeDefined();
  });
});
