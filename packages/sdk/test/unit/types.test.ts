// Types users can trust: results name their resource, patches and options are typed from the
// spec. The `@ts-expect-error` lines are checked by `tsc` (the typecheck task): each must be an
// error, or the type check fails. The runtime assertions check the same calls are refused.
import { describe, expect, it } from "vitest";
import { add, del, UnikraftCloud, ValidationError, type Instance, type InstancePatch, type StopOptions } from "../../src/index";

const offline = () =>
  new UnikraftCloud({
    baseUrl: "http://127.0.0.1:9",
    token: "t",
    fetch: () => Promise.reject(new Error("nothing may be sent")),
  });

describe("types from the spec", () => {
  it("a result's uuid and name are strings, no non-null assertion needed", () => {
    const use = (web: Instance): string => `${web.name}:${web.uuid.toUpperCase()}`;
    expect(use({ uuid: "u", name: "n" } as Instance)).toBe("n:U");
  });

  it("patches: each property takes its own type; add/del only on lists and maps", async () => {
    const ok: InstancePatch = { memory_mb: 512, tags: add(["blue"]), env: del(["OLD"]), delete_lock: true };
    expect(Object.keys(ok)).toHaveLength(4);
    // @ts-expect-error: memory_mb is a number
    const wrong: InstancePatch = { memory_mb: "512" };
    // @ts-expect-error: not an updatable property
    const unknown: InstancePatch = { memroy_mb: 512 };
    await expect(offline().instances.update("web", wrong)).rejects.toThrow(ValidationError);
    await expect(offline().instances.update("web", unknown)).rejects.toThrow(/'memroy_mb' cannot be updated/);
  });

  it("stop: force and drainTimeoutMs exclude each other", async () => {
    const drain: StopOptions = { drainTimeoutMs: 1000 };
    const force: StopOptions = { force: true };
    expect([drain, force]).toHaveLength(2);
    // @ts-expect-error: a forced stop does not drain
    const both: StopOptions = { force: true, drainTimeoutMs: 1000 };
    await expect(offline().instances.stop("web", both)).rejects.toThrow(/cannot be combined with force/);
  });

  it("wait: only instance states", async () => {
    // @ts-expect-error: not an instance state
    await expect(offline().instances.wait("web", { state: "runing" })).rejects.toThrow(/'runing' is not an instance state/);
  });
});
