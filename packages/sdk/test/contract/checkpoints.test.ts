// Contract tests of ukc.checkpoints against the Prism mock of spec/openapi.yaml.
import { describe, expect, test } from "vitest";
import { add, BatchError, NotFoundError } from "../../src/index";
import { collect, coverage, ERROR_CASES, ex, expectHttpError, expectValid, mockClient, only, rejection, rejectsOffline, surface } from "./support";

const covered = ["create", "get", "list", "update", "delete", "history"] as const;
const { method, check } = coverage("checkpoints", () => surface().checkpoints, covered);

/** The checkpoints of the spec's examples. */
const CKPT = "funky-town-ckpt-r2d5x8w";
const CKPT_UUID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const CKPT_2 = "funky-town-ckpt-m4n6p1q";
const CKPT_2_UUID = "2c4e6a8b-1d3f-4b5a-9c7e-0f2a4c6e8b1d";

/** An `answer` of the mock: a second entry after the example's, failed as an unknown instance. */
const secondUnknown = (json: { data: { instances: Record<string, unknown>[] } }) => {
  json.data.instances.push({ status: "error", message: `No instance with name '${ex.HELLO}'`, error: 8 });
  return json;
};

method("create", () => {
  test("one checkpoint of an instance by name: the batch endpoint with `from`", async () => {
    const { ukc, sent, routes } = mockClient();
    const ckpt = await ukc.checkpoints.create(ex.INSTANCE, { name: CKPT, tags: ["nightly"], timeout_s: 30, autokill: { time_ms: 86_400_000 } });
    expect(ckpt).toMatchObject({ status: "success", uuid: CKPT_UUID, name: CKPT, state: "checkpoint" });
    expect(routes()).toEqual(["POST /v1/instances/checkpoints"]);
    expect(sent[0]!.body).toEqual([{ from: { name: ex.INSTANCE }, name: CKPT, tags: ["nightly"], timeout_s: 30, autokill: { time_ms: 86_400_000 } }]);
    expectValid(sent, 1);
  });

  test("by UUID, still the batch endpoint (there is no by-UUID create)", async () => {
    const { ukc, sent } = mockClient();
    const ckpt = await ukc.checkpoints.create({ uuid: ex.INSTANCE_UUID });
    expect(ckpt.uuid).toBe(CKPT_UUID);
    expect(sent[0]!.body).toEqual([{ from: { uuid: ex.INSTANCE_UUID } }]);
    expectValid(sent, 1);
  });

  test("many instances in one request: the answer's items are matched by position", async () => {
    const { ukc, sent } = mockClient({}, secondUnknown);
    const error = await rejection(ukc.checkpoints.create([ex.INSTANCE, ex.HELLO], { tags: ["nightly"] }));
    expect(error).toBeInstanceOf(BatchError);
    const batch = error as BatchError<{ name: string }>;
    // The new checkpoint has a name of its own: it is the first instance's by position.
    expect(batch.succeeded.map((c) => c.name)).toEqual([CKPT]);
    expect(batch.failed.map((f) => [f.ref, f.code])).toEqual([[ex.HELLO, 8]]);
    expect(batch.failed[0]!.error).toBeInstanceOf(NotFoundError);
    expect(sent[0]!.body).toEqual([
      { from: { name: ex.INSTANCE }, tags: ["nightly"] },
      { from: { name: ex.HELLO }, tags: ["nightly"] },
    ]);
    expectValid(sent, 1);
  });

  test("bad settings are rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.checkpoints.create(ex.INSTANCE, { colour: "red" } as never), "params");
    await rejectsOffline((ukc) => ukc.checkpoints.create(ex.INSTANCE, { timeout_s: "30" as never }), "params.timeout_s");
    await rejectsOffline((ukc) => ukc.checkpoints.create(ex.INSTANCE, { tags: "nightly" as never }), "params.tags");
    await rejectsOffline((ukc) => ukc.checkpoints.create(ex.INSTANCE, { autokill: { time_ms: -1 } }), "params.autokill.time_ms");
    await rejectsOffline((ukc) => ukc.checkpoints.create(ex.INSTANCE, { name: "bad name!" }), "params.name");
    await rejectsOffline((ukc) => ukc.checkpoints.create([ex.INSTANCE, ex.HELLO], { name: CKPT }), "params.name");
    await rejectsOffline((ukc) => ukc.checkpoints.create(ex.INSTANCE, { from: ex.HELLO } as never), "params.from");
    await rejectsOffline((ukc) => ukc.checkpoints.create([ex.INSTANCE, "bad name!"]), "from[1]");
    await rejectsOffline((ukc) => ukc.checkpoints.create([]), "from");
  });
});

