// Account-wide batches when a metro fails (refused, too slow, 503 storms) and when the router
// answers 207 Multi-Status: the references of the failing metro are failures, each once, with the
// metro and its error; every other reference succeeds.
import { describe, expect, it } from "vitest";
import { AbortError, APIConnectionError, APITimeoutError, BatchError, InternalServerError, NotFoundError } from "../../src/index";
import { MetroCallError, type MetroItemFailure, type MetroRef } from "../../src/metros/index";
import { collect, rejection, useMetros } from "./support";

const metros = useMetros({
  fra: { instances: [{ name: "a" }, { name: "b" }] },
  dal: { instances: [{ name: "c" }, { name: "d" }] },
  sin: { instances: [{ name: "e" }] },
});

/** References spread over the three metros, each naming its metro. */
const REFS: MetroRef[] = [
  { name: "a", metro: "fra" },
  { name: "c", metro: "dal" },
  { name: "e", metro: "sin" },
  { name: "d", metro: "dal" },
  { name: "b", metro: "fra" },
];

type Started = { name: string; metro: string };

/** Starts REFS and returns the BatchError, checking that every reference is reported exactly once. */
async function startFailing(account: ReturnType<typeof metros.account>, options?: { timeoutMs?: number }) {
  const error = (await rejection(account.instances.start(REFS, options))) as BatchError<Started, MetroRef>;
  expect(error).toBeInstanceOf(BatchError);
  const reported = [...error.succeeded.map((s) => s.name), ...error.failed.map((f) => (f.ref as { name: string }).name)];
  expect(reported.sort()).toEqual(["a", "b", "c", "d", "e"]);
  return { error, failed: error.failed as MetroItemFailure[] };
}

describe("a failing metro in a batch", () => {
  it("connection refused: its references fail with the metro and a MetroCallError (cause APIConnectionError), the others succeed", async () => {
    const { error, failed } = await startFailing(metros.account({ down: ["dal"] }));
    expect(error.succeeded.map((s) => [s.name, s.metro])).toEqual([["a", "fra"], ["e", "sin"], ["b", "fra"]]);
    expect(failed.map((f) => [(f.ref as { name: string }).name, f.metro])).toEqual([["c", "dal"], ["d", "dal"]]);
    for (const f of failed) {
      expect(f.error).toBeInstanceOf(MetroCallError);
      expect(f.error.cause).toBeInstanceOf(APIConnectionError);
      expect(f.error.status).toBe(0);
    }
    expect(metros.counts()).toEqual({ fra: 1, dal: 0, sin: 1 });
  });

  it("one reference routed to a down metro throws that metro's own error", async () => {
    const error = await rejection(metros.account({ down: ["dal"] }).instances.get({ name: "c", metro: "dal" }));
    expect(error).toBeInstanceOf(APIConnectionError);
  });

  it("slower than the caller's timeout: the others return in time, its part fails with APITimeoutError", async () => {
    metros.sim("dal").rule({ method: "PUT", path: "/v1/instances/start", delayMs: 3000, action: { type: "forward" } });
    const started = Date.now();
    const { error, failed } = await startFailing(metros.account(), { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error.succeeded).toHaveLength(3);
    expect(failed.map((f) => f.metro)).toEqual(["dal", "dal"]);
    expect(failed[0]!.error.cause).toBeInstanceOf(APITimeoutError);
  });

  it("503 storms: retried by that metro's client, then only its references fail (InternalServerError)", async () => {
    const storm = metros.sim("dal").rule({
      method: "PUT",
      path: "/v1/instances/start",
      action: { type: "respond", status: 503, headers: { "retry-after": "0" }, body: { status: "error", message: "Service unavailable", errors: [{ status: 503 }] } },
    });
    const account = metros.account({ clients: { fra: { maxRetries: 2 }, dal: { maxRetries: 2 }, sin: { maxRetries: 2 } } });
    const { error, failed } = await startFailing(account);
    expect(storm.hits).toBe(3);
    expect(metros.counts()).toEqual({ fra: 1, dal: 3, sin: 1 });
    expect(error.succeeded).toHaveLength(3);
    expect(failed.map((f) => [f.metro, f.error.constructor, f.error.status])).toEqual([
      ["dal", InternalServerError, 503],
      ["dal", InternalServerError, 503],
    ]);
  });
});

describe("the caller's abort", () => {
  it("ends every metro's part and is thrown as AbortError, not as per-item failures", async () => {
    for (const code of ["fra", "dal", "sin"]) metros.sim(code).rule({ delayMs: 3000, action: { type: "forward" } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    expect(await rejection(metros.account().instances.start(REFS, { signal: controller.signal }))).toBeInstanceOf(AbortError);
    const again = new AbortController();
    setTimeout(() => again.abort(), 100);
    expect(await rejection(collect(metros.account().instances.list({ signal: again.signal })))).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("HTTP 207 Multi-Status", () => {
  /** Answers the start of fra with 207: `a` started, `b` not found. */
  function multiStatus() {
    return metros.sim("fra").rule({
      method: "PUT",
      path: "/v1/instances/start",
      action: {
        type: "respond",
        status: 207,
        body: {
          status: "partial_success",
          message: "Failed to perform all operations",
          data: { instances: [{ status: "success", name: "a", uuid: "0a1b2c3d-0000-4000-8000-0000000000aa", state: "starting" }, { status: "error", name: "b", error: 8, message: "No instance named 'b'" }] },
        },
      },
    });
  }

  it("is read per item: the successful item succeeds, the failed one fails, the other metros are unaffected", async () => {
    const rule = multiStatus();
    const { error, failed } = await startFailing(metros.account());
    expect(rule.hits).toBe(1);
    expect(error.succeeded.map((s) => [s.name, s.metro])).toEqual([["a", "fra"], ["c", "dal"], ["e", "sin"], ["d", "dal"]]);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ ref: { name: "b", metro: "fra" }, metro: "fra", code: 8 });
    expect(failed[0]!.error).toBeInstanceOf(NotFoundError);
  });

  it("a 207 lookup is read per item too: a reference found in it is routed there", async () => {
    metros.sim("dal").rule({
      method: "GET",
      path: "/v1/instances",
      query: { details: "false" },
      action: { type: "handle", handler: async (_req, forward) => ({ ...(await forward()), status: 207 }) },
    });
    const found = await metros.account().instances.get("c");
    expect(found).toMatchObject({ name: "c", metro: "dal" });
    const missing = await rejection(metros.account().instances.get("zzz"));
    expect(missing).toBeInstanceOf(NotFoundError);
  });
});
