import { describe, expect, it } from "vitest";
import { UnikraftCloud, ValidationError, type InstanceState } from "../../src/index";

function offline() {
  let calls = 0;
  const ukc = new UnikraftCloud({ baseUrl: "http://127.0.0.1:9", token: "t", fetch: async () => (calls++, new Response("{}")) });
  return { ukc, calls: () => calls };
}

describe("instances.wait checks its options before anything is sent", () => {
  it.each([
    [{ state: "runing" as InstanceState }, "state", /'runing' is not an instance state; wait for one of stopped, starting, running/],
    [{ timeoutMs: Number.NaN }, "timeoutMs", /must be a number from 0 to \d+, got NaN/],
    [{ timeoutMs: -5 }, "timeoutMs", /must be a number from 0 to \d+, got -5/],
    [{ timeoutMs: "5" as unknown as number }, "timeoutMs", /must be a number from 0 to \d+, got '5'/],
    [{ maxServerWaitMs: 0 }, "maxServerWaitMs", /must be a number from 1 to \d+, got 0/],
  ])("%o is a ValidationError on %s", async (options, field, message) => {
    const { ukc, calls } = offline();
    const error = await ukc.instances.wait("web", options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
    expect(calls()).toBe(0);
  });

  it("every state of the current contract can be waited for", async () => {
    for (const state of ["deleted", "checkpoint", "standby", "template"] as InstanceState[]) {
      const { ukc, calls } = offline();
      // The offline server answers an empty envelope: the call fails after the request, which proves it was sent.
      await ukc.instances.wait("web", { state, timeoutMs: 10 }).catch(() => undefined);
      expect(calls()).toBeGreaterThan(0);
    }
  });
});
