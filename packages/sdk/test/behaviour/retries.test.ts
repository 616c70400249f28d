// Behaviour of retries over real HTTP: 429/5xx with Retry-After, connection resets, maxRetries,
// creates that must not be sent twice, the body of retried requests, and the token never leaking.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { Rule } from "../../../mock/src/simulator/index";
import { failItems } from "./scenarios";
import {
  APIConnectionError,
  APITimeoutError,
  AuthenticationError,
  BatchError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  UnikraftCloud,
  WaitTimeoutError,
} from "../../src/index";
import { EXAMPLE_INSTANCE, ids, rejection, sim, simClient, useSimulator } from "./support";

const UUID = "123e4567-e89b-12d3-a456-426614174000";
const GET_PATH = `/v1/instances/${UUID}`;
const TOKEN = "tok-SECRET-7f3a9c2e51";
// Not the seeded example instance's name: a create that reaches the simulator must not conflict.
const CREATE = { image: "nginx:latest", name: "web-created", memory_mb: 256, vcpus: 1, autostart: true, wait_timeout_ms: 2000 };

useSimulator({ fixture: { instances: [EXAMPLE_INSTANCE] } });
const client = simClient({ token: TOKEN });

function status(code: number, message: string, extra: Partial<Rule> = {}): Rule {
  return {
    id: String(code),
    action: { type: "respond", status: code, headers: { "retry-after": "0" }, body: { status: "error", message, errors: [{ status: code }] } },
    ...extra,
  };
}

describe("retried statuses", () => {
  it.each([
    [429, "Too many requests"],
    [503, "Service unavailable"],
    [500, "Internal server error"],
    [502, "Bad gateway"],
  ])("%i with Retry-After: 0 is retried; the call succeeds (requests = 1 + failures)", async (code, message) => {
    sim.rule(status(code, message, { path: GET_PATH, times: 2 }));
    const instance = await client().instances.get(UUID);
    expect(instance).toMatchObject({ uuid: UUID, state: "running" });
    expect(ids()).toEqual([String(code), String(code), "sim"]);
  });

  it("different failures in a row count against the same budget", async () => {
    sim.rule(status(429, "Too many requests", { path: GET_PATH, times: 1 }));
    sim.rule(status(503, "Service unavailable", { path: GET_PATH, times: 1 }));
    sim.rule(status(502, "Bad gateway", { path: GET_PATH, times: 1 }));
    await client({ maxRetries: 3 }).instances.get(UUID);
    expect(ids()).toEqual(["429", "503", "502", "sim"]);
  });

  it("maxRetries bounds the attempts; the final error is RateLimitError with the envelope's message", async () => {
    sim.rule(status(429, "Too many requests", { path: GET_PATH }));
    const error = await rejection(client({ maxRetries: 3 }).instances.get(UUID));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).status).toBe(429);
    expect((error as RateLimitError).apiMessage).toBe("Too many requests");
    expect((error as RateLimitError).errors).toEqual([{ status: 429 }]);
    expect(sim.requests).toHaveLength(4);
  });

  it("… and InternalServerError for a 503", async () => {
    sim.rule(status(503, "Service unavailable", { path: GET_PATH }));
    const error = await rejection(client({ maxRetries: 1 }).instances.get(UUID));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(503);
    expect((error as InternalServerError).apiMessage).toBe("Service unavailable");
    expect(sim.requests).toHaveLength(2);
  });

  it("maxRetries 0 sends once; a per-call maxRetries overrides the client's", async () => {
    sim.rule(status(503, "Service unavailable", { path: GET_PATH }));
    await expect(client({ maxRetries: 0 }).instances.get(UUID)).rejects.toBeInstanceOf(InternalServerError);
    expect(sim.requests).toHaveLength(1);
    sim.reset();
    sim.rule(status(503, "Service unavailable", { path: GET_PATH }));
    await expect(client({ maxRetries: 5 }).instances.get(UUID, { maxRetries: 1 })).rejects.toBeInstanceOf(InternalServerError);
    expect(sim.requests).toHaveLength(2);
  });

  it("4xx other than 408/429 is not retried", async () => {
    sim.rule(status(404, "No instance with UUID", { path: GET_PATH }));
    await expect(client().instances.get(UUID)).rejects.toBeInstanceOf(NotFoundError);
    sim.rule(status(401, "Unauthorized", { path: "/v1/users/quotas" }));
    await expect(client().quotas.get()).rejects.toBeInstanceOf(AuthenticationError);
    expect(ids()).toEqual(["404", "401"]);
  });

  it("a connection reset on a GET is retried", async () => {
    sim.rule({ id: "reset", path: GET_PATH, times: 1, action: { type: "reset" } });
    const instance = await client().instances.get(UUID);
    expect(instance.uuid).toBe(UUID);
    expect(ids()).toEqual(["reset", "sim"]);
  });
});

