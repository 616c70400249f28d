// Behaviour of waiting over real HTTP, against the simulator with scripted rules:
// instances.wait (the server-side wait, repeated until the deadline), volumes.waitUntil and
// certificates.waitUntil (polling). Outcomes and request counts come from the simulator's journal.
import { describe, expect, it } from "vitest";
import type { Rule } from "../../../mock/src/simulator/index";
import { failItems, stateSequence } from "./scenarios";
import { AbortError, AuthenticationError, BatchError, NotFoundError, UnikraftCloud, WaitTimeoutError } from "../../src/index";
import { arrived, rejection, sim, simClient, sleep, useSimulator } from "./support";

const UUID = "123e4567-e89b-12d3-a456-426614174000";
const NAME = "funky-town-g756b5d";
const VOLUME_UUID = "c1d2e3f4-5678-90ab-cdef-1234567890ab";
const CERT_UUID = "5b0c9d8e-7f6a-4b5c-8d9e-0f1a2b3c4d5e";
// A wait by UUID goes to the batch wait endpoint with `uuid=` (the by-UUID endpoint reads no
// state or timeout in the current contract).
const WAIT_ONE = "/v1/instances/wait";

useSimulator();
const client = simClient();

const timeoutOf = (r: { query: URLSearchParams }) => Number(r.query.get("timeout_ms"));

/** Every request went to the batch wait endpoint naming exactly the one UUID (not by name, not in the path). */
function expectWaitByUuid(uuid = UUID) {
  expect(sim.requests.length).toBeGreaterThan(0);
  for (const r of sim.requests) {
    expect(`${r.method} ${r.path}`).toBe(`GET ${WAIT_ONE}`);
    expect(r.query.getAll("uuid")).toEqual([uuid]);
    expect(r.query.getAll("name")).toEqual([]);
  }
}

/**
 * A wait endpoint that behaves like the API: it holds the request for `timeout_ms` (plus a
 * little) when the instance is not in the asked state, then answers the wait timeout with the
 * current state. `stateAt(n)` gives the state of the n-th request (0-based).
 */
function holdingWait(path: RegExp | string, stateAt: (n: number) => string, id = "hold"): Rule {
  let n = 0;
  return {
    id,
    method: "GET",
    path,
    action: {
      type: "handle",
      async handler(req) {
        const state = stateAt(n++);
        const wanted = req.query.get("state");
        const uuid = req.query.get("uuid") ?? UUID;
        if (state === wanted) {
          return { status: 200, body: { status: "success", data: { instances: [{ status: "success", uuid, name: NAME, state }] }, op_time_us: 1 } };
        }
        await sleep(timeoutOf(req) + 5);
        return {
          status: 200,
          body: {
            status: "error",
            message: "Operation timed out",
            data: { instances: [{ status: "error", uuid, name: NAME, state, message: "Operation timed out", error: 12 }] },
            op_time_us: 1,
          },
        };
      },
    },
  };
}

