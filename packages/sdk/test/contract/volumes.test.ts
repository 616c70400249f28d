// Contract tests of ukc.volumes against the Prism mock of spec/openapi.yaml.
import { describe, expect, test } from "vitest";
import { add, APIError, BatchError } from "../../src/index";
import {
  allAbout,
  allInState,
  collect,
  coverage,
  ERROR_CASES,
  ex,
  expectHttpError,
  expectValid,
  mockClient,
  only,
  pollingWaitTests,
  rejectsOffline,
  rejection,
  surface,
} from "./support";

const covered = ["create", "get", "list", "update", "delete", "attach", "detach", "clone", "waitUntil"] as const;
const { method, check } = coverage("volumes", () => surface().volumes, covered);


method("create", () => {
  test("POSTs one object and returns the created volume", async () => {
    const { ukc, sent, routes } = mockClient();
    const volume = await ukc.volumes.create({ name: ex.VOLUME_2, size_mb: 64 });
    expect(volume).toMatchObject({ status: "success", uuid: ex.VOLUME_UUID, name: ex.VOLUME });
    expect(routes()).toEqual(["POST /v1/volumes"]);
    expect(sent[0]!.body).toEqual({ size_mb: 64, name: ex.VOLUME_2 });
    expectValid(sent, 1);
  });

  test("the name is optional", async () => {
    const { ukc, sent } = mockClient();
    const volume = await ukc.volumes.create({ size_mb: 1 });
    expect(volume.uuid).toBe(ex.VOLUME_UUID);
    expect(sent[0]!.body).toEqual({ size_mb: 1 });
    expectValid(sent, 1);
  });

  test.each([0, -1, 1.5, Number.NaN, "64", undefined])("size_mb %s is rejected before sending", async (size) => {
    await rejectsOffline((ukc) => ukc.volumes.create({ size_mb: size as number }), "params.size_mb");
  });

  test("an invalid name or an unknown field is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.volumes.create({ name: "bad name", size_mb: 64 }), "params.name");
    await rejectsOffline((ukc) => ukc.volumes.create({ size_mb: 64, size: 1 } as never), "params");
  });

  test("409 becomes ConflictError", async () => {
    const { ukc } = mockClient();
    const c = ERROR_CASES.find((e) => e.code === 409)!;
    await expectHttpError((o) => ukc.volumes.create({ name: ex.VOLUME, size_mb: 64 }, o), c.code, c.type, c.message);
  });
});

method("get", () => {
  test("by UUID uses GET /v1/volumes/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const volume = await ukc.volumes.get(ex.VOLUME_UUID);
    expect(volume).toMatchObject({ uuid: ex.VOLUME_UUID, name: ex.VOLUME, state: "mounted", size_mb: 64, persistent: true });
    // VolumeInstanceID is generated as `unknown` (its anyOf branches have no type): read it loosely.
    expect((volume.attached_to?.[0] as { name?: string } | undefined)?.name).toBe(ex.VOLUME_INSTANCE);
    expect(routes()).toEqual([`GET /v1/volumes/${ex.VOLUME_UUID}`]);
    expectValid(sent, 1);
  });

  test("by name filters the list and picks the volume with that name", async () => {
    const { ukc, sent, routes } = mockClient({}, only("volumes", ex.VOLUME_2));
    const volume = await ukc.volumes.get(ex.VOLUME_2);
    expect(volume).toMatchObject({ uuid: ex.VOLUME_2_UUID, name: ex.VOLUME_2, state: "available", size_mb: 128 });
    expect(routes()).toEqual(["GET /v1/volumes"]);
    expect(sent[0]!.query.getAll("name")).toEqual([ex.VOLUME_2]);
    expectValid(sent, 1);
  });

  test("{ name } and details=false", async () => {
    const { ukc, sent } = mockClient({}, only("volumes", ex.VOLUME));
    const volume = await ukc.volumes.get({ name: ex.VOLUME }, { details: false });
    expect(volume.uuid).toBe(ex.VOLUME_UUID);
    expect(sent[0]!.query.get("details")).toBe("false");
    expectValid(sent, 1);
  });

  test("an answer that also lists a volume nobody asked for is an error, not a success", async () => {
    // The spec's example lists both volumes whatever the name filter says.
    const { ukc, sent } = mockClient();
    const error = await rejection(ukc.volumes.get(ex.VOLUME));
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toContain(`uuid '${ex.VOLUME_2_UUID}', which was not asked for`);
    expectValid(sent, 1);
  });

  test("an invalid reference is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.volumes.get(""), "refs");
    await rejectsOffline((ukc) => ukc.volumes.get({ uuid: "not-a-uuid" }), "refs");
  });

  test.each(ERROR_CASES)("HTTP $code becomes $type.name", async ({ code, type, message }) => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.volumes.get(ex.VOLUME_UUID, o), code, type, message);
  });
});

