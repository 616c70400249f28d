// Contract tests of ukc.templates against the Prism mock of spec/openapi.yaml.
import { describe, expect, test } from "vitest";
import { add, BatchError } from "../../src/index";
import { collect, coverage, ERROR_CASES, ex, expectHttpError, expectValid, mockClient, only, rejectsOffline, rejection, surface } from "./support";

const covered = ["list", "create", "get", "update", "delete"] as const;
const { method, check } = coverage("templates", () => surface().templates, covered);


method("list", () => {
  test("one page of templates, filtered by tags", async () => {
    const { ukc, sent } = mockClient();
    const templates = await collect(ukc.templates.list({ tags: ["nginx"] }));
    expect(templates.map((t) => [t.name, t.state, t.image])).toEqual([
      [ex.TEMPLATE, "template", "nginx:latest"],
      [ex.REDIS_TEMPLATE, "template", "redis:7.2"],
    ]);
    expect(sent[0]!.path).toBe("/v1/instances/templates");
    expect(sent[0]!.query.getAll("tags")).toEqual(["nginx"]);
    expect(sent[0]!.query.get("count")).toBe("100");
    expectValid(sent, 1);
  });

  test("pages with the INCLUSIVE from cursor: the next page asks one more and starts at the last uuid", async () => {
    const { ukc, sent } = mockClient();
    const templates = await collect(ukc.templates.list({ pageSize: 2, details: false }));
    expect(templates.map((t) => t.uuid)).toEqual([ex.TEMPLATE_UUID, ex.REDIS_TEMPLATE_UUID]);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.query.get("from")).toBeNull();
    expect(sent[0]!.query.get("count")).toBe("2");
    expect(sent[1]!.query.get("from")).toBe(ex.REDIS_TEMPLATE_UUID);
    expect(sent[1]!.query.get("count")).toBe("3");
    // The retired exclusive cursor is never sent.
    expect(sent.map((s) => s.query.get("from_uuid"))).toEqual([null, null]);
    for (const s of sent) {
      expect([s.query.get("sortby"), s.query.get("order"), s.query.get("details")]).toEqual(["create_time", "asc", "false"]);
    }
    expectValid(sent, 2);
  });

  test("HTTP 429 becomes RateLimitError", async () => {
    const { ukc } = mockClient();
    const c = ERROR_CASES.find((e) => e.code === 429)!;
    await expectHttpError((o) => collect(ukc.templates.list(o)), c.code, c.type, c.message);
  });
});

method("create", () => {
  test("one instance by name becomes a template (batch endpoint, one item)", async () => {
    const { ukc, sent, routes } = mockClient();
    const template = await ukc.templates.create(ex.TEMPLATE);
    expect(template).toMatchObject({ status: "success", uuid: ex.TEMPLATE_UUID, name: ex.TEMPLATE, state: "template" });
    expect(routes()).toEqual(["POST /v1/instances/templates"]);
    expect(sent[0]!.body).toEqual([{ name: ex.TEMPLATE }]);
    expectValid(sent, 1);
  });

  test("by UUID, still the batch endpoint (there is no by-UUID create)", async () => {
    const { ukc, sent } = mockClient();
    const template = await ukc.templates.create({ uuid: ex.TEMPLATE_UUID });
    expect(template.name).toBe(ex.TEMPLATE);
    expect(sent[0]!.body).toEqual([{ uuid: ex.TEMPLATE_UUID }]);
    expectValid(sent, 1);
  });

  test("many instances in one request; one missing from the answer is a BatchError", async () => {
    const { ukc, sent } = mockClient();
    const error = await rejection(ukc.templates.create([ex.TEMPLATE, ex.HELLO]));
    expect(error).toBeInstanceOf(BatchError);
    expect((error as BatchError).succeeded).toHaveLength(1);
    expect((error as BatchError).failed.map((f) => f.ref)).toEqual([ex.HELLO]);
    expect(sent[0]!.body).toEqual([{ name: ex.TEMPLATE }, { name: ex.HELLO }]);
    expectValid(sent, 1);
  });

  test("an invalid reference is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.templates.create([ex.TEMPLATE, { uuid: ex.TEMPLATE, name: "x" } as never]), "refs[1]");
  });
});

