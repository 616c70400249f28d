// Contract tests of ukc.volumeTemplates against the Prism mock of spec/openapi.yaml.
import { describe, expect, test } from "vitest";
import { add, BatchError } from "../../src/index";
import { collect, coverage, ERROR_CASES, expectHttpError, expectValid, mockClient, rejection, rejectsOffline, surface } from "./support";

const covered = ["create", "get", "list", "update", "delete"] as const;
const { method, check } = coverage("volumeTemplates", () => surface().volumeTemplates, covered);

/** The volume template of the spec's examples. */
const TPL = "base-vol-template-h4k8p2q";
const TPL_UUID = "4d7e9a2c-1b3f-4c5d-8e6f-7a8b9c0d1e2f";

method("create", () => {
  test("one volume by name becomes a template: the batch endpoint, one item", async () => {
    const { ukc, sent, routes } = mockClient();
    const tpl = await ukc.volumeTemplates.create(TPL);
    expect(tpl).toMatchObject({ status: "success", uuid: TPL_UUID, name: TPL, state: "template" });
    expect(routes()).toEqual(["POST /v1/volumes/templates"]);
    expect(sent[0]!.body).toEqual([{ name: TPL }]);
    expectValid(sent, 1);
  });

  test("by UUID, still the batch endpoint (there is no by-UUID create)", async () => {
    const { ukc, sent } = mockClient();
    const tpl = await ukc.volumeTemplates.create({ uuid: TPL_UUID });
    expect(tpl.name).toBe(TPL);
    expect(sent[0]!.body).toEqual([{ uuid: TPL_UUID }]);
    expectValid(sent, 1);
  });

  test("many volumes in one request; one missing from the answer is a BatchError", async () => {
    const { ukc, sent } = mockClient();
    const error = await rejection(ukc.volumeTemplates.create([TPL, "other-vol"]));
    expect(error).toBeInstanceOf(BatchError);
    expect((error as BatchError<{ name: string }>).succeeded.map((t) => t.name)).toEqual([TPL]);
    expect((error as BatchError).failed.map((f) => f.ref)).toEqual(["other-vol"]);
    expectValid(sent, 1);
  });

  test("an invalid reference is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.volumeTemplates.create([TPL, { uuid: "not-a-uuid" }]), "refs[1]");
  });
});

method("get", () => {
  test("by UUID uses GET /v1/volumes/templates/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const tpl = await ukc.volumeTemplates.get(TPL_UUID, { details: true });
    expect(tpl).toMatchObject({ uuid: TPL_UUID, name: TPL, state: "template", size_mb: 256, tags: ["base"], delete_lock: true });
    expect(routes()).toEqual([`GET /v1/volumes/templates/${TPL_UUID}`]);
    expect(sent[0]!.query.get("details")).toBe("true");
    expectValid(sent, 1);
  });

  test("by name filters the listing", async () => {
    const { ukc, sent, routes } = mockClient();
    const tpl = await ukc.volumeTemplates.get(TPL);
    expect(tpl.uuid).toBe(TPL_UUID);
    expect(routes()).toEqual(["GET /v1/volumes/templates"]);
    expect(sent[0]!.query.getAll("name")).toEqual([TPL]);
    expectValid(sent, 1);
  });

  test.each(ERROR_CASES)("HTTP $code becomes $type.name", async ({ code, type, message }) => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.volumeTemplates.get(TPL_UUID, o), code, type, message);
  });
});

method("list", () => {
  test("one page of volume templates, filtered by tags, oldest first", async () => {
    const { ukc, sent } = mockClient();
    const all = await collect(ukc.volumeTemplates.list({ tags: ["base"] }));
    expect(all.map((t) => [t.name, t.state, t.size_mb])).toEqual([[TPL, "template", 256]]);
    expect(sent[0]!.path).toBe("/v1/volumes/templates");
    expect(sent[0]!.query.getAll("tags")).toEqual(["base"]);
    expect([sent[0]!.query.get("sortby"), sent[0]!.query.get("order")]).toEqual(["create_time", "asc"]);
    expectValid(sent, 1);
  });
});

method("update", () => {
  test("one template by UUID: PATCH /v1/volumes/templates/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const result = await ukc.volumeTemplates.update(TPL_UUID, { tags: add(["base"]) });
    expect(result).toMatchObject({ status: "success", uuid: TPL_UUID, name: TPL, id: "op-1" });
    expect(routes()).toEqual([`PATCH /v1/volumes/templates/${TPL_UUID}`]);
    expect(sent[0]!.body).toEqual({ prop: "tags", op: "add", value: ["base"] });
    expectValid(sent, 1);
  });

  test("by name: the batch endpoint", async () => {
    const { ukc, sent, routes } = mockClient();
    const [result] = await ukc.volumeTemplates.update([TPL], { delete_lock: true });
    expect(result!.name).toBe(TPL);
    expect(routes()).toEqual(["PATCH /v1/volumes/templates"]);
    expect(sent[0]!.body).toEqual([{ name: TPL, prop: "delete_lock", op: "set", value: true }]);
    expectValid(sent, 1);
  });

  test("other properties and wrong values are rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.volumeTemplates.update(TPL, { size_mb: 512 } as never), "patch.size_mb");
    await rejectsOffline((ukc) => ukc.volumeTemplates.update(TPL, { delete_lock: "yes" } as never), "patch.delete_lock");
    await rejectsOffline((ukc) => ukc.volumeTemplates.update(TPL, { tags: [1] } as never), /^patch\.tags/);
  });
});

method("delete", () => {
  test("one template by UUID uses DELETE /v1/volumes/templates/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.volumeTemplates.delete(TPL_UUID);
    expect(deleted).toMatchObject({ status: "success", uuid: TPL_UUID, name: TPL });
    expect(routes()).toEqual([`DELETE /v1/volumes/templates/${TPL_UUID}`]);
    expectValid(sent, 1);
  });

  test("by name, the batch endpoint with one item", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.volumeTemplates.delete(TPL);
    expect(deleted.uuid).toBe(TPL_UUID);
    expect(routes()).toEqual(["DELETE /v1/volumes/templates"]);
    expect(sent[0]!.body).toEqual([{ name: TPL }]);
    expectValid(sent, 1);
  });
});

describe("volumeTemplates coverage", () => {
  check();
});