describe("instances.wait: one instance", () => {
  it("starting → starting → running resolves with the running instance after exactly 3 requests", async () => {
    sim.rule(stateSequence({ id: "states", path: WAIT_ONE, states: ["starting", "starting", "running"] }));
    const ukc = client();
    const instance = await ukc.instances.wait(UUID, { state: "running", timeoutMs: 10_000, maxServerWaitMs: 2000 });

    expect(instance).toEqual({ status: "success", uuid: UUID, name: NAME, state: "running" });
    expect(sim.requests.map((r) => `${r.method} ${r.path} ${r.ruleId}`)).toEqual([
      `GET /v1/instances/wait states`,
      `GET /v1/instances/wait states`,
      `GET /v1/instances/wait states`,
    ]);
    expectWaitByUuid();
    for (const r of sim.requests) {
      expect(r.query.get("state")).toBe("running");
      // The remaining time (≈ 10 s) is longer than one server wait: each asks exactly maxServerWaitMs.
      expect(timeoutOf(r)).toBe(2000);
      expect(r.headers.authorization).toBe("Bearer ***");
    }
  });

  it("each request asks for at most maxServerWaitMs and at most the time remaining; repeats the server wait until the deadline", async () => {
    sim.rule(holdingWait(WAIT_ONE, () => "starting"));
    const ukc = client();
    const timeoutMs = 1100;
    const maxServerWaitMs = 400;
    const t0 = Date.now();
    const error = await rejection(ukc.instances.wait(UUID, { state: "running", timeoutMs, maxServerWaitMs }));

    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).lastSeen).toBe("starting");
    expect((error as Error).message).toContain(`uuid '${UUID}' is starting`);
    // 400 + 400 + the rest: three server waits fill the 1100 ms.
    const asked = sim.requests.map(timeoutOf);
    expect(asked).toHaveLength(3);
    expect(asked.slice(0, 2)).toEqual([400, 400]);
    let held = 0;
    for (const [i, r] of sim.requests.entries()) {
      expect(asked[i]).toBeGreaterThan(0);
      expect(asked[i]).toBeLessThanOrEqual(maxServerWaitMs);
      // Never more than what is left after the server waits already held…
      expect(asked[i]).toBeLessThanOrEqual(timeoutMs - held);
      // …and never less than what was left when the request arrived (same clock as the simulator's `receivedAt`).
      expect(asked[i]).toBeGreaterThanOrEqual(Math.min(maxServerWaitMs, t0 + timeoutMs - r.receivedAt));
      held += asked[i]!;
    }
    expect(asked[2]).toBeLessThanOrEqual(300);
    expectWaitByUuid();
  });

  it("the state never comes: WaitTimeoutError with the last state seen", async () => {
    sim.rule(holdingWait(WAIT_ONE, (n) => (n === 0 ? "starting" : "stopped")));
    const ukc = client();
    const error = await rejection(ukc.instances.wait(UUID, { state: "running", timeoutMs: 400, maxServerWaitMs: 250 }));
    expect(error).toBeInstanceOf(WaitTimeoutError);
    const e = error as WaitTimeoutError<string>;
    expect(e.lastSeen).toBe("stopped");
    expect(e.elapsedMs).toBeGreaterThanOrEqual(400);
    expect(sim.requests.map(timeoutOf)).toHaveLength(2);
    expect(sim.requests.map(timeoutOf)[0]).toBe(250);
    expectWaitByUuid();
  });

  it("a 401 rejects at once after one request with AuthenticationError", async () => {
    sim.rule({
      id: "401",
      path: WAIT_ONE,
      action: { type: "respond", status: 401, body: { status: "error", message: "Unauthorized", errors: [{ status: 401 }] } },
    });
    const ukc = client();
    const error = await rejection(ukc.instances.wait(UUID, { state: "running", timeoutMs: 5000, maxServerWaitMs: 1000 }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).apiMessage).toBe("Unauthorized");
    expect(sim.requests).toHaveLength(1);
    expectWaitByUuid();
  });

  it("a single name that is not found rejects with that item's NotFoundError", async () => {
    sim.rule(failItems({ id: "missing", path: "/v1/instances/wait", method: "GET", failNames: ["ghost"] }));
    const ukc = client();
    const error = await rejection(ukc.instances.wait("ghost", { timeoutMs: 5000 }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).not.toBeInstanceOf(BatchError);
    expect((error as NotFoundError).code).toBe(8);
    expect((error as NotFoundError).apiMessage).toContain("No instance with name 'ghost'");
    expect(sim.requests).toHaveLength(1);
  });

  it("an AbortSignal ends a wait the server holds open, aborting the request in flight", async () => {
    let answered = false;
    sim.rule({
      id: "held",
      path: WAIT_ONE,
      delayMs: 400,
      action: {
        type: "handle",
        handler: () => {
          answered = true;
          return { status: 200, body: { status: "success", data: { instances: [{ status: "success", uuid: UUID, state: "running" }] } } };
        },
      },
    });
    const ukc = client();
    const controller = new AbortController();
    const pending = rejection(ukc.instances.wait(UUID, { timeoutMs: 60_000, maxServerWaitMs: 30_000, signal: controller.signal }));
    await arrived(1);
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(AbortError);
    // Rejected while the server still held the request…
    expect(answered).toBe(false);
    expect(sim.requests).toHaveLength(1);
    // …and the connection was closed: after its delay the simulator finds the socket gone and never answers.
    await sleep(500);
    expect(answered).toBe(false);
    expect(sim.requests).toHaveLength(1);
    expectWaitByUuid();
  });
});