describe("creates (POST) are not sent twice when they may have reached the server", () => {
  it("not resent after a connection reset: APIConnectionError after exactly one request", async () => {
    sim.rule({ id: "reset", method: "POST", path: "/v1/instances", action: { type: "reset" } });
    const error = await rejection(client().instances.create(CREATE));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toContain("Not retried: a create may have reached the server");
    // The create is not sent again; its name is looked up once, and it was not created.
    expect((error as Error).message).toContain("Not created: no 'web-created' exists");
    expect((error as APIConnectionError).reachedServer).toBe(false);
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/instances", "GET /v1/instances"]);
    expect(ids()).toEqual(["reset", "sim"]);
  });

  it("a create whose answer is lost after the platform made it resolves with the instance, found by its name", async () => {
    // The request reaches the simulator, which creates the instance; the answer never arrives.
    const losing = async (request: Request) => {
      const response = await fetch(request);
      if (request.method !== "POST") return response;
      await response.arrayBuffer();
      throw Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
    };
    const created = await client({ fetch: losing }).instances.create(CREATE);
    const made = (sim.simulator.state().instances ?? []).filter((i) => (i as { name: string }).name === CREATE.name) as { uuid: string }[];
    expect(made).toHaveLength(1);
    expect(created).toMatchObject({ uuid: made[0]!.uuid, name: CREATE.name });
    expect(sim.requests.map((r) => r.method)).toEqual(["POST", "GET"]);
  });

  it("a create without a name is not looked up after a lost answer: the error says it may have happened", async () => {
    sim.rule({ id: "reset", method: "POST", path: "/v1/instances", action: { type: "reset" } });
    const { name: _name, ...unnamed } = CREATE;
    const error = await rejection(client().instances.create(unnamed));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIConnectionError).reachedServer).toBe(true);
    expect(ids()).toEqual(["reset"]);
  });

  it("not resent after a 503: InternalServerError after exactly one request", async () => {
    sim.rule(status(503, "Service unavailable", { method: "POST", path: "/v1/instances" }));
    const error = await rejection(client().instances.create(CREATE));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).apiMessage).toBe("Service unavailable");
    expect(ids()).toEqual(["503"]);
  });

  it("resent after a 429 (not processed), with the same body each time", async () => {
    sim.rule(status(429, "Too many requests", { method: "POST", path: "/v1/instances", times: 2 }));
    const created = await client().instances.create(CREATE);
    // The instance the simulated platform created (once), answered with its UUID and name.
    const made = (sim.simulator.state().instances ?? []).filter((i) => (i as { name: string }).name === CREATE.name) as { uuid: string; state: string }[];
    expect(made).toHaveLength(1);
    expect(created).toMatchObject({ uuid: made[0]!.uuid, name: CREATE.name });
    expect(made[0]!.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ids()).toEqual(["429", "429", "sim"]);
    for (const r of sim.requests) {
      expect(r.method).toBe("POST");
      expect(r.body).toEqual(CREATE);
      expect(r.headers["content-type"]).toContain("application/json");
      expect(r.headers["content-length"]).toBe(sim.requests[0]!.headers["content-length"]);
    }
  });
});

describe("retried requests", () => {
  it("a batch PUT retried after 503s sends a fresh copy of the same body each time", async () => {
    sim.rule(status(503, "Service unavailable", { method: "PUT", path: "/v1/instances/stop", times: 2 }));
    sim.rule(failItems({ id: "echo", method: "PUT", path: "/v1/instances/stop" }));
    const stopped = await client().instances.stop(["web", "db"], { force: true });
    expect(stopped.map((i) => i.name)).toEqual(["web", "db"]);
    expect(ids()).toEqual(["503", "503", "echo"]);
    const body = [
      { name: "web", force: true },
      { name: "db", force: true },
    ];
    for (const r of sim.requests) expect(r.body).toEqual(body);
  });

  it("every recorded request carries the token redacted, and nothing else in the record holds it", async () => {
    sim.rule(status(429, "Too many requests", { path: GET_PATH, times: 1 }));
    await client().instances.get(UUID);
    expect(sim.requests).toHaveLength(2);
    for (const r of sim.requests) expect(r.headers.authorization).toBe("Bearer ***");
    expect(JSON.stringify(sim.requests)).not.toContain(TOKEN);
  });
});

describe("the token appears in no error", () => {
  const scenarios: [string, (ukc: UnikraftCloud) => Promise<unknown>, Rule[], unknown][] = [
    ["401", (u) => u.instances.get(UUID), [status(401, "Unauthorized", { path: GET_PATH })], AuthenticationError],
    ["429 exhausted", (u) => u.instances.get(UUID, { maxRetries: 1 }), [status(429, "Too many requests", { path: GET_PATH })], RateLimitError],
    ["reset POST", (u) => u.instances.create(CREATE), [{ path: "/v1/instances", method: "POST", action: { type: "reset" } }], APIConnectionError],
    ["timeout", (u) => u.instances.get(UUID, { timeoutMs: 30, maxRetries: 0 }), [{ path: GET_PATH, delayMs: 300, action: { type: "forward" } }], APITimeoutError],
    ["batch", (u) => u.instances.start(["a", "ghost"]), [failItems({ path: "/v1/instances/start", failNames: ["ghost"] })], BatchError],
    ["per item", (u) => u.instances.start("ghost"), [failItems({ path: "/v1/instances/start", failNames: ["ghost"] })], NotFoundError],
    [
      "wait timeout",
      (u) => u.instances.wait(UUID, { timeoutMs: 20, maxServerWaitMs: 20 }),
      // By UUID too, the wait goes to the batch endpoint (`uuid=` in the query).
      [{ path: "/v1/instances/wait", query: { uuid: UUID }, action: { type: "respond", status: 200, body: { status: "error", message: "Operation timed out", data: { instances: [{ uuid: UUID, state: "starting", error: 12 }] } } } }],
      WaitTimeoutError,
    ],
  ];

  it.each(scenarios)("%s", async (_, call, rules, type) => {
    for (const rule of rules) sim.rule(rule);
    const error = await rejection(call(client()));
    expect(error).toBeInstanceOf(type as new () => Error);
    const e = error as Error;
    for (const text of [String(e), e.message, e.stack ?? "", JSON.stringify(e), inspect(e, { depth: 10, showHidden: true })]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain("SECRET");
    }
    expect(JSON.stringify(sim.requests)).not.toContain(TOKEN);
  });
});
