// The simulator's scripted rules (src/simulator/scripting.ts) over real HTTP: matching, times,
// hits, delays, the actions (reset, respond, handle, transform, forward), the journal's record
// (headers redacted, ruleId, forwarded), and how rules sit in front of the simulated platform and
// its serialisable faults.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../src/simulator/index";
import { httpTo } from "./http";

const UUID = "123e4567-e89b-12d3-a456-426614174000";
const OTHER = "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13";
const AUTH = { authorization: "Bearer secret-token-123" };
const EXAMPLE = { uuid: UUID, name: "funky-town-g756b5d", state: "running", image: "nginx:latest" };

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ seed: 7 });
});
beforeEach(() => {
  sim.reset();
  sim.seed({ instances: [EXAMPLE] });
});
afterAll(() => sim.stop());

const { get, send } = httpTo(() => sim.url, AUTH);

describe("unscripted requests and the journal", () => {
  it("the simulated platform answers requests no rule matches, and the journal records them", async () => {
    const res = await get(`/v1/instances/${UUID}/wait?state=running&timeout_ms=1000`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const body = await res.json();
    expect(body).toMatchObject({ status: "success", data: { instances: [{ status: "success", uuid: UUID, name: "funky-town-g756b5d", state: "running" }] } });
    const journal = sim.journal();
    expect(journal).toHaveLength(1);
    const [rec] = journal;
    expect(rec).toMatchObject({ method: "GET", path: `/v1/instances/${UUID}/wait`, forwarded: true, body: undefined, status: 200 });
    expect(rec?.ruleId).toBeUndefined();
    expect(rec?.query).toEqual({ state: "running", timeout_ms: "1000" });
    expect(typeof rec?.receivedAt).toBe("number");
    expect(Math.abs(rec!.receivedAt - Date.now())).toBeLessThan(10_000);
    expect(typeof rec?.at).toBe("string");
  });

  it("redacts the authorization header in the journal (in-process and over /_sim/journal)", async () => {
    const res = await get("/v1/users/quotas");
    expect(res.status).toBe(200); // the simulator accepted the real token
    const rec = sim.journal()[0];
    expect(rec?.headers.authorization).toBe("Bearer ***");
    expect(JSON.stringify(sim.journal())).not.toContain("secret-token-123");
    const over = await (await fetch(`${sim.url}/_sim/journal`)).text();
    expect(over).toContain("Bearer ***");
    expect(over).not.toContain("secret-token-123");
  });

  it("passes the simulator's own errors through (401 without a token)", async () => {
    sim.rule({ path: "/v1/healthz", action: { type: "respond", status: 204 } });
    const res = await fetch(`${sim.url}/v1/instances`);
    expect(res.status).toBe(401);
    expect(sim.journal()[0]).toMatchObject({ status: 401, forwarded: true });
    expect(sim.journal()[0]?.headers.authorization).toBeUndefined();
  });

  it("records parsed JSON bodies, raw text that is not JSON, and no body, in arrival order", async () => {
    await send("PUT", "/v1/instances/start", [{ name: "a" }]);
    await get("/v1/healthz");
    expect(sim.journal().map((r) => `${r.method} ${r.path}`)).toEqual(["PUT /v1/instances/start", "GET /v1/healthz"]);
    expect(sim.journal()[0]?.body).toEqual([{ name: "a" }]);
    expect(sim.journal()[0]?.headers["content-type"]).toBe("application/json");
    // A body-less PUT reaches the platform too (the seeded instance is running: start answers).
    const started = await fetch(`${sim.url}/v1/instances/${UUID}/start`, { method: "PUT", headers: AUTH });
    expect(started.status).toBe(200);
    expect(sim.journal()[2]?.body).toBeUndefined();
    const bad = await send("POST", "/v1/instances", "{ not json");
    expect(bad.status).toBe(400);
    expect(sim.journal()[3]).toMatchObject({ body: "{ not json", status: 400 });
  });
});

describe("actions", () => {
  it("reset destroys the connection without an answer", async () => {
    const rule = sim.rule({ path: "/v1/instances", times: 1, action: { type: "reset" } });
    await expect(get("/v1/instances")).rejects.toThrow(TypeError);
    expect(sim.journal()[0]).toMatchObject({ ruleId: rule.id, forwarded: false, status: -1 });
    // times: 1 — the retry reaches the simulated platform.
    const res = await get("/v1/instances");
    expect(res.status).toBe(200);
    expect(rule.hits).toBe(1);
  });

  it("respond answers 429 with Retry-After and a JSON body", async () => {
    sim.rule({
      method: "get",
      path: "/v1/instances",
      action: {
        type: "respond",
        status: 429,
        headers: { "Retry-After": "2" },
        body: { status: "error", message: "Too many requests", errors: [{ status: 429 }] },
      },
    });
    const res = await get("/v1/instances");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ status: "error", message: "Too many requests", errors: [{ status: 429 }] });
    expect(sim.journal()[0]).toMatchObject({ forwarded: false, status: 429 });
  });

  it("respond sends a string body as is (e.g. a proxy's HTML page), and no body when none is given", async () => {
    sim.rule({
      path: "/v1/instances",
      times: 1,
      action: { type: "respond", status: 502, headers: { "content-type": "text/html" }, body: "<h1>Bad gateway</h1>" },
    });
    sim.rule({ path: "/v1/instances", times: 1, action: { type: "respond", status: 200, body: "plain" } });
    sim.rule({ path: "/v1/instances", times: 1, action: { type: "respond", status: 200 } });
    const res = await get("/v1/instances");
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toBe("text/html");
    expect(await res.text()).toBe("<h1>Bad gateway</h1>");
    const plain = await get("/v1/instances");
    expect(plain.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await plain.text()).toBe("plain");
    const empty = await get("/v1/instances");
    expect(empty.headers.get("content-type")).toBeNull();
    expect(empty.headers.get("content-length")).toBe("0");
    expect(await empty.text()).toBe("");
  });

  it("delayMs holds the answer back, long enough for a client timeout", async () => {
    sim.rule({ path: "/v1/healthz", delayMs: 300, action: { type: "forward" } });
    const t0 = Date.now();
    const res = await get("/v1/healthz");
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);

    await expect(get("/v1/healthz", { signal: AbortSignal.timeout(50) })).rejects.toThrow(/timeout|aborted/i);
    // The simulator keeps serving after the client gave up.
    sim.clearFaults();
    expect((await get("/v1/healthz")).status).toBe(200);
  });

  it("a delayed rule does not act once the client has gone", async () => {
    let called = false;
    sim.rule({ path: "/v1/healthz", delayMs: 200, action: { type: "handle", handler: () => ((called = true), { status: 200 }) } });
    await expect(get("/v1/healthz", { signal: AbortSignal.timeout(30) })).rejects.toThrow(/timeout|aborted/i);
    await new Promise((r) => setTimeout(r, 300));
    expect(called).toBe(false);
    expect(sim.journal()[0]).toMatchObject({ status: 0, forwarded: false });
  });

  it("times limits a rule, hits counts, remove() drops it", async () => {
    const unavailable = sim.rule({
      path: "/v1/instances",
      times: 2,
      action: { type: "respond", status: 503, headers: { "retry-after": "0" }, body: { status: "error" } },
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get("/v1/instances")).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(unavailable.hits).toBe(2);
    expect(sim.journal().map((r) => r.forwarded)).toEqual([false, false, true]);

    const counter = sim.rule({ path: "/v1/instances", action: { type: "forward" } });
    await get("/v1/instances");
    expect(counter.hits).toBe(1);
    counter.remove();
    await get("/v1/instances");
    expect(counter.hits).toBe(1);
    expect(sim.journal().at(-1)?.ruleId).toBeUndefined();
    expect(() => sim.rule({ times: -1, action: { type: "forward" } })).toThrow(RangeError);
  });

  it("applies the first matching rule in order, by method, regex path, template path and query", async () => {
    sim.rule({ id: "post-only", method: "POST", path: /^\/v1\/instances/, action: { type: "respond", status: 418 } });
    sim.rule({ id: "stopped", path: /\/wait$/, query: { state: "stopped" }, action: { type: "respond", status: 410 } });
    sim.rule({ id: "any-wait", path: /\/wait$/, action: { type: "respond", status: 409 } });
    sim.rule({ id: "never", path: /\/wait$/, action: { type: "respond", status: 400 } });
    sim.rule({ id: "log-of-any", path: "/v1/instances/{uuid}/log", action: { type: "respond", status: 451 } });
    sim.rule({ id: "repeated", path: "/v1/instances/metrics", query: { name: "b" }, action: { type: "respond", status: 406 } });
    expect((await get("/v1/instances/wait?state=stopped&name=a")).status).toBe(410);
    expect((await get("/v1/instances/wait?state=running")).status).toBe(409);
    expect((await get("/v1/instances/wait?name=stopped")).status).toBe(409);
    expect((await get(`/v1/instances/${OTHER}/log`)).status).toBe(451);
    expect((await get("/v1/instances/metrics?name=a&name=b")).status).toBe(406);
    expect((await get(`/v1/instances/${OTHER}/log/extra`)).status).toBe(404); // a template matches whole segments only
    expect((await get("/v1/healthz")).status).toBe(200);
    expect(sim.journal().map((r) => r.ruleId)).toEqual(["stopped", "any-wait", "any-wait", "log-of-any", "repeated", undefined, undefined]);
  });

  it("transform rewrites the simulator's JSON answer", async () => {
    sim.rule({
      path: `/v1/instances/${UUID}`,
      action: {
        type: "transform",
        transform: (body, req) => {
          body.data.instances[0].state = "stopped";
          body.data.instances[0].seen_path = req.path;
        },
      },
    });
    const res = await get(`/v1/instances/${UUID}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data.instances[0]).toMatchObject({ uuid: UUID, state: "stopped", seen_path: `/v1/instances/${UUID}` });
    expect(body.data.instances[0].image).toBe("nginx:latest"); // the rest is the simulator's instance
    expect(sim.journal()[0]?.forwarded).toBe(true);
    // The simulator's state is untouched: forward() hands out a copy.
    expect(sim.state().instances?.[0]).toMatchObject({ uuid: UUID, state: "running" });
  });

  it("handle computes answers, optionally from the simulator's real answer", async () => {
    sim.seed({ instances: [{ name: "second", state: "stopped" }] });
    sim.rule({
      path: "/v1/instances",
      method: "GET",
      action: {
        type: "handle",
        handler: async (req, forward) => {
          const real = await forward();
          const body = real.body as { data: { instances: unknown[] } };
          return {
            status: 200,
            headers: { "x-count": String(body.data.instances.length), "x-sim-status": String(real.status), "x-sim-type": real.headers["content-type"] ?? "" },
            body: { status: "success", data: { instances: body.data.instances.slice(0, 1) }, query: req.query.get("count") },
          };
        },
      },
    });
    sim.rule({
      path: "/v1/instances",
      method: "POST",
      action: { type: "handle", handler: (req) => ({ status: 201, body: { echoed: req.body, auth: req.headers.authorization } }) },
    });
    const res = await get("/v1/instances?count=5");
    expect(res.headers.get("x-count")).toBe("2");
    expect(res.headers.get("x-sim-status")).toBe("200");
    expect(res.headers.get("x-sim-type")).toBe("application/json");
    const body = await res.json();
    expect(body.data.instances).toHaveLength(1);
    expect(body.query).toBe("5");

    const created = await send("POST", "/v1/instances", { image: "nginx:latest" });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ echoed: { image: "nginx:latest" }, auth: "Bearer ***" });
    expect(sim.journal().map((r) => [r.forwarded, r.status])).toEqual([
      [true, 200],
      [false, 201],
    ]);
    expect(sim.state().instances).toHaveLength(2); // the POST never reached the platform
  });

  it("a throwing handler answers 500 with its message", async () => {
    sim.rule({
      id: "boom-rule",
      path: "/v1/healthz",
      action: {
        type: "handle",
        handler: () => {
          throw new Error("boom");
        },
      },
    });
    const res = await get("/v1/healthz");
    expect(res.status).toBe(500);
    expect((await res.json()).message).toBe("simulator rule 'boom-rule': boom");
  });

  it("reset() and clearFaults() drop the rules; reset() also the journal", async () => {
    sim.rule({ path: "/v1/healthz", action: { type: "respond", status: 503 } });
    expect((await get("/v1/healthz")).status).toBe(503);
    sim.reset();
    expect(sim.journal()).toHaveLength(0);
    expect((await get("/v1/healthz")).status).toBe(200);
    expect(sim.journal()).toHaveLength(1);
    sim.rule({ path: "/v1/healthz", action: { type: "respond", status: 503 } });
    expect((await get("/v1/healthz")).status).toBe(503);
    sim.clearFaults();
    expect((await get("/v1/healthz")).status).toBe(200);
  });
});

describe("rules in front of the serialisable faults", () => {
  it("a rule acts before the faults; forward() and transform see the simulator's faults", async () => {
    sim.fault({ path: "/v1/instances/{uuid}", times: 1, action: { type: "status", status: 503, retryAfterS: 1 } });
    const seen: number[] = [];
    sim.rule({ path: "/v1/instances/{uuid}", times: 2, action: { type: "transform", transform: (body, _req, res) => void seen.push(res.status) } });
    const first = await get(`/v1/instances/${UUID}`);
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("1");
    expect((await first.json()).message).toBe("Injected failure");
    expect((await get(`/v1/instances/${UUID}`)).status).toBe(200);
    expect(seen).toEqual([503, 200]);
  });

  it("a reset fault under a forwarding rule resets the connection", async () => {
    sim.fault({ path: "/v1/healthz", action: { type: "reset" } });
    const rule = sim.rule({ path: "/v1/healthz", times: 1, action: { type: "handle", handler: async (_req, forward) => forward() } });
    await expect(get("/v1/healthz")).rejects.toThrow(TypeError);
    expect(rule.hits).toBe(1);
    expect(sim.journal()[0]).toMatchObject({ ruleId: rule.id, forwarded: true, status: -1 });
  });

  it("the serialisable faults over /_sim/faults still work next to rules", async () => {
    const armed = await (await fetch(`${sim.url}/_sim/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ path: "/v1/healthz", action: { type: "status", status: 429 } }) })).json();
    expect(armed.data.id).toEqual(expect.any(Number));
    expect((await get("/v1/healthz")).status).toBe(429);
    expect((await get("/v1/healthz")).status).toBe(200);
    // Control requests are not scripted and not journaled.
    sim.rule({ path: /^\/_sim\//, action: { type: "respond", status: 418 } });
    expect((await fetch(`${sim.url}/_sim/journal`)).status).toBe(200);
    expect(sim.journal().map((r) => r.path)).toEqual(["/v1/healthz", "/v1/healthz"]);
  });
});

describe("stop", () => {
  it("closes the server, ends pending delayed requests and is safe to call twice", async () => {
    const own = await startSimulator();
    expect((await fetch(`${own.url}/v1/healthz`, { headers: AUTH })).status).toBe(200);
    own.rule({ path: "/v1/healthz", delayMs: 60_000, action: { type: "forward" } });
    const pending = fetch(`${own.url}/v1/healthz`, { headers: AUTH });
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await own.stop();
    expect(Date.now() - t0).toBeLessThan(2000);
    await expect(pending).rejects.toThrow(TypeError);
    await expect(fetch(`${own.url}/v1/healthz`, { headers: AUTH })).rejects.toThrow(TypeError);
    await own.stop();
  });
});