method("list", () => {
  test("one short page: every volume, sorted by creation", async () => {
    const { ukc, sent } = mockClient();
    const volumes = await collect(ukc.volumes.list({ tags: ["production"] }));
    expect(volumes.map((v) => [v.name, v.state])).toEqual([
      [ex.VOLUME, "mounted"],
      [ex.VOLUME_2, "available"],
    ]);
    expect(sent[0]!.path).toBe("/v1/volumes");
    expect(Object.fromEntries(sent[0]!.query)).toMatchObject({ count: "100", sortby: "create_time", order: "asc", tags: "production" });
    expectValid(sent, 1);
  });

  test("pages with the INCLUSIVE from cursor: the next page asks one more and starts at the last uuid", async () => {
    const { ukc, sent } = mockClient();
    const volumes = await collect(ukc.volumes.list({ pageSize: 2 }));
    expect(volumes.map((v) => v.uuid)).toEqual([ex.VOLUME_UUID, ex.VOLUME_2_UUID]);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.query.get("from")).toBeNull();
    expect(sent[0]!.query.get("count")).toBe("2");
    expect(sent[1]!.query.get("from")).toBe(ex.VOLUME_2_UUID);
    expect(sent[1]!.query.get("count")).toBe("3");
    expectValid(sent, 2);
  });

  test("limit stops early", async () => {
    const { ukc, sent } = mockClient();
    const volumes = await collect(ukc.volumes.list({ limit: 1, details: false }));
    expect(volumes.map((v) => v.name)).toEqual([ex.VOLUME]);
    expect(sent[0]!.query.get("details")).toBe("false");
    expectValid(sent, 1);
  });

  test("an invalid page size is rejected before sending", async () => {
    await rejectsOffline((ukc) => collect(ukc.volumes.list({ pageSize: 0 })), "pageSize");
  });

  test("HTTP 500 becomes InternalServerError", async () => {
    const { ukc } = mockClient();
    const c = ERROR_CASES.find((e) => e.code === 500)!;
    await expectHttpError((o) => collect(ukc.volumes.list(o)), c.code, c.type, c.message);
  });
});

