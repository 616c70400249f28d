// Contract tests of ukc.instances against the Prism mock of spec/openapi.yaml.
import { describe, expect, test } from "vitest";
import { add, APIError, BatchError } from "../../src/index";
import { collect, coverage, ERROR_CASES, ex, expectHttpError, expectValid, mockClient, only, rejection, rejectsOffline, surface } from "./support";

const covered = ["create", "get", "list", "update", "delete", "start", "stop", "suspend", "wait", "waitUntil", "logs", "tail", "follow", "metrics", "history"] as const;
const { method, check } = coverage("instances", () => surface().instances, covered);

/** The decoded log example of the spec (GET /v1/instances/log): the whole log, 298 bytes. */
const FIRST_LINE = "Powered by Unikraft Telesto (0.16.3~b1fa7c3)\n";
const LAST_LINES =
  "2023/10/01 12:00:00 [notice] 1#0: start worker processes\n" +
  '10.0.0.1 - - [01/Oct/2023:12:00:05 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.4.0"\n';
const WHOLE_LOG =
  FIRST_LINE +
  '2023/10/01 12:00:00 [notice] 1#0: using the "epoll" event method\n' +
  "2023/10/01 12:00:00 [notice] 1#0: nginx/1.25.3\n" +
  LAST_LINES;

/** An `answer` of the mock: the API's answer to a read of the last 141 bytes (157..298) of that log. */
const lastBytesAnswer = (json: { data: { instances: Record<string, unknown>[] } }) => {
  Object.assign(json.data.instances[0]!, { output: Buffer.from(LAST_LINES).toString("base64"), range: { start: 157, end: 298 } });
  return json;
};

method("create", () => {
  test("POSTs one object and returns the created instance", async () => {
    const { ukc, sent, routes } = mockClient();
    const params = { image: "nginx:latest", name: ex.INSTANCE, memory_mb: 256, vcpus: 1, autostart: true, wait_timeout_ms: 2000 };
    const instance = await ukc.instances.create(params);
    expect(instance).toMatchObject({ uuid: ex.INSTANCE_UUID, name: ex.INSTANCE, state: "running", memory_mb: 256 });
    expect(instance.replicas).toBeUndefined();
    expect(routes()).toEqual(["POST /v1/instances"]);
    expect(sent[0]!.body).toEqual(params);
    expectValid(sent, 1);
  });

  test("an image is required: rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.instances.create({ image: "" }), "params.image");
  });

  test("409 becomes ConflictError", async () => {
    const { ukc } = mockClient();
    const c = ERROR_CASES.find((e) => e.code === 409)!;
    await expectHttpError((o) => ukc.instances.create({ image: "nginx:latest", name: ex.INSTANCE }, o), c.code, c.type, c.message);
  });
});

method("get", () => {
  test("by UUID uses GET /v1/instances/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const instance = await ukc.instances.get(ex.INSTANCE_UUID);
    expect(instance).toMatchObject({ uuid: ex.INSTANCE_UUID, name: ex.INSTANCE, state: "running", image: "nginx:latest" });
    expect(routes()).toEqual([`GET /v1/instances/${ex.INSTANCE_UUID}`]);
    expectValid(sent, 1);
  });

  test("by name filters the listing", async () => {
    const { ukc, sent, routes } = mockClient({}, only("instances", ex.HELLO));
    const instance = await ukc.instances.get(ex.HELLO, { details: true });
    expect(instance).toMatchObject({ uuid: ex.HELLO_UUID, state: "stopped", stop_reason: 3, exit_code: 0 });
    expect(routes()).toEqual(["GET /v1/instances"]);
    expect(sent[0]!.query.getAll("name")).toEqual([ex.HELLO]);
    expectValid(sent, 1);
  });

  test.each(ERROR_CASES)("HTTP $code becomes $type.name", async ({ code, type, message }) => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.instances.get(ex.INSTANCE_UUID, o), code, type, message);
  });
});

method("list", () => {
  test("pages with the inclusive from cursor", async () => {
    const { ukc, sent } = mockClient();
    const instances = await collect(ukc.instances.list({ pageSize: 2, tags: ["production"] }));
    expect(instances.map((i) => [i.name, i.state])).toEqual([
      [ex.INSTANCE, "running"],
      [ex.HELLO, "stopped"],
    ]);
    expect(sent.map((s) => [s.query.get("count"), s.query.get("from")])).toEqual([
      ["2", null],
      ["3", ex.HELLO_UUID],
    ]);
    expect(sent[0]!.query.getAll("tags")).toEqual(["production"]);
    expectValid(sent, 2);
  });
});