describe("instances.wait: many instances", () => {
  it("one request per round naming every instance; resolves in caller order when all run", async () => {
    sim.rule(stateSequence({ id: "states", path: "/v1/instances/wait", states: ["starting", "running"] }));
    const ukc = client();
    const result = await ukc.instances.wait(["web", "db", "cache"], { timeoutMs: 10_000, maxServerWaitMs: 1000 });
    expect(result.map((i) => [i.name, i.state])).toEqual([
      ["web", "running"],
      ["db", "running"],
      ["cache", "running"],
    ]);
    expect(sim.requests).toHaveLength(2);
    for (const r of sim.requests) {
      expect(r.path).toBe("/v1/instances/wait");
      expect(r.query.getAll("name")).toEqual(["web", "db", "cache"]);
      expect(r.query.get("state")).toBe("running");
      expect(timeoutOf(r)).toBe(1000);
    }
  });

  it("asks again only for the instances still pending", async () => {
    // web runs at once, db on the second round, cache on the third.
    const runningFrom: Record<string, number> = { web: 0, db: 1, cache: 2 };
    let round = 0;
    sim.rule({
      id: "staggered",
      path: "/v1/instances/wait",
      action: {
        type: "handle",
        handler(req) {
          const n = round++;
          const instances = req.query.getAll("name").map((name, i) => {
            const state = n >= runningFrom[name]! ? "running" : "starting";
            return state === "running"
              ? { status: "success", uuid: `00000000-0000-4000-8000-00000000000${i + 1}`, name, state }
              : { status: "error", name, state, error: 12, message: "Operation timed out" };
          });
          return { status: 200, body: { status: "success", data: { instances }, op_time_us: 1 } };
        },
      },
    });
    const ukc = client();
    const result = await ukc.instances.wait([{ name: "cache" }, "web", "db"], { timeoutMs: 10_000, maxServerWaitMs: 1000 });
    expect(result.map((i) => i.name)).toEqual(["cache", "web", "db"]);
    expect(result.every((i) => i.state === "running")).toBe(true);
    expect(sim.requests.map((r) => r.query.getAll("name"))).toEqual([["cache", "web", "db"], ["cache", "db"], ["cache"]]);
  });

  it("a not-found instance ends the wait with one BatchError: the others succeeded, the missing one failed", async () => {
    // web and db run on the simulated platform; ghost does not exist there.
    sim.seed({ instances: [{ name: "web", state: "running" }, { name: "db", state: "running" }] });
    sim.rule(failItems({ id: "missing", path: "/v1/instances/wait", method: "GET", failNames: ["ghost"] }));
    const ukc = client();
    const ghost = { name: "ghost" } as const;
    const error = await rejection(ukc.instances.wait(["web", ghost, "db"], { timeoutMs: 5000 }));
    expect(error).toBeInstanceOf(BatchError);
    const e = error as BatchError<{ name?: string; state?: string }>;
    expect(e.succeeded.map((i) => [i.name, i.state])).toEqual([
      ["web", "running"],
      ["db", "running"],
    ]);
    expect(e.failed).toHaveLength(1);
    expect(e.failed[0]!.ref).toBe(ghost);
    expect(e.failed[0]!.code).toBe(8);
    expect(e.failed[0]!.message).toBe("No instance with name 'ghost'");
    expect(e.failed[0]!.error).toBeInstanceOf(NotFoundError);
    expect(sim.requests).toHaveLength(1);
  });

  it("a not-found instance and one that never runs: one BatchError lists both failures, none dropped", async () => {
    sim.rule({
      id: "mixed",
      path: "/v1/instances/wait",
      action: {
        type: "handle",
        handler(req) {
          const instances = req.query.getAll("name").map((name) =>
            name === "web"
              ? { status: "success", uuid: "00000000-0000-4000-8000-000000000001", name, state: "running" }
              : name === "ghost"
                ? { status: "error", name, error: 8, message: "No instance with name 'ghost'" }
                : { status: "error", name, state: "starting", error: 12, message: "Operation timed out" },
          );
          return { status: 200, body: { status: "error", message: "Failed to perform all operations", data: { instances } } };
        },
      },
    });
    const ukc = client();
    const error = await rejection(ukc.instances.wait(["web", "ghost", "db"], { timeoutMs: 300, maxServerWaitMs: 1000 }));
    expect(error).toBeInstanceOf(BatchError);
    const e = error as BatchError<{ name?: string; state?: string }>;
    expect(e.succeeded.map((i) => [i.name, i.state])).toEqual([["web", "running"]]);
    expect(e.failed.map((f) => [f.ref, f.code])).toEqual([
      ["ghost", 8],
      ["db", 12],
    ]);
    expect(e.failed[0]!.error).toBeInstanceOf(NotFoundError);
    expect(e.failed[1]!.message).toMatch(/^still starting after \d+ ms, not running$/);
    // Only the pending instance is asked for again after the first round.
    expect(sim.requests[0]!.query.getAll("name")).toEqual(["web", "ghost", "db"]);
    expect(sim.requests.slice(1).every((r) => r.query.getAll("name").join() === "db")).toBe(true);
  });

  it("the deadline reports the last state of each pending instance", async () => {
    sim.rule({
      id: "stuck",
      path: "/v1/instances/wait",
      action: {
        type: "handle",
        async handler(req) {
          await sleep(timeoutOf(req) + 5);
          const instances = req.query.getAll("name").map((name) =>
            name === "web"
              ? { status: "success", uuid: "00000000-0000-4000-8000-000000000001", name, state: "running" }
              : { status: "error", name, state: "starting", error: 12, message: "Operation timed out" },
          );
          return { status: 200, body: { status: "error", message: "Operation timed out", data: { instances } } };
        },
      },
    });
    const ukc = client();
    const error = await rejection(ukc.instances.wait(["web", "db"], { timeoutMs: 150, maxServerWaitMs: 1000 }));
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).lastSeen).toEqual({ db: "starting" });
    expect(sim.requests).toHaveLength(1);
    expect(timeoutOf(sim.requests[0]!)).toBeLessThanOrEqual(150);
  });
});