method("update", () => {
  test("one volume by UUID uses PATCH /v1/volumes/{uuid} with one operation", async () => {
    const { ukc, sent, routes } = mockClient();
    const result = await ukc.volumes.update(ex.VOLUME_UUID, { size_mb: 128 });
    expect(result).toMatchObject({ uuid: ex.VOLUME_UUID, name: ex.VOLUME, status: "success", id: "op-1" });
    expect(routes()).toEqual([`PATCH /v1/volumes/${ex.VOLUME_UUID}`]);
    expect(sent[0]!.body).toEqual({ prop: "size_mb", op: "set", value: 128 });
    expectValid(sent, 1);
  });

  test("by name uses the batch endpoint", async () => {
    const { ukc, sent, routes } = mockClient({}, only("volumes", ex.VOLUME));
    const result = await ukc.volumes.update(ex.VOLUME, { quota_policy: "static" });
    expect(result).toMatchObject({ name: ex.VOLUME, uuid: ex.VOLUME_UUID });
    expect(routes()).toEqual(["PATCH /v1/volumes"]);
    expect(sent[0]!.body).toEqual([{ name: ex.VOLUME, prop: "quota_policy", op: "set", value: "static" }]);
    expectValid(sent, 1);
  });

  test("many volumes in one request, one result each", async () => {
    const { ukc, sent, routes } = mockClient();
    const results = await ukc.volumes.update([ex.VOLUME, ex.VOLUME_2_UUID], { tags: add(["production"]) });
    expect(results.map((r) => [r.name, r.id])).toEqual([
      [ex.VOLUME, "op-1"],
      [ex.VOLUME_2, "op-2"],
    ]);
    expect(routes()).toEqual(["PATCH /v1/volumes"]);
    expect(sent[0]!.body).toEqual([
      { name: ex.VOLUME, prop: "tags", op: "add", value: ["production"] },
      { uuid: ex.VOLUME_2_UUID, prop: "tags", op: "add", value: ["production"] },
    ]);
    expectValid(sent, 1);
  });

  test("several properties of one UUID go to the batch endpoint, one operation each", async () => {
    // The API answers one entry per operation, each naming the volume.
    const { ukc, sent, routes } = mockClient({}, allAbout("volumes", { uuid: ex.VOLUME_UUID, name: ex.VOLUME }));
    const result = await ukc.volumes.update(ex.VOLUME_UUID, { delete_lock: true, size_mb: 256 });
    expect(result).toMatchObject({ uuid: ex.VOLUME_UUID, name: ex.VOLUME, status: "success", id: "op-1" });
    expect(routes()).toEqual(["PATCH /v1/volumes"]);
    expect(sent[0]!.body).toEqual([
      { uuid: ex.VOLUME_UUID, prop: "delete_lock", op: "set", value: true },
      { uuid: ex.VOLUME_UUID, prop: "size_mb", op: "set", value: 256 },
    ]);
    expectValid(sent, 1);
  });

  test("invalid values and properties are rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.volumes.update(ex.VOLUME, { size_mb: 0 }), "patch.size_mb");
    await rejectsOffline((ukc) => ukc.volumes.update(ex.VOLUME, { size_mb: add(5) }), /patch\.size_mb/);
    await rejectsOffline((ukc) => ukc.volumes.update(ex.VOLUME, { quota_policy: "fast" } as never), "patch.quota_policy");
    await rejectsOffline((ukc) => ukc.volumes.update(ex.VOLUME, { delete_lock: "yes" } as never), "patch.delete_lock");
    await rejectsOffline((ukc) => ukc.volumes.update(ex.VOLUME, { name: "x" } as never), "patch.name");
    await rejectsOffline((ukc) => ukc.volumes.update(ex.VOLUME, {}), "patch");
  });
});

method("delete", () => {
  test("one volume by UUID uses DELETE /v1/volumes/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.volumes.delete(ex.VOLUME_UUID);
    expect(deleted).toMatchObject({ status: "success", uuid: ex.VOLUME_UUID, name: ex.VOLUME });
    expect(routes()).toEqual([`DELETE /v1/volumes/${ex.VOLUME_UUID}`]);
    expect(sent[0]!.body).toBeUndefined();
    expectValid(sent, 1);
  });

  test("one volume by name uses the batch endpoint with one item", async () => {
    const { ukc, sent, routes } = mockClient({}, only("volumes", ex.VOLUME_2));
    const deleted = await ukc.volumes.delete(ex.VOLUME_2);
    expect(deleted).toMatchObject({ uuid: ex.VOLUME_2_UUID, name: ex.VOLUME_2 });
    expect(routes()).toEqual(["DELETE /v1/volumes"]);
    expect(sent[0]!.body).toEqual([{ name: ex.VOLUME_2 }]);
    expectValid(sent, 1);
  });

  test("many volumes in one request", async () => {
    const { ukc, sent } = mockClient();
    const deleted = await ukc.volumes.delete([ex.VOLUME, { uuid: ex.VOLUME_2_UUID }]);
    expect(deleted.map((d) => d.name)).toEqual([ex.VOLUME, ex.VOLUME_2]);
    expect(sent[0]!.body).toEqual([{ name: ex.VOLUME }, { uuid: ex.VOLUME_2_UUID }]);
    expectValid(sent, 1);
  });

  test("an invalid reference among many is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.volumes.delete([ex.VOLUME, "bad name!"]), "refs[1]");
    await rejectsOffline((ukc) => ukc.volumes.delete([]), "refs");
  });
});