method("update", () => {
  test("one instance by UUID, one operation: PATCH /v1/instances/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const result = await ukc.instances.update(ex.INSTANCE_UUID, { memory_mb: 256 });
    expect(result).toMatchObject({ status: "success", uuid: ex.INSTANCE_UUID, id: "op-1" });
    expect(routes()).toEqual([`PATCH /v1/instances/${ex.INSTANCE_UUID}`]);
    expect(sent[0]!.body).toEqual({ prop: "memory_mb", op: "set", value: 256 });
    expectValid(sent, 1);
  });

  test("many instances in one request", async () => {
    const { ukc, sent, routes } = mockClient();
    const results = await ukc.instances.update([ex.INSTANCE, ex.HELLO_UUID], { tags: add(["production"]) });
    expect(results.map((r) => [r.uuid, r.id])).toEqual([
      [ex.INSTANCE_UUID, "op-1"],
      [ex.HELLO_UUID, "op-2"],
    ]);
    expect(routes()).toEqual(["PATCH /v1/instances"]);
    expect(sent[0]!.body).toEqual([
      { name: ex.INSTANCE, prop: "tags", op: "add", value: ["production"] },
      { uuid: ex.HELLO_UUID, prop: "tags", op: "add", value: ["production"] },
    ]);
    expectValid(sent, 1);
  });

  test("an unknown property is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.instances.update(ex.INSTANCE, { name: "x" } as never), "patch.name");
  });
});

method("delete", () => {
  test("one instance by UUID uses DELETE /v1/instances/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.instances.delete(ex.INSTANCE_UUID);
    expect(deleted).toMatchObject({ status: "success", name: ex.INSTANCE, previous_state: "running" });
    expect(routes()).toEqual([`DELETE /v1/instances/${ex.INSTANCE_UUID}`]);
    expectValid(sent, 1);
  });

  test("many instances in one request", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.instances.delete([ex.INSTANCE_UUID, ex.HELLO]);
    expect(deleted.map((d) => [d.name, d.previous_state])).toEqual([
      [ex.INSTANCE, "running"],
      [ex.HELLO, "stopped"],
    ]);
    expect(routes()).toEqual(["DELETE /v1/instances"]);
    expect(sent[0]!.body).toEqual([{ uuid: ex.INSTANCE_UUID }, { name: ex.HELLO }]);
    expectValid(sent, 1);
  });
});

method("start", () => {
  test("one instance by UUID uses PUT /v1/instances/{uuid}/start", async () => {
    const { ukc, sent, routes } = mockClient();
    const started = await ukc.instances.start(ex.INSTANCE_UUID);
    expect(started).toMatchObject({ uuid: ex.INSTANCE_UUID, state: "starting", previous_state: "stopped" });
    expect(routes()).toEqual([`PUT /v1/instances/${ex.INSTANCE_UUID}/start`]);
    // The by-UUID endpoint reads a JSON body: an empty object, nothing in the query.
    expect(sent[0]!.body).toEqual({});
    expect([...sent[0]!.query]).toEqual([]);
    expectValid(sent, 1);
  });

  test("many instances in one request", async () => {
    const { ukc, sent, routes } = mockClient();
    const started = await ukc.instances.start([ex.INSTANCE, ex.HELLO_UUID]);
    expect(started.map((s) => [s.name, s.state])).toEqual([
      [ex.INSTANCE, "starting"],
      [ex.HELLO, "running"],
    ]);
    expect(routes()).toEqual(["PUT /v1/instances/start"]);
    expect(sent[0]!.body).toEqual([{ name: ex.INSTANCE }, { uuid: ex.HELLO_UUID }]);
    expectValid(sent, 1);
  });
});

