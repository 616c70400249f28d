import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMock, type Mock } from "../../src/index.js";
import { call, type CallOptions } from "./support.js";

let mock: Mock;
const sim = () => mock.simulator!;

beforeAll(async () => {
  mock = await startMock({ simulator: { seed: 11, clock: { manual: true }, logRetentionBytes: 40_000, quotas: { live_memory_mb: 4096, instances: 16 } } });
});
afterAll(async () => {
  await mock?.stop();
});
beforeEach(() => {
  sim().reset();
});

/** Sends a request the server holds: waits until it reached the simulator before advancing the clock. */
async function held(method: string, path: string, options: CallOptions, advanceMs: number) {
  sim().clearJournal();
  const pending = call(mock, method, path, options);
  for (let i = 0; i < 200 && !sim().journal().some((e) => e.method === method && e.path === path); i++) await new Promise((r) => setTimeout(r, 10));
  await sim().advance(advanceMs);
  return pending;
}

async function create(body: Record<string, unknown>) {
  const r = await call(mock, "POST", "/v1/instances", { body });
  expect(r.status).toBe(200);
  return r.body.data.instances[0];
}

async function get(uuid: string) {
  const r = await call(mock, "GET", `/v1/instances/${uuid}`);
  expect(r.status).toBe(200);
  return r.body.data.instances[0];
}

async function running(name: string) {
  const inst = await create({ name, image: "nginx:latest", autostart: true });
  await sim().advance(300);
  return inst;
}

describe("instances: create", () => {
  it("creates a stopped instance with defaults and a generated name", async () => {
    const inst = await create({ image: "nginx:latest" });
    expect(inst).toMatchObject({ status: "success", state: "stopped", image: "nginx:latest", memory_mb: 128, vcpus: 1, start_count: 0 });
    expect(inst.name).toMatch(/^[a-z]+-[a-z]+-[0-9a-z]{7}$/);
    expect(inst.private_fqdn).toBe(`${inst.name}.internal`);
    expect((await get(inst.uuid)).name).toBe(inst.name);
  });

  it("answers 409 for a name in use and 400 without an image or template", async () => {
    await create({ name: "web", image: "nginx:latest" });
    const dup = await call(mock, "POST", "/v1/instances", { body: { name: "web", image: "nginx:latest" } });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe("Name 'web' already in use");
    const none = await call(mock, "POST", "/v1/instances", { body: { name: "x" } });
    expect(none.status).toBe(400);
  });

  it("autostarts: starting, then running after bootMs with boot times", async () => {
    const inst = await create({ name: "boot", image: "nginx:latest", autostart: true, memory_mb: 256 });
    expect(inst.state).toBe("starting");
    await sim().advance(299);
    expect((await get(inst.uuid)).state).toBe("starting");
    await sim().advance(1);
    const now = await get(inst.uuid);
    expect(now).toMatchObject({ state: "running", start_count: 1, memory_mb: 256 });
    expect(now.boot_time_us).toBeGreaterThan(0);
    expect(now.net_time_us).toBeGreaterThan(0);
    expect(typeof now.started_at).toBe("string");
  });

  it("holds the answer with timeout_s until running, or answers Operation timed out", async () => {
    const ok = await held("POST", "/v1/instances", { body: { name: "w1", image: "nginx:latest", autostart: true, timeout_s: 5 } }, 300);
    expect(ok.body.status).toBe("success");
    expect(ok.body.data.instances[0].state).toBe("running");
    const late = await held("POST", "/v1/instances", { body: { name: "w2", image: "nginx:latest", autostart: true, wait_timeout_ms: 100 } }, 100);
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ status: "error", message: "Operation timed out" });
    expect(late.body.data.instances[0]).toMatchObject({ name: "w2", state: "starting", error: 12 });
  });

  it("creates replicas named <name>-1 …", async () => {
    const r = await call(mock, "POST", "/v1/instances", { body: { name: "rep", image: "nginx:latest", replicas: 2 } });
    expect(r.body.data.instances.map((i: { name: string }) => i.name)).toEqual(["rep", "rep-1", "rep-2"]);
  });

  it("enforces the instance and live-memory quotas with error 19", async () => {
    const many = await call(mock, "POST", "/v1/instances", { body: { image: "nginx:latest", replicas: 20 } });
    expect(many.body.status).toBe("error");
    expect(many.body.data.instances[0].error).toBe(19);
    const big = await call(mock, "POST", "/v1/instances", { body: { name: "big", image: "nginx:latest", memory_mb: 8192, autostart: true } });
    expect(big.body.data.instances[0]).toMatchObject({ status: "error", error: 19, name: "big" });
  });

  it("attaches existing volumes, creates new ones and drops non-persistent ones with the instance", async () => {
    sim().seed({ volumes: [{ name: "data", size_mb: 64 }] });
    const inst = await create({ name: "vols", image: "nginx:latest", volumes: [{ name: "data", at: "/data" }, { name: "scratch", size_mb: 32, at: "/tmp" }] });
    expect(inst.volumes).toEqual([expect.objectContaining({ name: "data", at: "/data", readonly: false }), expect.objectContaining({ name: "scratch", at: "/tmp" })]);
    const busy = await call(mock, "POST", "/v1/instances", { body: { name: "vols2", image: "nginx:latest", volumes: [{ name: "data", at: "/d" }] } });
    expect(busy.body.data.instances[0].error).toBe(15);
    const missing = await call(mock, "POST", "/v1/instances", { body: { name: "vols3", image: "nginx:latest", volumes: [{ name: "nope", at: "/d" }] } });
    expect(missing.body.data.instances[0].error).toBe(8);
    await call(mock, "DELETE", `/v1/instances/${inst.uuid}`);
    const names = (sim().state().volumes as { name: string }[]).map((v) => v.name);
    expect(names).toEqual(["data"]);
  });

  it("joins a service group or creates an ephemeral one with an fqdn", async () => {
    const eph = await create({ name: "svc", image: "nginx:latest", service_group: { services: [{ port: 443, destination_port: 8080, handlers: ["tls", "http"] }], domains: [{ name: "myapp" }] } });
    expect(eph.service_group.domains).toEqual([{ fqdn: "myapp.fra.unikraft.app" }]);
    const sg = (sim().state().serviceGroups as { uuid: string; name: string; instances: { name: string }[]; persistent: boolean }[])[0]!;
    expect(sg).toMatchObject({ persistent: false, instances: [{ name: "svc" }] });
    const joined = await create({ name: "svc2", image: "nginx:latest", service_group: { name: sg.name } });
    expect(joined.service_group).toMatchObject({ uuid: sg.uuid, name: sg.name });
    await call(mock, "DELETE", "/v1/instances", { body: [{ name: "svc" }, { name: "svc2" }] });
    expect(sim().state().serviceGroups).toEqual([]);
  });
});