method("attach", () => {
  test("one volume by UUID uses PUT /v1/volumes/{uuid}/attach", async () => {
    const { ukc, sent, routes } = mockClient();
    const attached = await ukc.volumes.attach(ex.VOLUME_UUID, { to: ex.VOLUME_INSTANCE, at: "/mnt/my-volume", readonly: false });
    expect(attached).toMatchObject({ status: "success", uuid: ex.VOLUME_UUID, name: ex.VOLUME });
    expect(routes()).toEqual([`PUT /v1/volumes/${ex.VOLUME_UUID}/attach`]);
    expect(sent[0]!.body).toEqual({ attach_to: { name: ex.VOLUME_INSTANCE }, at: "/mnt/my-volume", readonly: false });
    expectValid(sent, 1);
  });

  test("one volume by name uses the batch endpoint; the instance by UUID", async () => {
    const { ukc, sent, routes } = mockClient();
    const attached = await ukc.volumes.attach(ex.VOLUME, { to: ex.INSTANCE_UUID, at: "/data" });
    expect(attached.uuid).toBe(ex.VOLUME_UUID);
    expect(routes()).toEqual(["PUT /v1/volumes/attach"]);
    expect(sent[0]!.body).toEqual([{ name: ex.VOLUME, attach_to: { uuid: ex.INSTANCE_UUID }, at: "/data" }]);
    expectValid(sent, 1);
  });

  test("many volumes, one mount point each, in one request; a volume missing from the answer is a BatchError", async () => {
    const { ukc, sent } = mockClient();
    // The spec's example answer lists only funky-vol-g7gum5cj: the other volume must be reported, not dropped.
    const error = await rejection(
      ukc.volumes.attach([ex.VOLUME, ex.VOLUME_2_UUID], { to: { name: ex.VOLUME_INSTANCE }, at: ["/mnt/a", "/mnt/b"], readonly: true }),
    );
    expect(error).toBeInstanceOf(BatchError);
    const batch = error as BatchError<{ name?: string }, unknown>;
    expect(batch.succeeded.map((v) => v.name)).toEqual([ex.VOLUME]);
    expect(batch.failed.map((f) => f.ref)).toEqual([ex.VOLUME_2_UUID]);
    expect(batch.failed[0]!.message).toContain("no result");
    expect(sent[0]!.body).toEqual([
      { name: ex.VOLUME, attach_to: { name: ex.VOLUME_INSTANCE }, at: "/mnt/a", readonly: true },
      { uuid: ex.VOLUME_2_UUID, attach_to: { name: ex.VOLUME_INSTANCE }, at: "/mnt/b", readonly: true },
    ]);
    expectValid(sent, 1);
  });

  test.each(["mnt/data", "/mnt/../etc", "/mnt/./x", "/mnt/data.", "/mnt/a:b", ""])("mount point %j is rejected before sending", async (at) => {
    await rejectsOffline((ukc) => ukc.volumes.attach(ex.VOLUME, { to: ex.VOLUME_INSTANCE, at }), "at");
  });

  test("several volumes need distinct mount points, one each", async () => {
    await rejectsOffline((ukc) => ukc.volumes.attach([ex.VOLUME, ex.VOLUME_2], { to: ex.VOLUME_INSTANCE, at: "/mnt/x" }), "at");
    await rejectsOffline((ukc) => ukc.volumes.attach([ex.VOLUME, ex.VOLUME_2], { to: ex.VOLUME_INSTANCE, at: ["/mnt/x"] }), "at");
    await rejectsOffline((ukc) => ukc.volumes.attach([ex.VOLUME, ex.VOLUME_2], { to: ex.VOLUME_INSTANCE, at: ["/mnt/x", "/mnt/x"] }), "at");
    await rejectsOffline((ukc) => ukc.volumes.attach([ex.VOLUME, ex.VOLUME_2], { to: ex.VOLUME_INSTANCE, at: ["/mnt/x", "y"] }), "at[1]");
  });

  test("an invalid instance or readonly is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.volumes.attach(ex.VOLUME, { to: "", at: "/data" }), "to");
    await rejectsOffline((ukc) => ukc.volumes.attach(ex.VOLUME, { to: ex.INSTANCE, at: "/data", readonly: "yes" as never }), "readonly");
  });
});