method("stop", () => {
  test("one instance by UUID: PUT /v1/instances/{uuid}/stop with force in the JSON body", async () => {
    const { ukc, sent, routes } = mockClient();
    const stopped = await ukc.instances.stop(ex.INSTANCE_UUID, { force: true });
    expect(stopped).toMatchObject({ uuid: ex.INSTANCE_UUID, state: "draining", previous_state: "running" });
    expect(routes()).toEqual([`PUT /v1/instances/${ex.INSTANCE_UUID}/stop`]);
    expect(sent[0]!.body).toEqual({ force: true });
    expect(sent[0]!.query.get("force")).toBeNull();
    expectValid(sent, 1);
  });

  test("one instance by UUID with a drain timeout: { drain_timeout_ms } in the body; no option: {}", async () => {
    const { ukc, sent } = mockClient();
    await ukc.instances.stop(ex.INSTANCE_UUID, { drainTimeoutMs: 250 });
    await ukc.instances.stop(ex.INSTANCE_UUID);
    expect(sent.map((s) => s.body)).toEqual([{ drain_timeout_ms: 250 }, {}]);
    expect(sent.map((s) => [...s.query])).toEqual([[], []]);
    expectValid(sent, 2);
  });

  test("many instances with a drain timeout in one request", async () => {
    const { ukc, sent, routes } = mockClient();
    const stopped = await ukc.instances.stop([ex.INSTANCE, ex.HELLO_UUID], { drainTimeoutMs: 250 });
    expect(stopped.map((s) => s.state)).toEqual(["draining", "stopping"]);
    expect(routes()).toEqual(["PUT /v1/instances/stop"]);
    expect(sent[0]!.body).toEqual([
      { name: ex.INSTANCE, drain_timeout_ms: 250 },
      { uuid: ex.HELLO_UUID, drain_timeout_ms: 250 },
    ]);
    expectValid(sent, 1);
  });

  test("force with a drain timeout is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.instances.stop(ex.INSTANCE, { force: true, drainTimeoutMs: 250 } as never), "drainTimeoutMs");
  });
});

method("suspend", () => {
  test("one instance by UUID: PUT /v1/instances/{uuid}/suspend with { drain_timeout_ms } in the JSON body", async () => {
    const { ukc, sent, routes } = mockClient();
    const suspended = await ukc.instances.suspend(ex.INSTANCE_UUID, { drainTimeoutMs: 250 });
    expect(suspended).toMatchObject({ status: "success", uuid: ex.INSTANCE_UUID, name: ex.INSTANCE, state: "standby", previous_state: "running" });
    expect(routes()).toEqual([`PUT /v1/instances/${ex.INSTANCE_UUID}/suspend`]);
    expect(sent[0]!.body).toEqual({ drain_timeout_ms: 250 });
    expect([...sent[0]!.query]).toEqual([]);
    expectValid(sent, 1);
  });

  test("without options the by-UUID body is {}", async () => {
    const { ukc, sent } = mockClient();
    expect((await ukc.instances.suspend({ uuid: ex.INSTANCE_UUID })).state).toBe("standby");
    expect(sent[0]!.body).toEqual({});
    expectValid(sent, 1);
  });

  test("many instances with a drain timeout in one request: PUT /v1/instances/suspend", async () => {
    const { ukc, sent, routes } = mockClient();
    const suspended = await ukc.instances.suspend([ex.INSTANCE, ex.HELLO_UUID], { drainTimeoutMs: 250 });
    expect(suspended.map((s) => [s.name, s.state, s.previous_state])).toEqual([
      [ex.INSTANCE, "standby", "running"],
      [ex.HELLO, "draining", "running"],
    ]);
    expect(routes()).toEqual(["PUT /v1/instances/suspend"]);
    expect(sent[0]!.body).toEqual([
      { name: ex.INSTANCE, drain_timeout_ms: 250 },
      { uuid: ex.HELLO_UUID, drain_timeout_ms: 250 },
    ]);
    expectValid(sent, 1);
  });

  test("one instance by name: the batch endpoint with one item", async () => {
    const { ukc, sent, routes } = mockClient({}, only("instances", ex.HELLO));
    const suspended = await ukc.instances.suspend(ex.HELLO);
    expect(suspended).toMatchObject({ uuid: ex.HELLO_UUID, state: "draining" });
    expect(routes()).toEqual(["PUT /v1/instances/suspend"]);
    expect(sent[0]!.body).toEqual([{ name: ex.HELLO }]);
    expectValid(sent, 1);
  });

  test("an instance missing from the answer is a BatchError; an item nobody asked for is a failure, not a success", async () => {
    // The second entry of the answer names another instance than the one asked for at its position.
    const OTHER_UUID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    const { ukc, sent } = mockClient({}, (json) => {
      Object.assign(json.data.instances[1], { uuid: OTHER_UUID, name: "someone-else" });
      return json;
    });
    const error = await rejection(ukc.instances.suspend([ex.INSTANCE, ex.HELLO_UUID]));
    expect(error).toBeInstanceOf(BatchError);
    const batch = error as BatchError<{ name?: string }, unknown>;
    expect(batch.succeeded.map((s) => s.name)).toEqual([ex.INSTANCE]);
    expect(batch.failed.map((f) => f.ref)).toEqual([ex.HELLO_UUID, { uuid: OTHER_UUID }]);
    expect(batch.failed[0]!.message).toContain("no result");
    expect(batch.failed[1]!.message).toContain(`uuid '${OTHER_UUID}', which was not asked for`);
    expectValid(sent, 1);
  });

  test("-1 (the longest drain the API allows) and 0 (no drain) are sent as given", async () => {
    const { ukc, sent } = mockClient();
    await ukc.instances.suspend(ex.INSTANCE_UUID, { drainTimeoutMs: -1 });
    await ukc.instances.suspend(ex.INSTANCE_UUID, { drainTimeoutMs: 0 });
    expect(sent.map((s) => s.body)).toEqual([{ drain_timeout_ms: -1 }, { drain_timeout_ms: 0 }]);
    expectValid(sent, 2);
  });

  test.each([-2, 1.5, "250"])("drain timeout %j is rejected before sending", async (drain) => {
    await rejectsOffline((ukc) => ukc.instances.suspend(ex.INSTANCE_UUID, { drainTimeoutMs: drain as number }), "drainTimeoutMs");
  });

  test("an invalid reference is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.instances.suspend(""), "refs");
    await rejectsOffline((ukc) => ukc.instances.suspend([ex.INSTANCE, "bad name!"]), "refs[1]");
    await rejectsOffline((ukc) => ukc.instances.suspend([]), "refs");
  });

  test.each(ERROR_CASES)("HTTP $code becomes $type.name", async ({ code, type, message }) => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.instances.suspend(ex.INSTANCE_UUID, o), code, type, message);
  });
});

