// Contract tests of ukc.serviceGroups against the Prism mock of spec/openapi.yaml.
import { describe, expect, test } from "vitest";
import { add, APIError, BatchError, del } from "../../src/index";
import { collect, coverage, ERROR_CASES, ex, expectHttpError, expectValid, mockClient, only, rejection, rejectsOffline, surface } from "./support";

const covered = ["create", "get", "list", "update", "delete"] as const;
const { method, check } = coverage("serviceGroups", () => surface().serviceGroups, covered);

method("create", () => {
  test("POSTs one object and returns the created service group", async () => {
    const { ukc, sent, routes } = mockClient();
    const params = {
      name: ex.SERVICE,
      services: [
        { port: 443, destination_port: 8080, handlers: ["tls", "http"] as ("tls" | "http")[] },
        { port: 80, destination_port: 443, handlers: ["http", "redirect"] as ("http" | "redirect")[] },
      ],
      domains: [{ name: "example.com.", certificate: { name: ex.CERTIFICATE } }],
      soft_limit: 1,
      hard_limit: 100,
    };
    const group = await ukc.serviceGroups.create(params);
    expect(group).toMatchObject({ status: "success", uuid: ex.SERVICE_UUID, name: ex.SERVICE });
    expect(routes()).toEqual(["POST /v1/services"]);
    expect(sent[0]!.body).toEqual(params);
    expectValid(sent, 1);
  });

  test("services is required: a create without it is refused before sending", async () => {
    const error = await rejectsOffline((ukc) => ukc.serviceGroups.create({} as never), "params.services");
    expect(error.message).toMatch(/is required/);
  });

  test("invalid limits, ports, handlers, domains, names and fields are rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.serviceGroups.create({ services: [], soft_limit: 10, hard_limit: 5 }), "params.soft_limit");
    await rejectsOffline((ukc) => ukc.serviceGroups.create({ services: [], hard_limit: 0 }), "params.hard_limit");
    await rejectsOffline((ukc) => ukc.serviceGroups.create({ services: [{ port: 70000 }] }), "params.services[0].port");
    await rejectsOffline((ukc) => ukc.serviceGroups.create({ services: [{ port: 443, handlers: ["ftp" as never] }] }), "params.services[0].handlers[0]");
    await rejectsOffline((ukc) => ukc.serviceGroups.create({ services: [], domains: [{} as never] }), "params.domains[0].name");
    await rejectsOffline((ukc) => ukc.serviceGroups.create({ services: [], name: "-web" }), "params.name");
    await rejectsOffline((ukc) => ukc.serviceGroups.create({ services: [], autoscale: true } as never), "params");
  });

  test("409 becomes ConflictError", async () => {
    const { ukc } = mockClient();
    const c = ERROR_CASES.find((e) => e.code === 409)!;
    await expectHttpError((o) => ukc.serviceGroups.create({ name: ex.SERVICE, services: [] }, o), c.code, c.type, c.message);
  });
});

method("get", () => {
  test("by UUID uses GET /v1/services/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const group = await ukc.serviceGroups.get(ex.SERVICE_UUID);
    expect(group).toMatchObject({ uuid: ex.SERVICE_UUID, name: ex.SERVICE, persistent: true, soft_limit: 1, hard_limit: 100 });
    expect(group.services?.map((s) => [s.port, s.destination_port])).toEqual([
      [443, 8080],
      [80, 443],
    ]);
    // A domain as the API reports it: its fqdn, and the certificate's uuid, name and state.
    expect(group.domains?.[0]).toEqual({ fqdn: "example.com.", certificate: { uuid: ex.CERTIFICATE_UUID, name: ex.CERTIFICATE, state: "valid" } });
    expect(group.instances?.[0]?.name).toBe(ex.INSTANCE);
    expect(routes()).toEqual([`GET /v1/services/${ex.SERVICE_UUID}`]);
    expectValid(sent, 1);
  });

  test("by name filters the listing", async () => {
    const { ukc, sent, routes } = mockClient();
    const group = await ukc.serviceGroups.get(ex.SERVICE, { details: false });
    expect(group.uuid).toBe(ex.SERVICE_UUID);
    expect(routes()).toEqual(["GET /v1/services"]);
    expect(sent[0]!.query.getAll("name")).toEqual([ex.SERVICE]);
    expect(sent[0]!.query.get("details")).toBe("false");
    expectValid(sent, 1);
  });

  test.each(ERROR_CASES)("HTTP $code becomes $type.name", async ({ code, type, message }) => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.serviceGroups.get(ex.SERVICE, o), code, type, message);
  });
});

method("list", () => {
  test("all service groups", async () => {
    const { ukc, sent } = mockClient();
    const groups = await collect(ukc.serviceGroups.list());
    expect(groups.map((g) => g.name)).toEqual([ex.SERVICE]);
    expect(Object.fromEntries(sent[0]!.query)).toEqual({ count: "100", sortby: "create_time", order: "asc" });
    expectValid(sent, 1);
  });

  test("pages with the inclusive from cursor and yields each group once", async () => {
    const { ukc, sent } = mockClient();
    const groups = await collect(ukc.serviceGroups.list({ pageSize: 1 }));
    expect(groups.map((g) => g.uuid)).toEqual([ex.SERVICE_UUID]);
    expect(sent.map((s) => [s.query.get("count"), s.query.get("from")])).toEqual([
      ["1", null],
      ["2", ex.SERVICE_UUID],
    ]);
    expectValid(sent, 2);
  });

  test("tags are not a filter of this endpoint: rejected before sending", async () => {
    await rejectsOffline((ukc) => collect(ukc.serviceGroups.list({ tags: ["x"] } as never)), "tags");
  });
});

