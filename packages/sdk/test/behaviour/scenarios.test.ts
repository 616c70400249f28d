// The scenario builders of the behaviour tests (scenarios.ts) over real HTTP, against the
// simulator: scripted states, scripted log bytes, and batch rewrites of the simulator's answers.
import { describe, expect, it } from "vitest";
import { echoBatch, failItems, scriptedLogs, stateSequence, syntheticUuid } from "./scenarios";
import { sim, useSimulator } from "./support";
import { httpTo } from "../../../mock/test/http";

const UUID = "123e4567-e89b-12d3-a456-426614174000";
const OTHER = "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13";
const AUTH = { authorization: "Bearer secret-token-123" };

useSimulator();

const { get, send } = httpTo(() => sim.url, AUTH);

describe("stateSequence", () => {
  it("walks through the states; a wait for another state answers the API's timeout", async () => {
    sim.rule(stateSequence({ path: /^\/v1\/instances\/[^/]+\/wait$/, states: ["starting", "starting", "running"] }));
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
    sim.rule(stateSequence({ path: `/v1/instances/${UUID}`, states: ["stopped", "starting"], name: "web" }));
    sim.rule(stateSequence({ path: "/v1/instances/wait", states: ["stopping"], timeoutMessage: true }));
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
    sim.rule(stateSequence({ path: "/v1/instances/wait", states: ["starting"], timeoutMessage: false, uuid: OTHER }));
    const body = await (await get("/v1/instances/wait?name=x&state=running")).json();
    expect(body.status).toBe("success");
    expect(body.data.instances[0]).toEqual({ status: "success", uuid: OTHER, name: "x", state: "starting" });
  });
});

describe("stateSequence at the batch wait endpoint, by UUID", () => {
  it("a wait naming one UUID in the query (`uuid=`, as the SDK sends it) answers for that UUID", async () => {
    sim.rule(stateSequence({ path: "/v1/instances/wait", states: ["starting", "running"] }));
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
    expect(sim.requests.map((r) => r.query.getAll("uuid"))).toEqual([[OTHER], [OTHER]]);
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
    sim.rule(
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
    sim.rule(scriptedLogs({ path: /\/log$/, produced: () => new TextEncoder().encode("0123456789") }));
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
    sim.rule(
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
    sim.rule(scriptedLogs({ path: `/v1/instances/${UUID}/log`, produced: () => big, zeroPastEnd: true }));
    const page = await logs("?offset=0&limit=50000");
    expect(page.range).toEqual({ start: 0, end: 16383 });
    expect(Buffer.from(page.output, "base64")).toHaveLength(16383);
    const next = await logs(`?offset=${page.range.end}`);
    expect(next.range).toEqual({ start: 16383, end: 20_000 });
    const past = await logs("?offset=25000");
    expect(past).toMatchObject({ output: "", available: { start: 0, end: 0 }, range: { start: 0, end: 0 } });

    sim.reset();
    sim.rule(scriptedLogs({ path: "/v1/instances/log", produced: () => big, maxBytes: 100, name: "app" }));
    const batch = await (await get("/v1/instances/log?name=app&offset=-500")).json();
    expect(batch.data.instances[0]).toMatchObject({ name: "app", uuid: UUID, range: { start: 19_500, end: 19_600 } });
  });
});

describe("scriptedLogs at the batch log endpoint, keyed by the query", () => {
  it("a read naming one UUID (`uuid=`, as the SDK sends it) answers for that UUID, honouring offset and limit", async () => {
    sim.rule(scriptedLogs({ path: "/v1/instances/log", produced: () => new TextEncoder().encode("0123456789"), state: () => "stopped" }));
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
    // web and OTHER exist, stopped: the simulator starts them, and its first entry is the template.
    sim.seed({ instances: [{ name: "web", state: "stopped" }, { uuid: OTHER, name: "other", state: "stopped" }] });
    const rule = sim.rule(failItems({ path: "/v1/instances/start", method: "PUT", failNames: ["missing"] }));
    const res = await send("PUT", "/v1/instances/start", [{ name: "web" }, { name: "missing" }, { uuid: OTHER }]);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("error");
    expect(body.op_time_us).toEqual(expect.any(Number)); // the rest of the simulator's envelope is kept
    expect(body.data.instances).toEqual([
      { status: "success", uuid: syntheticUuid(0), name: "web", state: "starting", previous_state: "stopped" },
      { status: "error", name: "missing", message: "No instance with name 'missing'", error: 8 },
      { status: "success", uuid: OTHER, name: "instance-6f3c1b52", state: "starting", previous_state: "stopped" },
    ]);
    expect(rule.hits).toBe(1);
    expect(sim.requests[0]?.forwarded).toBe(true);
  });

  it("failItems by index with a custom code and message", async () => {
    sim.rule(
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
    sim.seed({ instances: [{ name: "ok", state: "running", memory_mb: 128 }] });
    sim.rule(failItems({ path: "/v1/instances/metrics", failNames: ["gone"] }));
    const body = await (await get("/v1/instances/metrics?name=ok&name=gone")).json();
    expect(body.data.instances.map((i: { name: string; status: string }) => [i.name, i.status])).toEqual([
      ["ok", "success"],
      ["gone", "error"],
    ]);
    // The rest of the entry is the simulator's metrics of 'ok' (128 MiB, running: 30 % resident and more).
    expect(body.data.instances[0].rss_bytes).toBeGreaterThanOrEqual(Math.floor(128 * 1048576 * 0.3));
  });

  it("echoBatch answers one entry per request item, echoing ids, without failures", async () => {
    sim.rule(echoBatch({ path: "/v1/instances", method: "PATCH" }));
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
    sim.rule(failItems({ path: /^\/v1\/instances\/[^/]+\/stop$/, method: "PUT", failIndexes: [0] }));
    const res = await send("PUT", `/v1/instances/${OTHER}/stop`, { force: true });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data.instances).toEqual([{ status: "error", uuid: OTHER, message: `No instance with UUID '${OTHER}'`, error: 8 }]);
    expect(sim.requests[0]).toMatchObject({ path: `/v1/instances/${OTHER}/stop`, body: { force: true }, forwarded: true });
  });

  it("leaves the simulator's rejections alone (a body that is not JSON)", async () => {
    const invalid = "[{ not json";
    const direct = await send("PUT", "/v1/instances/start", invalid);
    const rule = sim.rule(echoBatch({ path: "/v1/instances/start" }));
    const res = await send("PUT", "/v1/instances/start", invalid);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBe(direct.status);
    const { op_time_us: _a, ...expected } = await direct.json();
    const { op_time_us: _b, ...got } = await res.json();
    expect(got).toEqual(expected);
    expect(got.status).toBe("error");
    expect(sim.requests.map((r) => [r.ruleId, r.forwarded, r.body])).toEqual([
      [undefined, true, invalid],
      [rule.id, true, invalid],
    ]);
  });
});