method("wait", () => {
  test("one instance by UUID: GET /v1/instances/wait with uuid=, state and timeout_ms", async () => {
    const { ukc, sent, routes } = mockClient();
    const waited = await ukc.instances.wait(ex.INSTANCE_UUID, { state: "running", timeoutMs: 5_000 });
    expect(waited).toMatchObject({ uuid: ex.INSTANCE_UUID, name: ex.INSTANCE, state: "running" });
    expect(routes()).toEqual(["GET /v1/instances/wait"]);
    expect(sent[0]!.query.getAll("uuid")).toEqual([ex.INSTANCE_UUID]);
    expect(sent[0]!.query.get("name")).toBeNull();
    expect(sent[0]!.query.get("state")).toBe("running");
    expect(Number(sent[0]!.query.get("timeout_ms"))).toBeGreaterThan(0);
    expect(Number(sent[0]!.query.get("timeout_ms"))).toBeLessThanOrEqual(5_000);
    expectValid(sent, 1);
  });

  test("an answer that also lists an instance nobody waited for rejects, naming it, after one request", async () => {
    const withHello = (json: { data: { instances: object[] } }) => {
      json.data.instances.push({ uuid: ex.HELLO_UUID, name: ex.HELLO, state: "running" });
      return json;
    };
    const { ukc, sent } = mockClient({}, withHello);
    const error = await rejection(ukc.instances.wait(ex.INSTANCE_UUID, { state: "running", timeoutMs: 5_000 }));
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message).toContain(`uuid '${ex.HELLO_UUID}', which was not asked for`);
    expectValid(sent, 1);
  });

  test("many instances in one request", async () => {
    const withHello = (json: { data: { instances: object[] } }) => {
      json.data.instances.push({ uuid: ex.HELLO_UUID, name: ex.HELLO, state: "running" });
      return json;
    };
    const { ukc, sent, routes } = mockClient({}, withHello);
    const waited = await ukc.instances.wait([ex.INSTANCE, ex.HELLO], { timeoutMs: 5_000 });
    expect(waited.map((w) => [w.name, w.state])).toEqual([
      [ex.INSTANCE, "running"],
      [ex.HELLO, "running"],
    ]);
    expect(routes()).toEqual(["GET /v1/instances/wait"]);
    expect(sent[0]!.query.getAll("name")).toEqual([ex.INSTANCE, ex.HELLO]);
    expectValid(sent, 1);
  });
});