method("update", () => {
  test("one group by UUID, one operation: PATCH /v1/services/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const result = await ukc.serviceGroups.update(ex.SERVICE_UUID, { hard_limit: 100 });
    expect(result).toMatchObject({ status: "success", uuid: ex.SERVICE_UUID, name: ex.SERVICE, id: "op-1" });
    expect(routes()).toEqual([`PATCH /v1/services/${ex.SERVICE_UUID}`]);
    expect(sent[0]!.body).toEqual({ prop: "hard_limit", op: "set", value: 100 });
    expectValid(sent, 1);
  });

  test("by name: the batch endpoint with one item", async () => {
    const { ukc, sent, routes } = mockClient();
    const result = await ukc.serviceGroups.update(ex.SERVICE, { soft_limit: 5 });
    expect(result).toMatchObject({ name: ex.SERVICE, status: "success", id: "op-1" });
    expect(routes()).toEqual(["PATCH /v1/services"]);
    expect(sent[0]!.body).toEqual([{ name: ex.SERVICE, prop: "soft_limit", op: "set", value: 5 }]);
    expectValid(sent, 1);
  });

  test("services and domains take add() and del()", async () => {
    const { ukc, sent } = mockClient();
    await ukc.serviceGroups.update(ex.SERVICE_UUID, { services: add([{ port: 8443, destination_port: 8080, handlers: ["tls", "http"] }]) });
    await ukc.serviceGroups.update(ex.SERVICE_UUID, { domains: del([{ name: "www.example.com.", certificate: { uuid: ex.CERTIFICATE_2_UUID } }]) });
    expect(sent.map((s) => s.body)).toEqual([
      { prop: "services", op: "add", value: [{ port: 8443, destination_port: 8080, handlers: ["tls", "http"] }] },
      { prop: "domains", op: "del", value: [{ name: "www.example.com.", certificate: { uuid: ex.CERTIFICATE_2_UUID } }] },
    ]);
    expectValid(sent, 2);
  });

  test("several properties of one group go in one batch request, one operation each", async () => {
    const { ukc, sent, routes } = mockClient();
    // The spec's answer lists one entry: the SDK reports the second operation as missing, not dropped.
    const error = await rejection(ukc.serviceGroups.update(ex.SERVICE, { soft_limit: 5, hard_limit: 50 }));
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toContain("no result");
    expect(routes()).toEqual(["PATCH /v1/services"]);
    expect(sent[0]!.body).toEqual([
      { name: ex.SERVICE, prop: "soft_limit", op: "set", value: 5 },
      { name: ex.SERVICE, prop: "hard_limit", op: "set", value: 50 },
    ]);
    expectValid(sent, 1);
  });

  test("many groups in one request; a group the answer does not list is a BatchError", async () => {
    const { ukc, sent } = mockClient();
    const error = await rejection(ukc.serviceGroups.update([ex.SERVICE, ex.SERVICE_2_UUID], { soft_limit: 5 }));
    expect(error).toBeInstanceOf(BatchError);
    expect((error as BatchError<{ name?: string }>).succeeded.map((g) => g.name)).toEqual([ex.SERVICE]);
    expect((error as BatchError).failed.map((f) => f.ref)).toEqual([ex.SERVICE_2_UUID]);
    expect(sent[0]!.body).toEqual([
      { name: ex.SERVICE, prop: "soft_limit", op: "set", value: 5 },
      { uuid: ex.SERVICE_2_UUID, prop: "soft_limit", op: "set", value: 5 },
    ]);
    expectValid(sent, 1);
  });

  test("invalid values are rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.serviceGroups.update(ex.SERVICE, { soft_limit: 0 }), "patch.soft_limit");
    await rejectsOffline((ukc) => ukc.serviceGroups.update(ex.SERVICE, { hard_limit: add(1) }), /patch\.hard_limit/);
    await rejectsOffline((ukc) => ukc.serviceGroups.update(ex.SERVICE, { services: [{ port: -1 }] }), "patch.services[0].port");
    await rejectsOffline((ukc) => ukc.serviceGroups.update(ex.SERVICE, { name: "x" } as never), "patch.name");
  });
});

method("delete", () => {
  test("one group by UUID uses DELETE /v1/services/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.serviceGroups.delete(ex.SERVICE_UUID);
    expect(deleted).toMatchObject({ status: "success", uuid: ex.SERVICE_UUID, name: ex.SERVICE });
    expect(routes()).toEqual([`DELETE /v1/services/${ex.SERVICE_UUID}`]);
    expectValid(sent, 1);
  });

  test("many groups in one request", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.serviceGroups.delete([ex.SERVICE, ex.SERVICE_2_UUID]);
    expect(deleted.map((d) => [d.uuid, d.name])).toEqual([
      [ex.SERVICE_UUID, ex.SERVICE],
      [ex.SERVICE_2_UUID, ex.SERVICE_2],
    ]);
    expect(routes()).toEqual(["DELETE /v1/services"]);
    expect(sent[0]!.body).toEqual([{ name: ex.SERVICE }, { uuid: ex.SERVICE_2_UUID }]);
    expectValid(sent, 1);
  });

  test("one group by name uses the batch endpoint", async () => {
    const { ukc, sent } = mockClient({}, only("service_groups", ex.SERVICE_2));
    const deleted = await ukc.serviceGroups.delete({ name: ex.SERVICE_2 });
    expect(deleted.uuid).toBe(ex.SERVICE_2_UUID);
    expect(sent[0]!.body).toEqual([{ name: ex.SERVICE_2 }]);
    expectValid(sent, 1);
  });
});

describe("serviceGroups coverage", () => {
  check();
});