describe("instances: start, stop, suspend, delete", () => {
  it("stops with a drain: draining → stopping → stopped, stop_reason 15", async () => {
    const inst = await running("s1");
    const r = await call(mock, "PUT", `/v1/instances/${inst.uuid}/stop`, { body: { drain_timeout_ms: 100 } });
    expect(r.body.data.instances[0]).toMatchObject({ state: "draining", previous_state: "running" });
    await sim().advance(100);
    expect((await get(inst.uuid)).state).toBe("stopping");
    await sim().advance(200);
    expect(await get(inst.uuid)).toMatchObject({ state: "stopped", stop_reason: 15, exit_code: 0 });
  });

  it("force-stops with stop_reason 28; force with a drain is a 400; a stopped one is error 11", async () => {
    const inst = await running("s2");
    const bad = await call(mock, "PUT", "/v1/instances/stop", { body: [{ uuid: inst.uuid, force: true, drain_timeout_ms: 10 }] });
    expect(bad.status).toBe(400);
    const r = await call(mock, "PUT", "/v1/instances/stop", { body: [{ name: "s2", force: true }] });
    expect(r.body.data.instances[0].state).toBe("stopping");
    await sim().advance(200);
    const stopped = await get(inst.uuid);
    expect(stopped).toMatchObject({ state: "stopped", stop_reason: 28 });
    expect(stopped.exit_code).toBeUndefined();
    const again = await call(mock, "PUT", "/v1/instances/stop", { body: [{ name: "s2" }] });
    expect(again.status).toBe(200);
    expect(again.body.data.instances[0]).toMatchObject({ status: "error", error: 11 });
  });

  it("starts in a batch with per-item not-found and leaves a running one as is", async () => {
    await create({ name: "a", image: "nginx:latest" });
    await running("b");
    const r = await call(mock, "PUT", "/v1/instances/start", { body: [{ name: "a" }, { name: "b" }, { name: "ghost" }] });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe("partial_success");
    expect(r.body.data.instances).toEqual([
      expect.objectContaining({ status: "success", name: "a", state: "starting", previous_state: "stopped" }),
      expect.objectContaining({ status: "success", name: "b", state: "running", previous_state: "running" }),
      expect.objectContaining({ status: "error", name: "ghost", error: 8, message: "No instance with name 'ghost'" }),
    ]);
  });

  it("start by UUID holds with timeout_s", async () => {
    const inst = await create({ name: "h", image: "nginx:latest" });
    const r = await held("PUT", `/v1/instances/${inst.uuid}/start`, { body: { timeout_s: 2 } }, 300);
    expect(r.body.data.instances[0]).toMatchObject({ status: "success", state: "running", previous_state: "stopped" });
  });

  it("suspends into standby and resumes on start", async () => {
    const inst = await running("sus");
    const r = await call(mock, "PUT", "/v1/instances/suspend", { body: [{ name: "sus" }] });
    expect(r.body.data.instances[0]).toMatchObject({ state: "standby", previous_state: "running" });
    const again = await call(mock, "PUT", `/v1/instances/${inst.uuid}/start`, { body: {} });
    expect(again.body.data.instances[0]).toMatchObject({ state: "starting", previous_state: "standby" });
    await sim().advance(300);
    expect((await get(inst.uuid)).state).toBe("running");
    const stopped = await create({ name: "sus2", image: "nginx:latest" });
    const bad = await call(mock, "PUT", `/v1/instances/${stopped.uuid}/suspend`, { body: {} });
    expect(bad.body.data.instances[0].error).toBe(11);
  });

  it("deletes (force-stopping a running one) and honours delete_lock", async () => {
    const inst = await running("del");
    await create({ name: "locked", image: "nginx:latest" });
    await call(mock, "PATCH", "/v1/instances", { body: [{ name: "locked", prop: "delete_lock", op: "set", value: true }] });
    const r = await call(mock, "DELETE", "/v1/instances", { body: [{ uuid: inst.uuid }, { name: "locked" }] });
    expect(r.body.status).toBe("partial_success");
    expect(r.body.data.instances[0]).toMatchObject({ status: "success", previous_state: "running" });
    expect(r.body.data.instances[1]).toMatchObject({ status: "error", error: 14, message: "Deletion protection enabled" });
    const list = await call(mock, "GET", "/v1/instances");
    expect(list.body.data.instances.map((i: { name: string }) => i.name)).toEqual(["locked"]);
  });
});

