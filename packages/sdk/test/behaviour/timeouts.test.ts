// Behaviour of timeouts and aborts over real HTTP: scripted simulator rules hold answers back (delayMs)
// longer than the client's timeout; outcomes are asserted by error class and request counts.
import { describe, expect, it } from "vitest";
import type { Rule } from "../../../mock/src/simulator/index";
import { AbortError, APIConnectionError, APITimeoutError } from "../../src/index";
import { arrived, EXAMPLE_INSTANCE, ids, rejection, sim, simClient, sleep, useSimulator } from "./support";

const UUID = "123e4567-e89b-12d3-a456-426614174000";
const GET_PATH = `/v1/instances/${UUID}`;
const INSTANCE = { status: "success", data: { instances: [{ status: "success", uuid: UUID, name: "funky-town-g756b5d", state: "running" }] }, op_time_us: 1 };
// Not the seeded example instance's name: a lost create is reconciled by looking its name up.
const CREATE = { image: "nginx:latest", name: "web-timed-out", memory_mb: 256 };

useSimulator({ fixture: { instances: [EXAMPLE_INSTANCE] } });
const client = simClient();

const slow = (delayMs: number, extra: Partial<Rule> = {}): Rule => ({ id: "slow", delayMs, action: { type: "forward" }, ...extra });

describe("timeouts", () => {
  it("a GET slower than timeoutMs is retried, then rejects with APITimeoutError", async () => {
    // Times with room for a loaded machine: each attempt must reach the server well within its timeout.
    sim.rule(slow(3000, { path: GET_PATH }));
    const error = await rejection(client({ timeoutMs: 400, maxRetries: 1 }).instances.get(UUID));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain(`GET ${GET_PATH} timed out after 400 ms (attempt 2)`);
    expect(ids()).toEqual(["slow", "slow"]);
  });

  it("a GET that is slow once succeeds on the retry", async () => {
    sim.rule(slow(600, { path: GET_PATH, times: 1 }));
    // The retry is answered by a fixed rule, so its timing does not depend on the simulated platform.
    sim.rule({ id: "fast", path: GET_PATH, action: { type: "respond", status: 200, body: INSTANCE } });
    const instance = await client({ timeoutMs: 100, maxRetries: 1 }).instances.get(UUID);
    expect(instance).toEqual(INSTANCE.data.instances[0]);
    expect(ids()).toEqual(["slow", "fast"]);
  });

  it("a POST (create) that times out is not sent again: exactly one request", async () => {
    sim.rule(slow(600, { method: "POST", path: "/v1/instances" }));
    const error = await rejection(client({ timeoutMs: 100, maxRetries: 2 }).instances.create(CREATE));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toContain("timed out after 100 ms (attempt 1)");
    expect((error as Error).message).toContain("Not retried: a create may have reached the server");
    // Not sent again: the name is looked up once instead (the slow create has not finished yet).
    expect(ids()).toEqual(["slow", "sim"]);
    expect((error as Error).message).toContain("the platform may still be creating it");
  });

  it("a per-request timeoutMs overrides the client's: longer", async () => {
    sim.rule(slow(200, { path: GET_PATH }));
    const instance = await client({ timeoutMs: 50, maxRetries: 0 }).instances.get(UUID, { timeoutMs: 5000 });
    expect(instance.uuid).toBe(UUID);
    expect(ids()).toEqual(["slow"]);
  });

  it("a per-request timeoutMs overrides the client's: shorter", async () => {
    sim.rule(slow(400, { path: GET_PATH }));
    const error = await rejection(client({ timeoutMs: 10_000, maxRetries: 0 }).instances.get(UUID, { timeoutMs: 50 }));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toContain("timed out after 50 ms (attempt 1)");
    expect(ids()).toEqual(["slow"]);
  });
});

describe("aborts", () => {
  it("a user AbortSignal aborts a delayed request: AbortError, no retry", async () => {
    let answered = false;
    sim.rule({
      id: "held",
      path: GET_PATH,
      delayMs: 400,
      action: { type: "transform", transform: (body) => ((answered = true), body) },
    });
    const controller = new AbortController();
    const pending = rejection(client({ maxRetries: 3 }).instances.get(UUID, { signal: controller.signal }));
    await arrived(1);
    controller.abort(new Error("user gave up"));
    const error = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error("user gave up"));
    expect(answered).toBe(false);
    await sleep(450);
    expect(answered).toBe(false); // the simulator found the connection closed
    expect(ids()).toEqual(["held"]);
  });

  it("an abort during the wait between retries ends the call without another request", async () => {
    sim.rule({ id: "reset", path: GET_PATH, action: { type: "reset" } });
    const controller = new AbortController();
    const pending = rejection(client({ maxRetries: 3 }).instances.get(UUID, { signal: controller.signal }));
    // The first attempt is reset at once; the backoff before the second is at least 375 ms.
    await arrived(1);
    await sleep(100);
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortError);
    expect(ids()).toEqual(["reset"]);
  });

  it("an already aborted signal sends nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(client().instances.get(UUID, { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(sim.requests).toHaveLength(0);
  });

  it("aborting a create in flight: AbortError, one request", async () => {
    sim.rule(slow(400, { method: "POST", path: "/v1/instances" }));
    const controller = new AbortController();
    const pending = rejection(client().instances.create(CREATE, { signal: controller.signal }));
    await arrived(1);
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortError);
    expect(ids()).toEqual(["slow"]);
  });
});