method("waitUntil", () => {
  test("polls get() until a condition the server cannot wait for holds (net_time_us set)", async () => {
    const { ukc, sent, routes } = mockClient();
    const instance = await ukc.instances.waitUntil(ex.INSTANCE_UUID, (i) => i.net_time_us !== undefined);
    expect(instance).toMatchObject({ uuid: ex.INSTANCE_UUID, name: ex.INSTANCE, net_time_us: 11000 });
    expect(routes()).toEqual([`GET /v1/instances/${ex.INSTANCE_UUID}`]);
    expectValid(sent, 1);
  });

  test("or until the instance is in one of the given states, by name", async () => {
    const { ukc, sent } = mockClient({}, only("instances", ex.INSTANCE));
    expect((await ukc.instances.waitUntil(ex.INSTANCE, { state: ["starting", "running"] })).state).toBe("running");
    expectValid(sent, 1);
  });

  test("an unknown state or a bad reference is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.instances.waitUntil(ex.INSTANCE, { state: "up" as never }), "condition.state");
    await rejectsOffline((ukc) => ukc.instances.waitUntil("bad name!", { state: "running" }), "ref");
  });
});

method("logs", () => {
  test("by UUID: GET /v1/instances/log?uuid=…, decoded, with byte offsets", async () => {
    const { ukc, sent, routes } = mockClient();
    const read = await ukc.instances.logs(ex.INSTANCE_UUID);
    expect(read.text).toBe(WHOLE_LOG);
    expect([read.start, read.end, read.available]).toEqual([0, 298, { start: 0, end: 298 }]);
    expect(read.state).toBe("running");
    expect(routes()).toEqual(["GET /v1/instances/log"]);
    expect(sent[0]!.query.getAll("uuid")).toEqual([ex.INSTANCE_UUID]);
    expect(sent[0]!.query.get("name")).toBeNull();
    expect([sent[0]!.query.get("offset"), sent[0]!.query.get("limit")]).toEqual(["0", "16383"]);
    expectValid(sent, 1);
  });

  test("a read from an offset: the answer's range gives the byte offsets", async () => {
    const { ukc, sent } = mockClient({}, lastBytesAnswer);
    const read = await ukc.instances.logs(ex.INSTANCE_UUID, { offset: 157, limit: 141 });
    expect(read.text).toBe(LAST_LINES);
    expect([read.start, read.end, read.available]).toEqual([157, 298, { start: 0, end: 298 }]);
    expect([sent[0]!.query.get("offset"), sent[0]!.query.get("limit")]).toEqual(["157", "141"]);
    expectValid(sent, 1);
  });

  test("an invalid offset or limit is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.instances.logs(ex.INSTANCE_UUID, { offset: 1.5 }), "offset");
    await rejectsOffline((ukc) => ukc.instances.logs(ex.INSTANCE_UUID, { limit: -1 }), "limit");
  });

  test("by name: GET /v1/instances/log?name=…", async () => {
    const { ukc, sent, routes } = mockClient();
    const read = await ukc.instances.logs(ex.INSTANCE, { offset: 0, limit: 4096 });
    expect(read.text.startsWith(FIRST_LINE)).toBe(true);
    expect(read.text.endsWith(LAST_LINES)).toBe(true);
    expect(read.end).toBe(298);
    expect(routes()).toEqual(["GET /v1/instances/log"]);
    expect(sent[0]!.query.getAll("name")).toEqual([ex.INSTANCE]);
    expectValid(sent, 1);
  });
});

method("tail", () => {
  test("asks for the last bytes with a negative offset, on GET /v1/instances/log?uuid=…", async () => {
    const { ukc, sent, routes } = mockClient({}, lastBytesAnswer);
    const read = await ukc.instances.tail(ex.INSTANCE_UUID, { bytes: 141 });
    expect(read.text).toBe(LAST_LINES);
    expect([read.start, read.end]).toEqual([157, 298]);
    expect(routes()).toEqual(["GET /v1/instances/log"]);
    expect(sent[0]!.query.getAll("uuid")).toEqual([ex.INSTANCE_UUID]);
    expect([sent[0]!.query.get("offset"), sent[0]!.query.get("limit")]).toEqual(["-141", "141"]);
    expectValid(sent, 1);
  });

  test("a non-positive size is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.instances.tail(ex.INSTANCE_UUID, { bytes: 0 }), "bytes");
  });
});