method("get", () => {
  test("by UUID uses GET /v1/instances/checkpoints/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const ckpt = await ukc.checkpoints.get(CKPT_UUID, { details: true });
    expect(ckpt).toMatchObject({ uuid: CKPT_UUID, name: CKPT, state: "checkpoint", image: "nginx:latest", tags: ["nightly"] });
    expect(routes()).toEqual([`GET /v1/instances/checkpoints/${CKPT_UUID}`]);
    expect(sent[0]!.query.get("details")).toBe("true");
    expectValid(sent, 1);
  });

  test("by name filters the listing", async () => {
    const { ukc, sent, routes } = mockClient({}, only("instances", CKPT_2));
    const ckpt = await ukc.checkpoints.get(CKPT_2);
    expect(ckpt).toMatchObject({ uuid: CKPT_2_UUID, state: "checkpoint", tags: [] });
    expect(routes()).toEqual(["GET /v1/instances/checkpoints"]);
    expect(sent[0]!.query.getAll("name")).toEqual([CKPT_2]);
    expectValid(sent, 1);
  });

  test.each(ERROR_CASES)("HTTP $code becomes $type.name", async ({ code, type, message }) => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.checkpoints.get(CKPT_UUID, o), code, type, message);
  });
});

method("list", () => {
  test("one page of checkpoints, filtered by tags", async () => {
    const { ukc, sent } = mockClient();
    const all = await collect(ukc.checkpoints.list({ tags: ["nightly"] }));
    expect(all.map((c) => [c.name, c.state])).toEqual([
      [CKPT, "checkpoint"],
      [CKPT_2, "checkpoint"],
    ]);
    expect(sent[0]!.path).toBe("/v1/instances/checkpoints");
    expect(sent[0]!.query.getAll("tags")).toEqual(["nightly"]);
    expectValid(sent, 1);
  });

  test("pages with the inclusive from cursor", async () => {
    const { ukc, sent } = mockClient();
    const all = await collect(ukc.checkpoints.list({ pageSize: 2, details: false }));
    expect(all.map((c) => c.uuid)).toEqual([CKPT_UUID, CKPT_2_UUID]);
    expect(sent.map((s) => [s.query.get("from"), s.query.get("count")])).toEqual([
      [null, "2"],
      [CKPT_2_UUID, "3"],
    ]);
    expectValid(sent, 2);
  });
});

