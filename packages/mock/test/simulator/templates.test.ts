import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMock, type Mock } from "../../src/index.js";
import { call } from "./support.js";

let mock: Mock;
const sim = () => mock.simulator!;

beforeAll(async () => {
  mock = await startMock({ simulator: { seed: 5, clock: { manual: true } } });
});
afterAll(async () => {
  await mock?.stop();
});
beforeEach(() => {
  sim().reset();
});

async function create(body: Record<string, unknown>) {
  const r = await call(mock, "POST", "/v1/instances", { body });
  expect(r.status).toBe(200);
  return r.body.data.instances[0];
}

describe("templates", () => {
  it("converts stopped instances into templates with the same UUID and name", async () => {
    const inst = await create({ name: "base", image: "nginx:latest", memory_mb: 256, env: { A: "1" } });
    await create({ name: "live", image: "nginx:latest", autostart: true });
    await sim().advance(300);
    const r = await call(mock, "POST", "/v1/instances/templates", { body: [{ name: "base", autokill: { time_ms: 60_000 } }, { name: "live" }, { name: "ghost" }] });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe("partial_success");
    expect(r.body.data.instances).toEqual([
      { status: "success", uuid: inst.uuid, name: "base", state: "template" },
      expect.objectContaining({ status: "error", name: "live", error: 11 }),
      expect.objectContaining({ status: "error", name: "ghost", error: 8 }),
    ]);
    const instances = await call(mock, "GET", "/v1/instances");
    expect(instances.body.data.instances.map((i: { name: string }) => i.name)).toEqual(["live"]);
    const tpl = await call(mock, "GET", `/v1/instances/templates/${inst.uuid}`);
    expect(tpl.body.data.instances[0]).toMatchObject({ uuid: inst.uuid, name: "base", state: "template", memory_mb: 256, template_autokill: { time_ms: 60_000 } });
  });

  it("lists, updates and deletes templates, honouring delete_lock", async () => {
    const a = await create({ name: "t1", image: "nginx:latest" });
    await sim().advance(1000);
    await create({ name: "t2", image: "redis:7" });
    await call(mock, "POST", "/v1/instances/templates", { body: [{ name: "t1" }, { name: "t2" }] });
    const list = await call(mock, "GET", "/v1/instances/templates", { query: { count: 1 } });
    expect(list.body.data.instances.map((i: { name: string }) => i.name)).toEqual(["t1"]);
    const upd = await call(mock, "PATCH", "/v1/instances/templates", {
      body: [
        { name: "t1", prop: "tags", op: "add", value: ["base"], id: "x" },
        { name: "t2", prop: "delete_lock", op: "set", value: true },
      ],
    });
    expect(upd.body.status).toBe("success");
    expect(upd.body.data.instances[0]).toEqual({ status: "success", uuid: a.uuid, name: "t1", id: "x" });
    const tagged = await call(mock, "GET", "/v1/instances/templates", { query: { tags: "base" } });
    expect(tagged.body.data.instances.map((i: { name: string }) => i.name)).toEqual(["t1"]);
    const del = await call(mock, "DELETE", "/v1/instances/templates", { body: [{ name: "t1" }, { name: "t2" }] });
    expect(del.body.data.instances[0]).toMatchObject({ status: "success", previous_state: "template" });
    expect(del.body.data.instances[1]).toMatchObject({ status: "error", error: 14 });
    const unlock = await call(mock, "PATCH", `/v1/instances/templates/${del.body.data.instances[1].uuid}`, { body: { prop: "delete_lock", op: "set", value: false } });
    expect(unlock.body.status).toBe("success");
    const gone = await call(mock, "DELETE", `/v1/instances/templates/${del.body.data.instances[1].uuid}`);
    expect(gone.body.status).toBe("success");
    expect(sim().state().templates).toEqual([]);
  });

  it("creates instances from a template", async () => {
    await create({ name: "tpl", image: "python:3.12", memory_mb: 512, args: ["app.py"] });
    await call(mock, "POST", "/v1/instances/templates", { body: [{ name: "tpl" }] });
    const inst = await create({ name: "child", template: { name: "tpl" }, autostart: true });
    expect(inst).toMatchObject({ name: "child", image: "python:3.12", memory_mb: 512, args: ["app.py"], state: "starting" });
    const missing = await call(mock, "POST", "/v1/instances", { body: { template: { name: "nope" } } });
    expect(missing.body.data.instances[0].error).toBe(8);
  });
});