method("detach", () => {
  test("one volume by UUID from one instance uses PUT /v1/volumes/{uuid}/detach", async () => {
    const { ukc, sent, routes } = mockClient();
    const detached = await ukc.volumes.detach(ex.VOLUME_UUID, { from: ex.VOLUME_INSTANCE });
    expect(detached).toMatchObject({ status: "success", uuid: ex.VOLUME_UUID, name: ex.VOLUME });
    expect(routes()).toEqual([`PUT /v1/volumes/${ex.VOLUME_UUID}/detach`]);
    expect(sent[0]!.body).toEqual({ from: { name: ex.VOLUME_INSTANCE } });
    expectValid(sent, 1);
  });

  test("without from, an empty body detaches from every instance", async () => {
    const { ukc, sent } = mockClient();
    const detached = await ukc.volumes.detach(ex.VOLUME_UUID);
    expect(detached.name).toBe(ex.VOLUME);
    expect(sent[0]!.body).toEqual({});
    expectValid(sent, 1);
  });

  test("many volumes in one request", async () => {
    const { ukc, sent, routes } = mockClient();
    const detached = await ukc.volumes.detach([ex.VOLUME, ex.VOLUME_2_UUID], { from: { uuid: ex.INSTANCE_UUID } });
    expect(detached.map((d) => d.uuid)).toEqual([ex.VOLUME_UUID, ex.VOLUME_2_UUID]);
    expect(routes()).toEqual(["PUT /v1/volumes/detach"]);
    expect(sent[0]!.body).toEqual([
      { name: ex.VOLUME, from: { uuid: ex.INSTANCE_UUID } },
      { uuid: ex.VOLUME_2_UUID, from: { uuid: ex.INSTANCE_UUID } },
    ]);
    expectValid(sent, 1);
  });

  test("one volume by name, from all instances", async () => {
    const { ukc, sent, routes } = mockClient({}, only("volumes", ex.VOLUME_2));
    const detached = await ukc.volumes.detach(ex.VOLUME_2);
    expect(detached.uuid).toBe(ex.VOLUME_2_UUID);
    expect(routes()).toEqual(["PUT /v1/volumes/detach"]);
    expect(sent[0]!.body).toEqual([{ name: ex.VOLUME_2 }]);
    expectValid(sent, 1);
  });

  test("an invalid instance is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.volumes.detach(ex.VOLUME, { from: { uuid: "nope" } }), "from");
  });
});