method("follow", () => {
  test("yields the log text as it is read", async () => {
    const { ukc, sent } = mockClient();
    let first: unknown;
    for await (const event of ukc.instances.follow(ex.INSTANCE, { intervalMs: 10 })) {
      first = event;
      break;
    }
    expect(first).toMatchObject({ type: "data", start: 0, end: 298 });
    expect((first as { text: string }).text.startsWith(FIRST_LINE)).toBe(true);
    expect(sent[0]!.path).toBe("/v1/instances/log");
    expect(sent[0]!.query.getAll("name")).toEqual([ex.INSTANCE]);
    expect(sent[0]!.query.get("offset")).toBe("0");
    expectValid(sent);
  });

  test("by UUID: the batch log endpoint with uuid=, never GET /v1/instances/{uuid}/log", async () => {
    const { ukc, sent } = mockClient();
    let first: unknown;
    for await (const event of ukc.instances.follow(ex.INSTANCE_UUID, { intervalMs: 10 })) {
      first = event;
      break;
    }
    expect(first).toMatchObject({ type: "data", start: 0, end: 298, text: WHOLE_LOG });
    expect(new Set(sent.map((s) => s.path))).toEqual(new Set(["/v1/instances/log"]));
    expect(sent[0]!.query.getAll("uuid")).toEqual([ex.INSTANCE_UUID]);
    expect(sent[0]!.query.get("offset")).toBe("0");
    expectValid(sent);
  });

  test("an invalid reference or start is rejected before sending", async () => {
    // follow() checks its input when called (it throws at once rather than from the iterator).
    await rejectsOffline(async (ukc) => collect(ukc.instances.follow("bad name!")), "ref");
    await rejectsOffline(async (ukc) => collect(ukc.instances.follow(ex.INSTANCE_UUID, { from: 1.5 })), "from");
  });
});

method("metrics", () => {
  test("one instance by UUID: GET /v1/instances/{uuid}/metrics", async () => {
    const { ukc, sent, routes } = mockClient();
    const metrics = await ukc.instances.metrics(ex.INSTANCE_UUID);
    expect(metrics).toMatchObject({ uuid: ex.INSTANCE_UUID, rss_bytes: 56777655, cpu_time_ms: 560007, nconns: 5 });
    expect(routes()).toEqual([`GET /v1/instances/${ex.INSTANCE_UUID}/metrics`]);
    expectValid(sent, 1);
  });

  test("many instances in one request, by uuid and name filters", async () => {
    const { ukc, sent, routes } = mockClient();
    const metrics = await ukc.instances.metrics([ex.INSTANCE, ex.HELLO_UUID]);
    expect(metrics.map((m) => [m.name, m.rss_bytes])).toEqual([
      [ex.INSTANCE, 56777655],
      [ex.HELLO, 0],
    ]);
    expect(routes()).toEqual(["GET /v1/instances/metrics"]);
    expect(sent[0]!.query.getAll("name")).toEqual([ex.INSTANCE]);
    expect(sent[0]!.query.getAll("uuid")).toEqual([ex.HELLO_UUID]);
    expectValid(sent, 1);
  });
});

method("history", () => {
  const CKPT_NAMES = ["funky-town-g756b5d-ckpt-1", "funky-town-g756b5d-ckpt-2"];

  test("by UUID uses GET /v1/instances/{uuid}/history: the checkpoints taken, oldest first", async () => {
    const { ukc, sent, routes } = mockClient();
    const entry = await ukc.instances.history(ex.INSTANCE_UUID);
    expect(entry).toMatchObject({ status: "success", uuid: ex.INSTANCE_UUID, name: ex.INSTANCE });
    expect(entry.history?.map((h) => h.name)).toEqual(CKPT_NAMES);
    expect(routes()).toEqual([`GET /v1/instances/${ex.INSTANCE_UUID}/history`]);
    expectValid(sent, 1);
  });

  test("by name: the batch endpoint with name=", async () => {
    const { ukc, sent, routes } = mockClient();
    const entry = await ukc.instances.history(ex.INSTANCE);
    expect(entry.history?.[0]).toEqual({ uuid: "2b1a0f9e-8d7c-4b6a-9e5d-4c3b2a1f0e9d", name: CKPT_NAMES[0], created_at: "2023-10-01T12:30:00Z" });
    expect(routes()).toEqual(["GET /v1/instances/history"]);
    expect(sent[0]!.query.getAll("name")).toEqual([ex.INSTANCE]);
    expectValid(sent, 1);
  });

  test("many instances; the one the answer does not list is a BatchError", async () => {
    const { ukc, sent } = mockClient();
    const error = await rejection(ukc.instances.history([ex.INSTANCE, ex.HELLO]));
    expect(error).toBeInstanceOf(BatchError);
    expect((error as BatchError).failed.map((f) => f.ref)).toEqual([ex.HELLO]);
    expectValid(sent, 1);
  });

  test("a bad reference is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.instances.history("bad name!"), "refs");
  });
});

describe("instances coverage", () => {
  check();
});
