// The fault proxy over real HTTP, in front of the Prism mock of spec/openapi.yaml (global setup).
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import {
  echoBatch,
  failItems,
  scriptedLogs,
  startFaultProxy,
  stateSequence,
  syntheticUuid,
  type FaultProxy,
} from "./index";

const UUID = "123e4567-e89b-12d3-a456-426614174000";
const OTHER = "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13";
const AUTH = { authorization: "Bearer secret-token-123" };

let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy({ target: inject("prismUrl") });
});
afterEach(() => proxy.reset());
afterAll(() => proxy.stop());

function get(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(proxy.url + path, { ...init, headers: { ...AUTH, ...(init.headers as Record<string, string>) } });
}

function send(method: string, path: string, body: unknown): Promise<Response> {
  return fetch(proxy.url + path, {
    method,
    headers: { ...AUTH, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("forwarding and recording", () => {
  it("forwards unmatched requests to Prism unchanged and records them", async () => {
    const res = await get(`/v1/instances/${UUID}/wait?state=running&timeout_ms=1000`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const body = await res.json();
    // Prism's example of waitInstance.
    expect(body).toEqual({
      status: "success",
      data: { instances: [{ uuid: UUID, name: "funky-town-g756b5d", state: "running" }] },
      op_time_us: 450,
    });
    expect(proxy.requests).toHaveLength(1);
    const [rec] = proxy.requests;
    expect(rec).toMatchObject({ method: "GET", path: `/v1/instances/${UUID}/wait`, forwarded: true, body: undefined });
    expect(rec?.ruleId).toBeUndefined();
    expect(rec?.query.get("state")).toBe("running");
    expect(rec?.query.get("timeout_ms")).toBe("1000");
    expect(typeof rec?.at).toBe("number");
  });

  it("redacts the authorization header in recorded requests (but forwards the real one)", async () => {
    const res = await get("/v1/users/quotas");
    expect(res.status).toBe(200); // Prism accepted the forwarded token
    const rec = proxy.requests[0];
    expect(rec?.headers.authorization).toBe("Bearer ***");
    expect(JSON.stringify(proxy.requests)).not.toContain("secret-token-123");
  });

  it("passes Prism's own errors through (401 without a token)", async () => {
    const res = await fetch(`${proxy.url}/v1/instances`);
    expect(res.status).toBe(401);
    expect(proxy.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("records parsed JSON bodies in arrival order", async () => {
    await send("PUT", "/v1/instances/start", [{ name: "a" }]);
    await get("/v1/healthz");
    expect(proxy.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["PUT /v1/instances/start", "GET /v1/healthz"]);
    expect(proxy.requests[0]?.body).toEqual([{ name: "a" }]);
    expect(proxy.requests[0]?.headers["content-type"]).toBe("application/json");
    // A body-less PUT is forwarded too (Prism's example of startInstance).
    const started = await fetch(`${proxy.url}/v1/instances/${UUID}/start`, { method: "PUT", headers: AUTH });
    expect(started.status).toBe(200);
    expect((await started.json()).status).toBe("success");
    expect(proxy.requests[2]?.body).toBeUndefined();
  });
});

describe("actions", () => {
  it("reset destroys the connection without an answer", async () => {
    const rule = proxy.rule({ path: "/v1/instances", times: 1, action: { type: "reset" } });
    await expect(get("/v1/instances")).rejects.toThrow(TypeError);
    expect(proxy.requests[0]).toMatchObject({ ruleId: rule.id, forwarded: false });
    // times: 1 — the retry reaches Prism.
    const res = await get("/v1/instances");
    expect(res.status).toBe(200);
    expect(rule.hits).toBe(1);
  });

  it("respond answers 429 with Retry-After and a JSON body", async () => {
    proxy.rule({
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
    expect(proxy.requests[0]?.forwarded).toBe(false);
  });

  it("respond sends a string body as is (e.g. a proxy's HTML page)", async () => {
    proxy.rule({
      path: "/v1/instances",
      action: { type: "respond", status: 502, headers: { "content-type": "text/html" }, body: "<h1>Bad gateway</h1>" },
    });
    const res = await get("/v1/instances");
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toBe("text/html");
    expect(await res.text()).toBe("<h1>Bad gateway</h1>");
  });

  it("delayMs holds the answer back, long enough for a client timeout", async () => {
    proxy.rule({ path: "/v1/healthz", delayMs: 300, action: { type: "forward" } });
    const t0 = Date.now();
    const res = await get("/v1/healthz");
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);

    await expect(get("/v1/healthz", { signal: AbortSignal.timeout(50) })).rejects.toThrow(/timeout|aborted/i);
    // The proxy keeps serving after the client gave up.
    proxy.reset();
    expect((await get("/v1/healthz")).status).toBe(200);
  });

  it("times limits a rule, hits counts, remove() drops it", async () => {
    const unavailable = proxy.rule({
      path: "/v1/instances",
      times: 2,
      action: { type: "respond", status: 503, headers: { "retry-after": "0" }, body: { status: "error" } },
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get("/v1/instances")).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(unavailable.hits).toBe(2);
    expect(proxy.requests.map((r) => r.forwarded)).toEqual([false, false, true]);

    const counter = proxy.rule({ path: "/v1/instances", action: { type: "forward" } });
    await get("/v1/instances");
    expect(counter.hits).toBe(1);
    counter.remove();
    await get("/v1/instances");
    expect(counter.hits).toBe(1);
    expect(proxy.requests.at(-1)?.ruleId).toBeUndefined();
  });

  it("applies the first matching rule in order, by method, regex path and query", async () => {
    proxy.rule({ id: "post-only", method: "POST", path: /^\/v1\/instances/, action: { type: "respond", status: 418 } });
    proxy.rule({ id: "stopped", path: /\/wait$/, query: { state: "stopped" }, action: { type: "respond", status: 410 } });
    proxy.rule({ id: "any-wait", path: /\/wait$/, action: { type: "respond", status: 409 } });
    proxy.rule({ id: "never", path: /\/wait$/, action: { type: "respond", status: 400 } });
    expect((await get("/v1/instances/wait?state=stopped&name=a")).status).toBe(410);
    expect((await get("/v1/instances/wait?state=running")).status).toBe(409);
    expect((await get("/v1/instances/wait?name=stopped")).status).toBe(409);
    expect((await get("/v1/healthz")).status).toBe(200);
    expect(proxy.requests.map((r) => r.ruleId)).toEqual(["stopped", "any-wait", "any-wait", undefined]);
  });

  it("transform rewrites Prism's JSON answer", async () => {
    proxy.rule({
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
    expect(body.data.instances[0].image).toBe("nginx:latest"); // the rest is Prism's example
    expect(proxy.requests[0]?.forwarded).toBe(true);
  });

  it("handle computes answers, optionally from Prism's real answer", async () => {
    proxy.rule({
      path: "/v1/instances",
      method: "GET",
      action: {
        type: "handle",
        handler: async (req, forward) => {
          const real = await forward();
          const body = real.body as { data: { instances: unknown[] } };
          return {
            status: 200,
            headers: { "x-count": String(body.data.instances.length), "x-prism-status": String(real.status) },
            body: { status: "success", data: { instances: body.data.instances.slice(0, 1) }, query: req.query.get("count") },
          };
        },
      },
    });
    proxy.rule({
      path: "/v1/instances",
      method: "POST",
      action: { type: "handle", handler: (req) => ({ status: 201, body: { echoed: req.body } }) },
    });
    const res = await get("/v1/instances?count=5");
    expect(res.headers.get("x-count")).toBe("2");
    expect(res.headers.get("x-prism-status")).toBe("200");
    const body = await res.json();
    expect(body.data.instances).toHaveLength(1);
    expect(body.query).toBe("5");

    const created = await send("POST", "/v1/instances", { image: "nginx:latest" });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ echoed: { image: "nginx:latest" } });
    expect(proxy.requests.map((r) => r.forwarded)).toEqual([true, false]);
  });

  it("a throwing handler answers 500 with its message", async () => {
    proxy.rule({
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
    expect((await res.json()).message).toBe("fault proxy: boom");
  });

  it("reset() drops rules and recorded requests", async () => {
    proxy.rule({ path: "/v1/healthz", action: { type: "respond", status: 503 } });
    expect((await get("/v1/healthz")).status).toBe(503);
    proxy.reset();
    expect(proxy.requests).toHaveLength(0);
    expect((await get("/v1/healthz")).status).toBe(200);
    expect(proxy.requests).toHaveLength(1);
  });
});

describe("stateSequence", () => {
  it("walks through the states; a wait for another state answers the API's timeout", async () => {
    proxy.rule(stateSequence({ path: /^\/v1\/instances\/[^/]+\/wait$/, states: ["starting", "starting", "running"] }));
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const res = await get(`/v1/instances/${OTHER}/wait?state=running&timeout_ms=100`);
      expect(res.status).toBe(200);
      answers.push(await res.json());
    }
    expect(answers[0]).toEqual({
      status: "error",
      message: "Operation timed out",
      data: {
        instances: [
          { status: "error", uuid: OTHER, name: "funky-town-g756b5d", state: "starting", message: "Operation timed out", error: 12 },
        ],
      },
      op_time_us: 1,
    });
    expect(answers[1].status).toBe("error");
    expect(answers[2]).toEqual({
      status: "success",
      data: { instances: [{ status: "success", uuid: OTHER, name: "funky-town-g756b5d", state: "running" }] },
      op_time_us: 1,
    });
    expect(answers[3].data.instances[0].state).toBe("running"); // the last state repeats
  });

  it("answers get requests (no state asked) with success, and batch waits per reference", async () => {
    proxy.rule(stateSequence({ path: `/v1/instances/${UUID}`, states: ["stopped", "starting"], name: "web" }));
    proxy.rule(stateSequence({ path: "/v1/instances/wait", states: ["stopping"], timeoutMessage: true }));
    const one = await (await get(`/v1/instances/${UUID}`)).json();
    const two = await (await get(`/v1/instances/${UUID}`)).json();
    expect(one.data.instances).toEqual([{ status: "success", uuid: UUID, name: "web", state: "stopped" }]);
    expect(two.data.instances[0].state).toBe("starting");

    const batch = await (await get("/v1/instances/wait?name=a&name=b&state=stopped")).json();
    expect(batch.status).toBe("error");
    expect(batch.data.instances.map((i: { name: string; state: string; error: number }) => [i.name, i.state, i.error])).toEqual([
      ["a", "stopping", 12],
      ["b", "stopping", 12],
    ]);
    expect(batch.data.instances[0].uuid).toBe(syntheticUuid(0));
  });

  it("timeoutMessage: false answers the current state as success", async () => {
    proxy.rule(stateSequence({ path: "/v1/instances/wait", states: ["starting"], timeoutMessage: false, uuid: OTHER }));
    const body = await (await get("/v1/instances/wait?name=x&state=running")).json();
    expect(body.status).toBe("success");
    expect(body.data.instances[0]).toEqual({ status: "success", uuid: OTHER, name: "x", state: "starting" });
  });
});

describe("stateSequence at the batch wait endpoint, by UUID", () => {
  it("a wait naming one UUID in the query (`uuid=`, as the SDK sends it) answers for that UUID", async () => {
    proxy.rule(stateSequence({ path: "/v1/instances/wait", states: ["starting", "running"] }));
    const first = await (await get(`/v1/instances/wait?uuid=${OTHER}&state=running&timeout_ms=100`)).json();
    expect(first).toEqual({
      status: "error",
      message: "Operation timed out",
      data: {
        instances: [
          { status: "error", uuid: OTHER, name: "funky-town-g756b5d", state: "starting", message: "Operation timed out", error: 12 },
        ],
      },
      op_time_us: 1,
    });
    const second = await (await get(`/v1/instances/wait?uuid=${OTHER}&state=running&timeout_ms=100`)).json();
    expect(second).toEqual({
      status: "success",
      data: { instances: [{ status: "success", uuid: OTHER, name: "funky-town-g756b5d", state: "running" }] },
      op_time_us: 1,
    });
    expect(proxy.requests.map((r) => r.query.getAll("uuid"))).toEqual([[OTHER], [OTHER]]);
  });
});

describe("scriptedLogs", () => {
  const decode = (entry: { output: string }) => Buffer.from(entry.output, "base64").toString("utf8");
  const logs = async (query: string) => {
    const body = await (await get(`/v1/instances/${UUID}/log${query}`)).json();
    expect(body.status).toBe("success");
    return body.data.instances[0];
  };

  it("serves bytes by offset and limit, growing between polls", async () => {
    let text = "hello\nworld\n";
    let state = "running";
    proxy.rule(
      scriptedLogs({
        path: /^\/v1\/instances\/[^/]+\/log$/,
        produced: () => new TextEncoder().encode(text),
        state: () => state,
      }),
    );
    const first = await logs("?offset=0&limit=6");
    expect(first).toMatchObject({
      status: "success",
      uuid: UUID,
      name: "funky-town-g756b5d",
      available: { start: 0, end: 12 },
      range: { start: 0, end: 6 },
      state: "running",
    });
    expect(decode(first)).toBe("hello\n");

    const rest = await logs(`?offset=${first.range.end}`);
    expect(decode(rest)).toBe("world\n");
    expect(rest.range).toEqual({ start: 6, end: 12 });

    const nothing = await logs("?offset=12");
    expect(nothing.output).toBe("");
    expect(nothing.range).toEqual({ start: 12, end: 12 });

    text += "bye\n";
    state = "stopped";
    const more = await logs("?offset=12");
    expect(decode(more)).toBe("bye\n");
    expect(more).toMatchObject({ range: { start: 12, end: 16 }, available: { start: 0, end: 16 }, state: "stopped" });
  });

  it("negative offsets count from the end", async () => {
    proxy.rule(scriptedLogs({ path: /\/log$/, produced: () => new TextEncoder().encode("0123456789") }));
    const tail = await logs("?offset=-4");
    expect(decode(tail)).toBe("6789");
    expect(tail.range).toEqual({ start: 6, end: 10 });
    const limited = await logs("?offset=-4&limit=2");
    expect(decode(limited)).toBe("67");
    expect(limited.range).toEqual({ start: 6, end: 8 });
    const beyond = await logs("?offset=-100");
    expect(beyond.range).toEqual({ start: 0, end: 10 });
  });

  it("dropBefore moves available.start and clamps older offsets", async () => {
    proxy.rule(
      scriptedLogs({ path: /\/log$/, produced: () => new TextEncoder().encode("0123456789"), dropBefore: () => 5 }),
    );
    const old = await logs("?offset=2");
    expect(old.available).toEqual({ start: 5, end: 10 });
    expect(old.range).toEqual({ start: 5, end: 10 });
    expect(decode(old)).toBe("56789");
    expect((await logs("?offset=-8")).range).toEqual({ start: 5, end: 10 });
  });

  it("caps an answer at maxBytes (16383 by default) and can answer 0..0 past the end", async () => {
    const big = new Uint8Array(20_000).fill(97);
    proxy.rule(scriptedLogs({ path: `/v1/instances/${UUID}/log`, produced: () => big, zeroPastEnd: true }));
    const page = await logs("?offset=0&limit=50000");
    expect(page.range).toEqual({ start: 0, end: 16383 });
    expect(Buffer.from(page.output, "base64")).toHaveLength(16383);
    const next = await logs(`?offset=${page.range.end}`);
    expect(next.range).toEqual({ start: 16383, end: 20_000 });
    const past = await logs("?offset=25000");
    expect(past).toMatchObject({ output: "", available: { start: 0, end: 0 }, range: { start: 0, end: 0 } });

    proxy.reset();
    proxy.rule(scriptedLogs({ path: "/v1/instances/log", produced: () => big, maxBytes: 100, name: "app" }));
    const batch = await (await get("/v1/instances/log?name=app&offset=-500")).json();
    expect(batch.data.instances[0]).toMatchObject({ name: "app", uuid: UUID, range: { start: 19_500, end: 19_600 } });
  });
});

describe("scriptedLogs at the batch log endpoint, keyed by the query", () => {
  it("a read naming one UUID (`uuid=`, as the SDK sends it) answers for that UUID, honouring offset and limit", async () => {
    proxy.rule(scriptedLogs({ path: "/v1/instances/log", produced: () => new TextEncoder().encode("0123456789"), state: () => "stopped" }));
    const body = await (await get(`/v1/instances/log?uuid=${OTHER}&offset=2&limit=3`)).json();
    expect(body.status).toBe("success");
    expect(body.data.instances).toHaveLength(1);
    expect(body.data.instances[0]).toMatchObject({
      status: "success",
      uuid: OTHER,
      name: "funky-town-g756b5d",
      available: { start: 0, end: 10 },
      range: { start: 2, end: 5 },
      state: "stopped",
    });
    expect(Buffer.from(body.data.instances[0].output, "base64").toString("utf8")).toBe("234");
    const byName = await (await get("/v1/instances/log?name=app&offset=-2")).json();
    expect(byName.data.instances[0]).toMatchObject({ name: "app", uuid: UUID, range: { start: 8, end: 10 } });
  });
});

describe("batch rewrites", () => {
  it("failItems fails chosen items by name as a partial failure with HTTP 200", async () => {
    const rule = proxy.rule(failItems({ path: "/v1/instances/start", method: "PUT", failNames: ["missing"] }));
    const res = await send("PUT", "/v1/instances/start", [{ name: "web" }, { name: "missing" }, { uuid: OTHER }]);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("error");
    expect(body.op_time_us).toBe(256); // the rest of Prism's envelope is kept
    expect(body.data.instances).toEqual([
      { status: "success", uuid: syntheticUuid(0), name: "web", state: "starting", previous_state: "stopped" },
      { status: "error", name: "missing", message: "No instance with name 'missing'", error: 8 },
      { status: "success", uuid: OTHER, name: "instance-6f3c1b52", state: "starting", previous_state: "stopped" },
    ]);
    expect(rule.hits).toBe(1);
    expect(proxy.requests[0]?.forwarded).toBe(true);
  });

  it("failItems by index with a custom code and message", async () => {
    proxy.rule(
      failItems({
        path: "/v1/instances",
        method: "DELETE",
        failIndexes: [0],
        error: 14,
        message: () => "Deletion protection enabled",
        envelopeStatus: "partial_success",
      }),
    );
    const body = await (await send("DELETE", "/v1/instances", [{ uuid: UUID }, { name: "b" }])).json();
    expect(body.status).toBe("partial_success");
    expect(body.data.instances[0]).toEqual({ status: "error", uuid: UUID, message: "Deletion protection enabled", error: 14 });
    expect(body.data.instances[1]).toMatchObject({ status: "success", name: "b", uuid: syntheticUuid(1) });
  });

  it("failItems on a GET batch takes the references from the query", async () => {
    proxy.rule(failItems({ path: "/v1/instances/metrics", failNames: ["gone"] }));
    const body = await (await get("/v1/instances/metrics?name=ok&name=gone")).json();
    expect(body.data.instances.map((i: { name: string; status: string }) => [i.name, i.status])).toEqual([
      ["ok", "success"],
      ["gone", "error"],
    ]);
    expect(body.data.instances[0].rss_bytes).toBe(56777655);
  });

  it("echoBatch answers one entry per request item, echoing ids, without failures", async () => {
    proxy.rule(echoBatch({ path: "/v1/instances", method: "PATCH" }));
    const items = [
      { name: "a", prop: "memory_mb", op: "set", value: 256, id: "op-1" },
      { uuid: OTHER, prop: "tags", op: "add", value: ["x"], id: "op-2" },
      { name: "c", prop: "vcpus", op: "set", value: 2, id: "op-3" },
    ];
    const res = await send("PATCH", "/v1/instances", items);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("success");
    expect(body.data.instances).toEqual([
      { status: "success", uuid: syntheticUuid(0), name: "a", id: "op-1" },
      { status: "success", uuid: OTHER, name: "instance-6f3c1b52", id: "op-2" },
      { status: "success", uuid: syntheticUuid(2), name: "c", id: "op-3" },
    ]);
  });

  it("a by-UUID PUT whose JSON body carries only options takes its reference from the path", async () => {
    proxy.rule(failItems({ path: /^\/v1\/instances\/[^/]+\/stop$/, method: "PUT", failIndexes: [0] }));
    const res = await send("PUT", `/v1/instances/${OTHER}/stop`, { force: true });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data.instances).toEqual([{ status: "error", uuid: OTHER, message: `No instance with UUID '${OTHER}'`, error: 8 }]);
    expect(proxy.requests[0]).toMatchObject({ path: `/v1/instances/${OTHER}/stop`, body: { force: true }, forwarded: true });
  });

  it("leaves Prism's rejections alone (an invalid body)", async () => {
    proxy.rule(echoBatch({ path: "/v1/instances/start" }));
    const invalid = { not: "an array" };
    const direct = await fetch(`${inject("prismUrl")}/v1/instances/start`, {
      method: "PUT",
      headers: { ...AUTH, "content-type": "application/json" },
      body: JSON.stringify(invalid),
    });
    const res = await send("PUT", "/v1/instances/start", invalid);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBe(direct.status);
    expect(await res.json()).toEqual(await direct.json());
  });
});

describe("stop", () => {
  it("closes the server, ends pending delayed requests and is safe to call twice", async () => {
    const own = await startFaultProxy({ target: inject("prismUrl") });
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