method("update", () => {
  test("one checkpoint by UUID, one operation: PATCH /v1/instances/checkpoints/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const result = await ukc.checkpoints.update(CKPT_UUID, { delete_lock: true });
    expect(result).toMatchObject({ status: "success", uuid: CKPT_UUID, name: CKPT, id: "op-1" });
    expect(routes()).toEqual([`PATCH /v1/instances/checkpoints/${CKPT_UUID}`]);
    expect(sent[0]!.body).toEqual({ prop: "delete_lock", op: "set", value: true });
    expectValid(sent, 1);
  });

  test("many checkpoints in one request, each matched by name or UUID", async () => {
    const { ukc, sent, routes } = mockClient();
    const results = await ukc.checkpoints.update([CKPT, CKPT_2_UUID], { tags: add(["keep"]) });
    expect(results.map((r) => [r.name, r.id])).toEqual([
      [CKPT, "op-1"],
      [CKPT_2, "op-2"],
    ]);
    expect(routes()).toEqual(["PATCH /v1/instances/checkpoints"]);
    expect(sent[0]!.body).toEqual([
      { name: CKPT, prop: "tags", op: "add", value: ["keep"] },
      { uuid: CKPT_2_UUID, prop: "tags", op: "add", value: ["keep"] },
    ]);
    expectValid(sent, 1);
  });

  test("autokill is sent as the object the spec describes", async () => {
    const { ukc, sent } = mockClient();
    await ukc.checkpoints.update(CKPT_UUID, { autokill: { time_ms: 3_600_000 } });
    expect(sent[0]!.body).toEqual({ prop: "autokill", op: "set", value: { time_ms: 3_600_000 } });
    expectValid(sent, 1);
  });

  test("other properties and wrong values are rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.checkpoints.update(CKPT, { memory_mb: 256 } as never), "patch.memory_mb");
    await rejectsOffline((ukc) => ukc.checkpoints.update(CKPT, { delete_lock: "yes" } as never), "patch.delete_lock");
    await rejectsOffline((ukc) => ukc.checkpoints.update(CKPT, { autokill: { time_ms: "soon" } } as never), /^patch\.autokill/);
    await rejectsOffline((ukc) => ukc.checkpoints.update(CKPT, { tags: "keep" } as never), "patch.tags");
  });
});

method("delete", () => {
  test("one checkpoint by UUID uses DELETE /v1/instances/checkpoints/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.checkpoints.delete(CKPT_UUID);
    expect(deleted).toMatchObject({ status: "success", uuid: CKPT_UUID, name: CKPT });
    expect(routes()).toEqual([`DELETE /v1/instances/checkpoints/${CKPT_UUID}`]);
    expectValid(sent, 1);
  });

  test("many in one request; the one the answer does not list is reported", async () => {
    const { ukc, sent } = mockClient();
    const error = await rejection(ukc.checkpoints.delete([CKPT, CKPT_2_UUID]));
    expect(error).toBeInstanceOf(BatchError);
    expect((error as BatchError<{ name: string }>).succeeded.map((c) => c.name)).toEqual([CKPT]);
    expect((error as BatchError).failed.map((f) => f.ref)).toEqual([CKPT_2_UUID]);
    expect(sent[0]!.body).toEqual([{ name: CKPT }, { uuid: CKPT_2_UUID }]);
    expectValid(sent, 1);
  });
});

method("history", () => {
  test("by UUID uses GET /v1/instances/checkpoints/{uuid}/history", async () => {
    const { ukc, sent, routes } = mockClient();
    const entry = await ukc.checkpoints.history(CKPT_UUID);
    expect(entry).toMatchObject({ uuid: CKPT_UUID, name: CKPT, history: [{ uuid: CKPT_UUID, name: CKPT, created_at: "2023-10-04T10:00:00Z" }] });
    expect(routes()).toEqual([`GET /v1/instances/checkpoints/${CKPT_UUID}/history`]);
    expectValid(sent, 1);
  });

  test("by name: the batch endpoint with name=, the lineage oldest first", async () => {
    const { ukc, sent, routes } = mockClient();
    const [entry] = await ukc.checkpoints.history([CKPT_2]);
    expect(entry!.history?.map((h) => h.name)).toEqual([CKPT, CKPT_2]);
    expect(routes()).toEqual(["GET /v1/instances/checkpoints/history"]);
    expect(sent[0]!.query.getAll("name")).toEqual([CKPT_2]);
    expectValid(sent, 1);
  });

  test("a bad reference is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.checkpoints.history("bad name!"), "refs");
  });
});

describe("checkpoints coverage", () => {
  check();
});