method("get", () => {
  test("by UUID uses GET /v1/instances/templates/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const template = await ukc.templates.get(ex.TEMPLATE_UUID, { details: true });
    expect(template).toMatchObject({ uuid: ex.TEMPLATE_UUID, name: ex.TEMPLATE, state: "template", memory_mb: 1024, tags: ["nginx", "base"] });
    expect(routes()).toEqual([`GET /v1/instances/templates/${ex.TEMPLATE_UUID}`]);
    expect(sent[0]!.query.get("details")).toBe("true");
    expectValid(sent, 1);
  });

  test("by name filters the listing", async () => {
    const { ukc, sent, routes } = mockClient({}, only("instances", ex.REDIS_TEMPLATE));
    const template = await ukc.templates.get(ex.REDIS_TEMPLATE);
    expect(template).toMatchObject({ uuid: ex.REDIS_TEMPLATE_UUID, image: "redis:7.2", restart_policy: "on-failure" });
    expect(routes()).toEqual(["GET /v1/instances/templates"]);
    expect(sent[0]!.query.getAll("name")).toEqual([ex.REDIS_TEMPLATE]);
    expectValid(sent, 1);
  });

  test.each(ERROR_CASES)("HTTP $code becomes $type.name", async ({ code, type, message }) => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.templates.get(ex.TEMPLATE_UUID, o), code, type, message);
  });
});

method("update", () => {
  test("one template by UUID, one operation: PATCH /v1/instances/templates/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const result = await ukc.templates.update(ex.TEMPLATE_UUID, { tags: add(["production"]) });
    expect(result).toMatchObject({ status: "success", uuid: ex.TEMPLATE_UUID, id: "op-1" });
    expect(routes()).toEqual([`PATCH /v1/instances/templates/${ex.TEMPLATE_UUID}`]);
    expect(sent[0]!.body).toEqual({ prop: "tags", op: "add", value: ["production"] });
    expectValid(sent, 1);
  });

  test("many templates in one request", async () => {
    const { ukc, sent, routes } = mockClient();
    const results = await ukc.templates.update([ex.TEMPLATE, ex.REDIS_TEMPLATE_UUID], { delete_lock: true });
    expect(results.map((r) => [r.name, r.id])).toEqual([
      [ex.TEMPLATE, "op-1"],
      [ex.REDIS_TEMPLATE, "op-2"],
    ]);
    expect(routes()).toEqual(["PATCH /v1/instances/templates"]);
    expect(sent[0]!.body).toEqual([
      { name: ex.TEMPLATE, prop: "delete_lock", op: "set", value: true },
      { uuid: ex.REDIS_TEMPLATE_UUID, prop: "delete_lock", op: "set", value: true },
    ]);
    expectValid(sent, 1);
  });

  test("raw operations with an id are passed through", async () => {
    const { ukc, sent } = mockClient();
    const result = await ukc.templates.update(ex.TEMPLATE_UUID, [{ prop: "tags", op: "set", value: ["base"], id: "op-1" }]);
    expect(result.id).toBe("op-1");
    expect(sent[0]!.body).toEqual({ prop: "tags", op: "set", value: ["base"], id: "op-1" });
    expectValid(sent, 1);
  });

  test("other properties and wrong values are rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.templates.update(ex.TEMPLATE, { memory_mb: 256 } as never), "patch.memory_mb");
    await rejectsOffline((ukc) => ukc.templates.update(ex.TEMPLATE, { delete_lock: "yes" } as never), "patch.delete_lock");
    await rejectsOffline((ukc) => ukc.templates.update(ex.TEMPLATE, { tags: "base" } as never), "patch.tags");
  });
});

method("delete", () => {
  test("one template by UUID uses DELETE /v1/instances/templates/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.templates.delete(ex.TEMPLATE_UUID);
    expect(deleted).toMatchObject({ status: "success", name: ex.TEMPLATE, previous_state: "template" });
    expect(routes()).toEqual([`DELETE /v1/instances/templates/${ex.TEMPLATE_UUID}`]);
    expectValid(sent, 1);
  });

  test("by name, the batch endpoint with one item", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.templates.delete(ex.TEMPLATE);
    expect(deleted.uuid).toBe(ex.TEMPLATE_UUID);
    expect(routes()).toEqual(["DELETE /v1/instances/templates"]);
    expect(sent[0]!.body).toEqual([{ name: ex.TEMPLATE }]);
    expectValid(sent, 1);
  });

  test("many templates in one request; the one the answer does not list is reported", async () => {
    const { ukc, sent } = mockClient();
    const error = await rejection(ukc.templates.delete([ex.TEMPLATE_UUID, ex.REDIS_TEMPLATE]));
    expect(error).toBeInstanceOf(BatchError);
    expect((error as BatchError<{ name?: string }>).succeeded.map((t) => t.name)).toEqual([ex.TEMPLATE]);
    expect((error as BatchError).failed.map((f) => f.ref)).toEqual([ex.REDIS_TEMPLATE]);
    expect(sent[0]!.body).toEqual([{ uuid: ex.TEMPLATE_UUID }, { name: ex.REDIS_TEMPLATE }]);
    expectValid(sent, 1);
  });
});

describe("templates coverage", () => {
  check();
});