describe("instances: update", () => {
  it("sets memory only when stopped, edits tags and env, echoes ids", async () => {
    const inst = await running("u");
    const r = await call(mock, "PATCH", "/v1/instances", {
      body: [
        { name: "u", prop: "memory_mb", op: "set", value: 256, id: "op-1" },
        { name: "u", prop: "tags", op: "add", value: ["prod", "web"], id: "op-2" },
        { name: "u", prop: "tags", op: "del", value: ["web"] },
      ],
    });
    expect(r.body.status).toBe("partial_success");
    expect(r.body.data.instances[0]).toMatchObject({ status: "error", error: 11, id: "op-1" });
    expect(r.body.data.instances[1]).toMatchObject({ status: "success", id: "op-2" });
    await call(mock, "PUT", `/v1/instances/${inst.uuid}/stop`, { body: {} });
    await sim().advance(200);
    const ok = await call(mock, "PATCH", `/v1/instances/${inst.uuid}`, { body: { prop: "memory_mb", op: "set", value: 256 } });
    expect(ok.body.status).toBe("success");
    await call(mock, "PATCH", `/v1/instances/${inst.uuid}`, { body: { prop: "env", op: "add", value: { A: "1", B: "2" } } });
    await call(mock, "PATCH", `/v1/instances/${inst.uuid}`, { body: { prop: "env", op: "del", value: "A" } });
    expect(await get(inst.uuid)).toMatchObject({ memory_mb: 256, tags: ["prod"], env: { B: "2" } });
  });
});

describe("instances: logs", () => {
  const text = (b64: string) => Buffer.from(b64, "base64").toString("utf8");

  it("has boot lines, appended bytes, offsets and limits", async () => {
    const inst = await running("logs");
    sim().appendLog("logs", "hello\n");
    const all = await call(mock, "GET", "/v1/instances/log", { query: { uuid: inst.uuid } });
    const item = all.body.data.instances[0];
    expect(text(item.output)).toContain("nginx:latest");
    expect(text(item.output).endsWith("hello\n")).toBe(true);
    expect(item).toMatchObject({ state: "running", available: { start: 0 }, range: { start: 0 } });
    expect(item.range.end).toBe(item.available.end);
    const tail = await call(mock, "GET", "/v1/instances/log", { query: { name: "logs", offset: -6 } });
    expect(text(tail.body.data.instances[0].output)).toBe("hello\n");
    const end = item.available.end;
    const part = await call(mock, "GET", "/v1/instances/log", { query: { name: "logs", offset: end - 6, limit: 2 } });
    expect(part.body.data.instances[0].range).toEqual({ start: end - 6, end: end - 4 });
    expect(text(part.body.data.instances[0].output)).toBe("he");
    const byUuid = await call(mock, "GET", `/v1/instances/${inst.uuid}/log`);
    expect(byUuid.body.data.instances[0].range.end).toBe(end);
  });

  it("pages at 16,383 bytes and drops bytes beyond the retention", async () => {
    await create({ name: "big", image: "nginx:latest" });
    sim().appendLog("big", "x".repeat(50_000));
    const r = await call(mock, "GET", "/v1/instances/log", { query: { name: "big", offset: 0, limit: 100_000 } });
    const item = r.body.data.instances[0];
    expect(item.available).toEqual({ start: 10_000, end: 50_000 });
    expect(item.range).toEqual({ start: 10_000, end: 10_000 + 16_383 });
  });
});