describe("checkpoints", () => {
  it("creates checkpoints of an instance, lists them and answers the histories", async () => {
    const inst = await create({ name: "app", image: "nginx:latest", autostart: true });
    await sim().advance(300);
    const first = await call(mock, "POST", "/v1/instances/checkpoints", { body: [{ from: { name: "app" }, tags: ["nightly"] }] });
    expect(first.body.data.instances[0]).toMatchObject({ status: "success", name: "app-ckpt-1", state: "checkpoint" });
    await sim().advance(1000);
    const second = await call(mock, "POST", "/v1/instances/checkpoints", { body: [{ from: { uuid: inst.uuid }, name: "keep", autokill: { time_ms: 1000 } }, { from: { name: "ghost" } }] });
    expect(second.body.status).toBe("partial_success");
    expect(second.body.data.instances[1].error).toBe(8);
    const dup = await call(mock, "POST", "/v1/instances/checkpoints", { body: [{ from: { name: "app" }, name: "keep" }] });
    expect(dup.body.data.instances[0].error).toBe(23);

    const list = await call(mock, "GET", "/v1/instances/checkpoints");
    expect(list.body.data.instances.map((i: { name: string }) => i.name)).toEqual(["app-ckpt-1", "keep"]);
    expect(list.body.data.instances[0]).toMatchObject({ state: "checkpoint", image: "nginx:latest", tags: ["nightly"] });
    const keep = second.body.data.instances[0];
    const got = await call(mock, "GET", `/v1/instances/checkpoints/${keep.uuid}`);
    expect(got.body.data.instances[0]).toMatchObject({ name: "keep", checkpoint_autokill: { time_ms: 1000 } });

    const hist = await call(mock, "GET", "/v1/instances/history", { query: { name: "app" } });
    expect(hist.body.data.instances[0].history.map((h: { name: string }) => h.name)).toEqual(["app-ckpt-1", "keep"]);
    const lineage = await call(mock, "GET", `/v1/instances/checkpoints/${first.body.data.instances[0].uuid}/history`);
    expect(lineage.body.data.instances[0].history.map((h: { name: string }) => h.name)).toEqual(["app-ckpt-1"]);
    const many = await call(mock, "GET", "/v1/instances/checkpoints/history", { query: { name: "keep" } });
    expect(many.body.data.instances[0].history).toHaveLength(2);
  });

  it("updates and deletes checkpoints; instances can start from one", async () => {
    await create({ name: "src", image: "redis:7", memory_mb: 256 });
    const c = (await call(mock, "POST", "/v1/instances/checkpoints", { body: [{ from: { name: "src" }, name: "cp" }] })).body.data.instances[0];
    const lock = await call(mock, "PATCH", "/v1/instances/checkpoints", { body: [{ name: "cp", prop: "delete_lock", op: "set", value: true, id: "l" }] });
    expect(lock.body.data.instances[0]).toMatchObject({ status: "success", id: "l" });
    const locked = await call(mock, "DELETE", `/v1/instances/checkpoints/${c.uuid}`);
    expect(locked.body.data.instances[0]).toMatchObject({ status: "error", error: 14 });
    const inst = await create({ name: "restored", checkpoint: { name: "cp" } });
    expect(inst).toMatchObject({ image: "redis:7", memory_mb: 256 });
    await call(mock, "PATCH", `/v1/instances/checkpoints/${c.uuid}`, { body: { prop: "delete_lock", op: "set", value: false } });
    const del = await call(mock, "DELETE", "/v1/instances/checkpoints", { body: [{ name: "cp" }, { name: "other" }] });
    expect(del.body.data.instances[0]).toEqual({ status: "success", uuid: c.uuid, name: "cp" });
    expect(del.body.data.instances[1].error).toBe(8);
  });
});