method("waitUntil", () => {
  test("resolves at once when the volume is already in the state", async () => {
    const { ukc, sent, routes } = mockClient();
    const volume = await ukc.volumes.waitUntil(ex.VOLUME_UUID, { state: "mounted" });
    expect(volume).toMatchObject({ uuid: ex.VOLUME_UUID, state: "mounted" });
    expect(routes()).toEqual([`GET /v1/volumes/${ex.VOLUME_UUID}`]);
    expectValid(sent, 1);
  });

  test("by name, for available", async () => {
    const { ukc, sent } = mockClient({}, only("volumes", ex.VOLUME_2));
    const volume = await ukc.volumes.waitUntil(ex.VOLUME_2, { state: "available" });
    expect(volume).toMatchObject({ name: ex.VOLUME_2, state: "available" });
    expectValid(sent, 1);
  });

  test("a predicate, or any of several states", async () => {
    const { ukc, sent } = mockClient();
    expect((await ukc.volumes.waitUntil(ex.VOLUME_UUID, (v) => v.size_mb === 64)).name).toBe(ex.VOLUME);
    expect((await ukc.volumes.waitUntil(ex.VOLUME_UUID, { state: ["available", "mounted"] })).state).toBe("mounted");
    expectValid(sent, 2);
  });

  pollingWaitTests((ukc, options) => ukc.volumes.waitUntil(ex.VOLUME_UUID, { state: "available" }, options));

  test("a volume in the error state ends the wait at once (unless error is awaited)", async () => {
    const { ukc, sent } = mockClient({}, allInState("volumes", "error"));
    const error = await rejection(ukc.volumes.waitUntil(ex.VOLUME_UUID, { state: "available" }, { timeoutMs: 5_000, intervalMs: 50 }));
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toContain(`volume '${ex.VOLUME}' is in the error state`);
    expect(sent).toHaveLength(1);
    expect((await ukc.volumes.waitUntil(ex.VOLUME_UUID, { state: "error" })).state).toBe("error");
    expectValid(sent, 2);
  });

  test("an unknown state or a bad reference is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.volumes.waitUntil(ex.VOLUME, { state: "ready" as never }), "condition.state");
    await rejectsOffline((ukc) => ukc.volumes.waitUntil("bad name!", { state: "available" }), "ref");
  });
});

method("clone", () => {
  const CLONE = "funky-vol-clone-r5n2w8x";
  const CLONE_UUID = "2a4c6e8f-0b1d-4f3a-9c5e-7d9f1b3d5e7a";

  test("one volume by UUID uses POST /v1/volumes/{uuid}/clone with the copy's settings", async () => {
    const { ukc, sent, routes } = mockClient();
    const copy = await ukc.volumes.clone(ex.VOLUME_UUID, { vol_name: CLONE, quota_policy: "dynamic" });
    expect(copy).toMatchObject({ status: "success", uuid: CLONE_UUID, name: CLONE, state: "initializing" });
    expect(routes()).toEqual([`POST /v1/volumes/${ex.VOLUME_UUID}/clone`]);
    expect(sent[0]!.body).toEqual({ vol_name: CLONE, quota_policy: "dynamic" });
    expectValid(sent, 1);
  });

  test("by name: the batch endpoint; the copy (a new name) is matched by position", async () => {
    const { ukc, sent, routes } = mockClient();
    const copy = await ukc.volumes.clone(ex.VOLUME, { vol_name: CLONE, tags: ["staging"] });
    expect(copy.uuid).toBe(CLONE_UUID);
    expect(routes()).toEqual(["POST /v1/volumes/clone"]);
    expect(sent[0]!.body).toEqual([{ name: ex.VOLUME, vol_name: CLONE, tags: ["staging"] }]);
    expectValid(sent, 1);
  });

  test("bad settings are rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.volumes.clone(ex.VOLUME, { size_mb: 5 } as never), "params");
    await rejectsOffline((ukc) => ukc.volumes.clone(ex.VOLUME, { quota_policy: "fast" as never }), "params.quota_policy");
    await rejectsOffline((ukc) => ukc.volumes.clone([ex.VOLUME, ex.VOLUME_2], { vol_name: CLONE }), "params.vol_name");
  });
});

describe("volumes coverage", () => {
  check();
});
