import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/errors";
import { add, del, set, toOperations } from "../../src/core/patch";

const props = ["image", "args", "env", "memory_mb", "tags", "delete_lock"] as const;
const lists = ["args", "env", "tags"] as const;

describe("toOperations", () => {
  it("turns plain values into set operations, in the order given", () => {
    expect(toOperations({ memory_mb: 512, env: { A: "1" } }, props, lists)).toEqual([
      { prop: "memory_mb", op: "set", value: 512 },
      { prop: "env", op: "set", value: { A: "1" } },
    ]);
  });

  it("turns add/del/set into explicit operations on lists and maps", () => {
    expect(toOperations({ tags: add(["blue"]), env: del(["OLD"]), image: set("nginx:1.27") }, props, lists)).toEqual([
      { prop: "tags", op: "add", value: ["blue"] },
      { prop: "env", op: "del", value: ["OLD"] },
      { prop: "image", op: "set", value: "nginx:1.27" },
    ]);
  });

  it("skips undefined values but keeps false, 0 and null", () => {
    expect(toOperations({ delete_lock: false, memory_mb: undefined, image: null }, props, lists)).toEqual([
      { prop: "delete_lock", op: "set", value: false },
      { prop: "image", op: "set", value: null },
    ]);
  });

  it("passes raw operations through after validating them", () => {
    const raw = [{ prop: "tags", op: "del", value: ["x"], id: "op-1" }] as const;
    expect(toOperations(raw as never, props, lists)).toEqual([{ prop: "tags", op: "del", value: ["x"], id: "op-1" }]);
  });

  it("rejects unknown properties, add/del on scalars, bad ops and empty patches before sending", () => {
    expect(() => toOperations({ memory: 512 } as never, props, lists)).toThrow(/'memory' cannot be updated; updatable properties: image, args/);
    expect(() => toOperations({ memory_mb: add(1) }, props, lists)).toThrow(/'add' works only on list and map properties/);
    expect(() => toOperations([{ prop: "tags", op: "push" }] as never, props, lists)).toThrow(/'push' is not an operation/);
    expect(() => toOperations({}, props, lists)).toThrow(ValidationError);
    expect(() => toOperations([], props, lists)).toThrow(/no operations given/);
    expect(() => toOperations("x" as never, props, lists)).toThrow(/expected an object/);
  });
});