describe("instances: waits, crashes, metrics, lists", () => {
  it("waits held by the server and times out with error 12", async () => {
    const inst = await create({ name: "wt", image: "nginx:latest", autostart: true });
    const ok = await held("GET", "/v1/instances/wait", { query: { uuid: inst.uuid, timeout_ms: 5000 } }, 300);
    expect(ok.body).toMatchObject({ status: "success", data: { instances: [{ uuid: inst.uuid, state: "running" }] } });
    const late = await held("GET", "/v1/instances/wait", { query: { name: "wt", state: "stopped", timeout_s: 1 } }, 1000);
    expect(late.body).toMatchObject({ status: "error", message: "Operation timed out" });
    expect(late.body.data.instances[0]).toMatchObject({ state: "running", error: 12 });
    const byUuid = await call(mock, "GET", `/v1/instances/${inst.uuid}/wait`);
    expect(byUuid.body.data.instances[0].state).toBe("running");
  });

  it("crashes with the exit code and restarts by policy", async () => {
    const never = await running("c1");
    sim().crash("c1", 2);
    expect(await get(never.uuid)).toMatchObject({ state: "stopped", stop_reason: 3, exit_code: 2 });
    const onf = await create({ name: "c2", image: "nginx:latest", autostart: true, restart_policy: "on-failure" });
    await sim().advance(300);
    sim().crash("c2", 0);
    expect((await get(onf.uuid)).state).toBe("stopped");
    await call(mock, "PUT", "/v1/instances/start", { body: [{ name: "c2" }] });
    await sim().advance(300);
    sim().crash("c2", 1);
    expect((await get(onf.uuid)).state).toBe("starting");
    await sim().advance(300);
    expect(await get(onf.uuid)).toMatchObject({ state: "running", restart_count: 1 });
  });

  it("answers metrics for running and stopped instances", async () => {
    const a = await running("m1");
    await sim().advance(5000);
    const b = await create({ name: "m2", image: "nginx:latest" });
    const r = await call(mock, "GET", "/v1/instances/metrics", { query: { name: ["m1", "m2"] } });
    const [ma, mb] = r.body.data.instances;
    expect(ma.uuid).toBe(a.uuid);
    expect(ma.rss_bytes).toBeGreaterThan(0);
    expect(ma.rx_bytes).toBeGreaterThan(0);
    expect(mb).toMatchObject({ uuid: b.uuid, rss_bytes: 0, cpu_time_ms: 0 });
    const one = await call(mock, "GET", `/v1/instances/${a.uuid}/metrics`);
    expect(one.body.data.instances[0].boot_time_us).toBeGreaterThan(0);
  });

  it("pages the list with count and an inclusive from; details=false is brief", async () => {
    const made = [];
    for (const n of ["l1", "l2", "l3"]) {
      made.push(await create({ name: n, image: "nginx:latest" }));
      await sim().advance(1000);
    }
    const page = await call(mock, "GET", "/v1/instances", { query: { count: 2, from: made[1].uuid } });
    expect(page.body.data.instances.map((i: { name: string }) => i.name)).toEqual(["l2", "l3"]);
    const brief = await call(mock, "GET", "/v1/instances", { query: { details: false, name: ["l1", "zz"] } });
    expect(brief.body.data.instances[0]).toEqual({ status: "success", uuid: made[0].uuid, name: "l1" });
    expect(brief.body.data.instances[1]).toMatchObject({ status: "error", error: 8 });
    const hist = await call(mock, "GET", `/v1/instances/${made[0].uuid}/history`);
    expect(hist.body.data.instances[0]).toMatchObject({ uuid: made[0].uuid, history: [] });
  });
});
