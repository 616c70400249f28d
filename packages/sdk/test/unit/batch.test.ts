import { describe, expect, it } from "vitest";
import { allOrThrow, itemFailed, matchItems, oneOrThrow, refQuery, settle } from "../../src/internal/batch";
import { BatchError, ConflictError, NotFoundError } from "../../src/core/errors";
import type { ParsedRef } from "../../src/core/refs";

const U1 = "11111111-1111-4111-8111-111111111111";
const refs: ParsedRef[] = [{ name: "a" }, { uuid: U1 }, { name: "c" }];
const inputs = ["a", U1, "c"];

describe("itemFailed", () => {
  it("uses status when present, else the presence of an error code", () => {
    expect(itemFailed({ status: "success" })).toBe(false);
    expect(itemFailed({ status: "error", error: 8 })).toBe(true);
    expect(itemFailed({ error: 12 })).toBe(true);
    expect(itemFailed({ uuid: U1 })).toBe(false);
  });
});

describe("settle", () => {
  it("returns successes and failures with their reference, message and code", () => {
    const items = [
      { status: "success", name: "a", uuid: "x" },
      { status: "error", uuid: U1, message: "Deletion protection enabled", error: 14 },
      { status: "error", name: "c", message: "No instance with name 'c'", error: 8 },
    ];
    const { succeeded, failed } = settle("delete instance", inputs, refs, items);
    expect(succeeded).toEqual([items[0]]);
    expect(failed.map((f) => [f.ref, f.message, f.code])).toEqual([
      [U1, "Deletion protection enabled", 14],
      ["c", "No instance with name 'c'", 8],
    ]);
    expect(failed[1]!.error).toBeInstanceOf(NotFoundError);
  });

  it("matches by identity even when the API answers in another order", () => {
    const items = [
      { status: "success", name: "c" },
      { status: "success", name: "a" },
      { status: "error", uuid: U1, message: "boom", error: 10 },
    ];
    const { outcomes } = matchItems("op", inputs, refs, items);
    expect(outcomes.map((o) => (o.ok ? o.item.name : o.failure.ref))).toEqual(["a", U1, "c"]);
  });

  it("reports a reference the response does not mention as a failure, never drops it", () => {
    const { succeeded, failed } = settle("start instance", inputs, refs, [{ status: "success", name: "a" }]);
    expect(succeeded).toHaveLength(1);
    expect(failed.map((f) => f.ref)).toEqual([U1, "c"]);
    expect(failed[0]!.message).toMatch(/no result for uuid/);
  });

  it("never counts an item the caller did not ask for as a success, and never drops it", () => {
    const { succeeded, failed } = settle("stop", ["a"], [{ name: "a" }], [{ status: "success", name: "a" }, { status: "success", name: "zz", uuid: U1 }]);
    expect(succeeded.map((i) => i.name)).toEqual(["a"]);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.ref).toEqual({ uuid: U1 });
    expect(failed[0]!.message).toMatch(/uuid '11111111-1111-4111-8111-111111111111', which was not asked for/);
  });

  it("matches by position only an item that does not name a different resource", () => {
    // One item per reference, but the item at position 0 names another instance: no match.
    const other = [{ status: "success", name: "b" }];
    const { succeeded, failed } = settle("start", ["a"], [{ name: "a" }], other);
    expect(succeeded).toEqual([]);
    expect(failed.map((f) => f.message)).toEqual([expect.stringMatching(/no result for name 'a'/), expect.stringMatching(/name 'b', which was not asked for/)]);
    // An item naming nothing (a not-found entry) or only the uuid of a name reference still matches by position.
    const anonymous = settle("get", ["a", "c"], [{ name: "a" }, { name: "c" }], [{ status: "error", error: 8, message: "No instance with name 'a'" }, { status: "success", uuid: U1 }]);
    expect(anonymous.failed.map((f) => [f.ref, f.code])).toEqual([["a", 8]]);
    expect(anonymous.succeeded).toEqual([{ status: "success", uuid: U1 }]);
    // A uuid reference and an item with a different uuid: no match by position.
    const wrongUuid = settle("get", [U1], [{ uuid: U1 }], [{ status: "success", uuid: "22222222-2222-4222-8222-222222222222" }]);
    expect(wrongUuid.succeeded).toEqual([]);
    expect(wrongUuid.failed).toHaveLength(2);
  });
});

describe("allOrThrow / oneOrThrow", () => {
  it("throws one BatchError that carries both lists", () => {
    const settled = settle("stop instance", inputs, refs, [
      { status: "success", name: "a" },
      { status: "success", uuid: U1 },
      { status: "error", name: "c", message: "Name already in use", error: 23 },
    ]);
    try {
      allOrThrow("stop instance", settled);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BatchError);
      const batch = error as BatchError;
      expect(batch.succeeded).toHaveLength(2);
      expect(batch.failed).toHaveLength(1);
      expect(batch.failed[0]!.error).toBeInstanceOf(ConflictError);
      expect(batch.message).toMatch(/1 of 3 item\(s\) failed — 'c': Name already in use \(error 23\)/);
    }
  });

  it("returns all items when every one succeeded, and the item's own error for one reference", () => {
    expect(allOrThrow("x", { succeeded: [{ name: "a" }, { name: "b" }], failed: [] })).toEqual([{ name: "a" }, { name: "b" }]);
    const one = settle("get", ["c"], [{ name: "c" }], [{ status: "error", name: "c", message: "No instance with name 'c'", error: 8 }]);
    expect(() => oneOrThrow(one)).toThrow(NotFoundError);
    expect(() => oneOrThrow(one)).toThrow(/No instance with name 'c'/);
  });
});

describe("refQuery", () => {
  it("splits references into uuid and name arrays, leaving out empty ones", () => {
    expect(refQuery(refs)).toEqual({ uuid: [U1], name: ["a", "c"] });
    expect(refQuery([{ name: "a" }])).toEqual({ name: ["a"] });
  });
});