/** A GET-by-UUID endpoint answering `kind` items whose state follows `states` (the last repeats). */
function statesOf(kind: "volumes" | "certificates", uuid: string, states: string[], extra: Partial<Rule> = {}): Rule & { count: () => number } {
  let n = 0;
  return {
    id: `${kind}-states`,
    method: "GET",
    path: `/v1/${kind}/${uuid}`,
    ...extra,
    action: {
      type: "handle",
      handler() {
        const state = states[Math.min(n++, states.length - 1)];
        return { status: 200, body: { status: "success", data: { [kind]: [{ status: "success", uuid, name: `${kind}-x`, state }] }, op_time_us: 1 } };
      },
    },
    count: () => n,
  };
}

describe.each([
  { kind: "volumes" as const, uuid: VOLUME_UUID, from: "initializing", to: "available" },
  { kind: "certificates" as const, uuid: CERT_UUID, from: "pending", to: "valid" },
])("$kind.waitUntil", ({ kind, uuid, from, to }) => {
  const waitUntil = (ukc: UnikraftCloud, options: Record<string, unknown>) =>
    kind === "volumes"
      ? ukc.volumes.waitUntil(uuid, { state: to as "available" }, options)
      : ukc.certificates.waitUntil(uuid, { state: to as "valid" }, options);

  it(`polls ${from} → ${from} → ${to} and resolves after exactly 3 GETs`, async () => {
    sim.rule(statesOf(kind, uuid, [from, from, to]));
    const ukc = client();
    const result = await waitUntil(ukc, { timeoutMs: 10_000, intervalMs: 5, jitter: 0 });
    expect(result).toMatchObject({ uuid, state: to });
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(Array(3).fill(`GET /v1/${kind}/${uuid}`));
  });

  it("the deadline rejects with WaitTimeoutError carrying the last item seen", async () => {
    sim.rule(statesOf(kind, uuid, [from]));
    const ukc = client();
    const error = await rejection(waitUntil(ukc, { timeoutMs: 120, intervalMs: 10, jitter: 0 }));
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError<{ state: string; uuid: string }>).lastSeen).toMatchObject({ uuid, state: from });
    expect(sim.requests.length).toBeGreaterThanOrEqual(2);
    expect(sim.requests.every((r) => r.path === `/v1/${kind}/${uuid}`)).toBe(true);
  });

  it("abort aborts the GET in flight with AbortError (the simulator sees the connection close)", async () => {
    const rule = statesOf(kind, uuid, [to], { delayMs: 400 });
    sim.rule(rule);
    const ukc = client();
    const controller = new AbortController();
    const pending = rejection(waitUntil(ukc, { timeoutMs: 60_000, intervalMs: 5, signal: controller.signal }));
    await arrived(1);
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect(rule.count()).toBe(0); // the delayed answer was still pending
    await sleep(500);
    expect(rule.count()).toBe(0); // and never sent: the socket was gone when the delay ended
    expect(sim.requests).toHaveLength(1);
  });
});
