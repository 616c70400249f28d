import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMock, type Mock } from "../../src/index.js";
import { call } from "./support.js";

let mock: Mock;
const sim = () => mock.simulator!;
const instances = () => (sim().state().instances ?? []) as { uuid: string; name: string; volumes?: unknown[] }[];

beforeAll(async () => {
  mock = await startMock({ simulator: { seed: 7, clock: { manual: true }, quotas: { volumes: 6, total_volume_mb: 4096 } } });
});
afterAll(async () => {
  await mock?.stop();
});
beforeEach(() => {
  sim().reset();
});

async function createVolume(body: Record<string, unknown>) {
  const r = await call(mock, "POST", "/v1/volumes", { body });
  expect(r.status).toBe(200);
  return r.body.data.volumes[0];
}

async function getVolume(uuid: string) {
  const r = await call(mock, "GET", `/v1/volumes/${uuid}`);
  expect(r.status).toBe(200);
  return r.body.data.volumes[0];
}

describe("volumes: create and readiness", () => {
  it("creates a volume that is initializing and becomes available after volumeInitMs", async () => {
    const created = await createVolume({ name: "data", size_mb: 64 });
    expect(created).toMatchObject({ status: "success", name: "data", state: "initializing" });
    expect(created.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect((await getVolume(created.uuid)).state).toBe("initializing");
    await sim().advance(200);
    const vol = await getVolume(created.uuid);
    expect(vol).toMatchObject({ status: "success", uuid: created.uuid, name: "data", state: "available", size_mb: 64, persistent: true, attached_to: [] });
    expect(typeof vol.created_at).toBe("string");
  });

  it("generates a name when none is given", async () => {
    const created = await createVolume({ size_mb: 16 });
    expect(created.name).toMatch(/^vol-[a-z]+-[a-z]+-[0-9a-z]{7}$/);
  });

  it("answers 409 for a name in use and 400 without size, host path or template", async () => {
    await createVolume({ name: "dup", size_mb: 16 });
    const again = await call(mock, "POST", "/v1/volumes", { body: { name: "dup", size_mb: 16 } });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe("Name 'dup' already in use");
    const none = await call(mock, "POST", "/v1/volumes", { body: { name: "nothing" } });
    expect(none.status).toBe(400);
    const both = await call(mock, "POST", "/v1/volumes", { body: { size_mb: 8, template: { name: "x" } } });
    expect(both.status).toBe(400);
  });

  it("creates a host-path volume", async () => {
    const created = await createVolume({ name: "managed", host_path: "/srv/data", uid: 1000, gid: 1000 });
    await sim().advance(200);
    expect(await getVolume(created.uuid)).toMatchObject({ host_path: "/srv/data", uid: 1000, gid: 1000, state: "available" });
  });

  it("enforces the volume count and total size quotas (code 19)", async () => {
    const big = await call(mock, "POST", "/v1/volumes", { body: { size_mb: 5000 } });
    expect(big.status).toBe(200);
    expect(big.body.status).toBe("error");
    expect(big.body.data.volumes[0]).toMatchObject({ status: "error", error: 19 });
    for (let i = 0; i < 6; i++) await createVolume({ size_mb: 8 });
    const seventh = await call(mock, "POST", "/v1/volumes", { body: { size_mb: 8 } });
    expect(seventh.body.data.volumes[0]).toMatchObject({ status: "error", error: 19 });
  });
});

describe("volumes: lists", () => {
  it("lists with count, inclusive from, order, tags, name filters and details=false", async () => {
    const a = await createVolume({ name: "a", size_mb: 8, tags: ["x"] });
    await sim().advance(10);
    const b = await createVolume({ name: "b", size_mb: 8 });
    await sim().advance(10);
    await createVolume({ name: "c", size_mb: 8, tags: ["x"] });
    const all = await call(mock, "GET", "/v1/volumes");
    expect(all.body.data.volumes.map((v: { name: string }) => v.name)).toEqual(["a", "b", "c"]);
    const page = await call(mock, "GET", "/v1/volumes", { query: { count: 2, from: b.uuid } });
    expect(page.body.data.volumes.map((v: { name: string }) => v.name)).toEqual(["b", "c"]);
    const desc = await call(mock, "GET", "/v1/volumes", { query: { order: "desc", count: 1 } });
    expect(desc.body.data.volumes[0].name).toBe("c");
    const tagged = await call(mock, "GET", "/v1/volumes", { query: { tags: "x" } });
    expect(tagged.body.data.volumes.map((v: { name: string }) => v.name)).toEqual(["a", "c"]);
    const brief = await call(mock, "GET", "/v1/volumes", { query: { details: false, name: "a" } });
    expect(brief.body.data.volumes).toEqual([{ status: "success", uuid: a.uuid, name: "a" }]);
    const mixed = await call(mock, "GET", "/v1/volumes", { query: { name: ["a", "nope"] } });
    expect(mixed.body.status).toBe("partial_success");
    expect(mixed.body.data.volumes[1]).toMatchObject({ status: "error", error: 8, message: "No volume with name 'nope'" });
  });
});

describe("volumes: attach and detach", () => {
  async function setup() {
    sim().seed({ instances: [{ name: "web", state: "stopped" }, { name: "live", state: "running" }] });
    const vol = await createVolume({ name: "disk", size_mb: 32 });
    return vol as { uuid: string; name: string };
  }

  it("refuses to attach an initializing volume (code 11)", async () => {
    const vol = await setup();
    const r = await call(mock, "PUT", `/v1/volumes/${vol.uuid}/attach`, { body: { attach_to: { name: "web" }, at: "/data" } });
    expect(r.body.data.volumes[0]).toMatchObject({ status: "error", error: 11, uuid: vol.uuid });
  });

  it("attaches to a stopped instance, updates the instance record, mounts when it runs, detaches", async () => {
    const vol = await setup();
    await sim().advance(200);
    const r = await call(mock, "PUT", "/v1/volumes/attach", { body: [{ name: "disk", attach_to: { name: "web" }, at: "/data", readonly: true }] });
    expect(r.body.status).toBe("success");
    expect(r.body.data.volumes[0]).toMatchObject({ status: "success", uuid: vol.uuid, name: "disk" });
    const inst = instances().find((i) => i.name === "web")!;
    expect(inst.volumes).toEqual([{ uuid: vol.uuid, name: "disk", at: "/data", readonly: true }]);
    let got = await getVolume(vol.uuid);
    expect(got).toMatchObject({ state: "available", attached_to: [{ uuid: inst.uuid, name: "web" }], mounted_by: [] });

    // attached again (rwo) → 15; attached to a running instance → 11
    const again = await call(mock, "PUT", `/v1/volumes/${vol.uuid}/attach`, { body: { attach_to: { name: "web" }, at: "/other" } });
    expect(again.body.data.volumes[0]).toMatchObject({ error: 15 });
    const other = await createVolume({ name: "disk2", size_mb: 8 });
    await sim().advance(200);
    const live = await call(mock, "PUT", `/v1/volumes/${other.uuid}/attach`, { body: { attach_to: { name: "live" }, at: "/data" } });
    expect(live.body.data.volumes[0]).toMatchObject({ error: 11 });
    const ghost = await call(mock, "PUT", `/v1/volumes/${other.uuid}/attach`, { body: { attach_to: { name: "ghost" }, at: "/data" } });
    expect(ghost.body.data.volumes[0]).toMatchObject({ error: 8, uuid: other.uuid });

    // an instance that runs with the volume attached: the volume shows mounted
    sim().seed({ instances: [{ name: "runner", state: "running", volumes: [{ uuid: other.uuid, name: "disk2", at: "/d", readonly: false }] }] });
    got = await getVolume(other.uuid);
    expect(got.state).toBe("mounted");
    expect(got.mounted_by).toMatchObject([{ name: "runner", readonly: false }]);

    // cannot delete while attached (15)
    const del = await call(mock, "DELETE", "/v1/volumes", { body: [{ uuid: vol.uuid }] });
    expect(del.body.data.volumes[0]).toMatchObject({ status: "error", error: 15 });

    // detach: from a named instance, then nothing left (21)
    const det = await call(mock, "PUT", `/v1/volumes/${vol.uuid}/detach`, { body: { from: { name: "web" } } });
    expect(det.body.data.volumes[0]).toMatchObject({ status: "success" });
    expect(instances().find((i) => i.name === "web")!.volumes).toEqual([]);
    const det2 = await call(mock, "PUT", "/v1/volumes/detach", { body: [{ uuid: vol.uuid }, { name: "nope" }] });
    expect(det2.body.status).toBe("error");
    expect(det2.body.data.volumes.map((v: { error: number }) => v.error)).toEqual([21, 8]);
    const running = await call(mock, "PUT", "/v1/volumes/detach", { body: [{ uuid: other.uuid }] });
    expect(running.body.data.volumes[0]).toMatchObject({ error: 11 });
    expect((await getVolume(vol.uuid)).attached_to).toEqual([]);
  });
});

describe("volumes: update, delete, clone", () => {
  it("grows, tags, sets the quota policy and the delete lock; refuses shrinking", async () => {
    const vol = await createVolume({ name: "u", size_mb: 32 });
    await sim().advance(200);
    const r = await call(mock, "PATCH", "/v1/volumes", {
      body: [
        { name: "u", prop: "size_mb", op: "set", value: 64, id: "grow" },
        { name: "u", prop: "size_mb", op: "set", value: 16, id: "shrink" },
        { name: "u", prop: "tags", op: "add", value: ["a", "b"] },
        { uuid: vol.uuid, prop: "tags", op: "del", value: ["a"] },
        { name: "u", prop: "quota_policy", op: "set", value: "dynamic" },
        { name: "u", prop: "delete_lock", op: "set", value: true },
        { name: "missing", prop: "tags", op: "set", value: [] },
      ],
    });
    expect(r.body.status).toBe("partial_success");
    expect(r.body.data.volumes.map((v: { status: string }) => v.status)).toEqual(["success", "error", "success", "success", "success", "success", "error"]);
    expect(r.body.data.volumes[0].id).toBe("grow");
    expect(r.body.data.volumes[1]).toMatchObject({ id: "shrink", error: 7 });
    expect(r.body.data.volumes[6].error).toBe(8);
    expect(await getVolume(vol.uuid)).toMatchObject({ size_mb: 64, tags: ["b"], quota_policy: "dynamic", delete_lock: true });
    const locked = await call(mock, "DELETE", `/v1/volumes/${vol.uuid}`);
    expect(locked.body.data.volumes[0]).toMatchObject({ status: "error", error: 14, message: "Deletion protection enabled" });
    await call(mock, "PATCH", `/v1/volumes/${vol.uuid}`, { body: { prop: "delete_lock", op: "set", value: false } });
    const del = await call(mock, "DELETE", `/v1/volumes/${vol.uuid}`);
    expect(del.body).toMatchObject({ status: "success", data: { volumes: [{ status: "success", uuid: vol.uuid, name: "u" }] } });
    const gone = await call(mock, "GET", `/v1/volumes/${vol.uuid}`);
    expect(gone.body.data.volumes[0]).toMatchObject({ status: "error", error: 8 });
  });

  it("clones an available volume (same size, new name); a taken name is code 23", async () => {
    const vol = await createVolume({ name: "src", size_mb: 48, tags: ["t"] });
    const early = await call(mock, "POST", `/v1/volumes/${vol.uuid}/clone`, { body: {} });
    expect(early.body.data.volumes[0]).toMatchObject({ error: 11 });
    await sim().advance(200);
    const r = await call(mock, "POST", "/v1/volumes/clone", { body: [{ name: "src", vol_name: "copy" }, { name: "src", vol_name: "src" }] });
    expect(r.body.status).toBe("partial_success");
    expect(r.body.data.volumes[0]).toMatchObject({ status: "success", name: "copy", state: "initializing" });
    expect(r.body.data.volumes[1]).toMatchObject({ status: "error", error: 23 });
    await sim().advance(200);
    expect(await getVolume(r.body.data.volumes[0].uuid)).toMatchObject({ name: "copy", size_mb: 48, tags: ["t"], state: "available" });
    const byUuid = await call(mock, "POST", `/v1/volumes/${vol.uuid}/clone`, { body: {} });
    expect(byUuid.body.data.volumes[0].name).toMatch(/^vol-/);
  });
});

describe("volume templates", () => {
  it("turns a volume into a template, creates volumes from it, updates and deletes it", async () => {
    const vol = await createVolume({ name: "base", size_mb: 24 });
    await sim().advance(200);
    const t = await call(mock, "POST", "/v1/volumes/templates", { body: [{ name: "base" }, { name: "nope" }] });
    expect(t.body.status).toBe("partial_success");
    expect(t.body.data.volumes[0]).toMatchObject({ status: "success", uuid: vol.uuid, name: "base", state: "template" });
    expect((await call(mock, "GET", "/v1/volumes")).body.data.volumes).toEqual([]);
    const list = await call(mock, "GET", "/v1/volumes/templates");
    expect(list.body.data.volumes).toMatchObject([{ uuid: vol.uuid, name: "base", state: "template", size_mb: 24 }]);
    const fromTpl = await createVolume({ name: "derived", template: { name: "base" } });
    await sim().advance(200);
    expect(await getVolume(fromTpl.uuid)).toMatchObject({ size_mb: 24, state: "available" });
    const noTpl = await call(mock, "POST", "/v1/volumes", { body: { template: { name: "missing" } } });
    expect(noTpl.body.data.volumes[0]).toMatchObject({ status: "error", error: 8 });
    const up = await call(mock, "PATCH", "/v1/volumes/templates", { body: [{ name: "base", prop: "delete_lock", op: "set", value: true }] });
    expect(up.body.status).toBe("success");
    await call(mock, "PATCH", `/v1/volumes/templates/${vol.uuid}`, { body: { prop: "tags", op: "set", value: ["gold"] } });
    const got = await call(mock, "GET", `/v1/volumes/templates/${vol.uuid}`);
    expect(got.body.data.volumes[0]).toMatchObject({ tags: ["gold"], delete_lock: true });
    const locked = await call(mock, "DELETE", "/v1/volumes/templates", { body: [{ uuid: vol.uuid }] });
    expect(locked.body.data.volumes[0].error).toBe(14);
    await call(mock, "PATCH", `/v1/volumes/templates/${vol.uuid}`, { body: { prop: "delete_lock", op: "set", value: false } });
    const del = await call(mock, "DELETE", `/v1/volumes/templates/${vol.uuid}`);
    expect(del.body.status).toBe("success");
  });
});
