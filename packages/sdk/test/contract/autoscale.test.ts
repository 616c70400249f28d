// Contract tests of ukc.autoscale against the Prism mock of spec/openapi.yaml.
import { describe, expect, test } from "vitest";
import type { AutoscalePolicy } from "@ukc/api";
import { BatchError } from "../../src/index";
import { coverage, ERROR_CASES, ex, expectHttpError, expectValid, mockClient, rejection, rejectsOffline, surface } from "./support";

const covered = [
  "getConfiguration",
  "listConfigurations",
  "createConfiguration",
  "deleteConfiguration",
  "addPolicy",
  "getPolicy",
  "listPolicies",
  "deletePolicy",
] as const;
const { method, check } = coverage("autoscale", () => surface().autoscale, covered);

const POLICY: AutoscalePolicy = {
  name: ex.POLICY,
  enabled: true,
  metric: "cpu",
  adjustment_type: "percentage",
  steps: [
    { lower_bound: 10, upper_bound: 500, adjustment: 50 },
    { lower_bound: 500, adjustment: 100 },
  ],
};

const CONFIG = {
  min_size: 2,
  max_size: 12,
  warmup_time_ms: 100,
  cooldown_time_ms: 100,
  create_args: { template: { name: "nginx-template" } },
  policies: [POLICY],
};

/** The resolution of a service-group name: GET /v1/services?name=…&details=false. */
const RESOLVE = "GET /v1/services";

method("getConfiguration", () => {
  test("by UUID uses GET /v1/services/{uuid}/autoscale", async () => {
    const { ukc, sent, routes } = mockClient();
    const config = await ukc.autoscale.getConfiguration(ex.SERVICE_UUID);
    expect(config).toMatchObject({ uuid: ex.SERVICE_UUID, name: ex.SERVICE, enabled: true, min_size: 2, max_size: 10, warmup_time_ms: 3000 });
    expect(config.template).toEqual({ name: "funky-instance-template", uuid: ex.INSTANCE_UUID });
    expect(config.policies?.[0]?.steps).toHaveLength(2);
    expect(routes()).toEqual([`GET /v1/services/${ex.SERVICE_UUID}/autoscale`]);
    expectValid(sent, 1);
  });

  test("by name uses the batch GET /v1/services/autoscale", async () => {
    const { ukc, sent, routes } = mockClient();
    const config = await ukc.autoscale.getConfiguration(ex.SERVICE);
    expect(config).toMatchObject({ name: ex.SERVICE, enabled: true, cooldown_time_ms: 3000 });
    expect(routes()).toEqual(["GET /v1/services/autoscale"]);
    expect(sent[0]!.query.getAll("name")).toEqual([ex.SERVICE]);
    expectValid(sent, 1);
  });

  test.each(ERROR_CASES)("HTTP $code becomes $type.name", async ({ code, type, message }) => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.autoscale.getConfiguration(ex.SERVICE_UUID, o), code, type, message);
  });
});

method("listConfigurations", () => {
  test("an array of references resolves with one configuration each", async () => {
    const { ukc, sent, routes } = mockClient();
    const configs = await ukc.autoscale.listConfigurations([ex.SERVICE]);
    expect(configs.map((c) => [c.name, c.enabled, c.max_size])).toEqual([[ex.SERVICE, true, 10]]);
    expect(routes()).toEqual(["GET /v1/services/autoscale"]);
    expectValid(sent, 1);
  });

  test("one reference also resolves with a list", async () => {
    const { ukc, sent } = mockClient();
    const configs = await ukc.autoscale.listConfigurations(ex.SERVICE_UUID);
    expect(configs.map((c) => c.uuid)).toEqual([ex.SERVICE_UUID]);
    expect(sent[0]!.query.getAll("uuid")).toEqual([ex.SERVICE_UUID]);
    expectValid(sent, 1);
  });

  test("many groups: uuid and name filters in one request; a group the answer misses is a BatchError", async () => {
    const { ukc, sent } = mockClient();
    const error = await rejection(ukc.autoscale.listConfigurations([ex.SERVICE, ex.SERVICE_2_UUID]));
    expect(error).toBeInstanceOf(BatchError);
    expect((error as BatchError<{ name?: string }>).succeeded.map((c) => c.name)).toEqual([ex.SERVICE]);
    expect((error as BatchError).failed.map((f) => f.ref)).toEqual([ex.SERVICE_2_UUID]);
    expect(sent[0]!.query.getAll("name")).toEqual([ex.SERVICE]);
    expect(sent[0]!.query.getAll("uuid")).toEqual([ex.SERVICE_2_UUID]);
    expectValid(sent, 1);
  });

  test("no references is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.autoscale.listConfigurations([]), "refs");
  });
});

method("createConfiguration", () => {
  test("by UUID: POST /v1/services/{uuid}/autoscale with one object", async () => {
    const { ukc, sent, routes } = mockClient();
    const created = await ukc.autoscale.createConfiguration(ex.SERVICE_UUID, CONFIG);
    expect(created).toMatchObject({ status: "success", uuid: ex.SERVICE_UUID, name: ex.SERVICE });
    expect(routes()).toEqual([`POST /v1/services/${ex.SERVICE_UUID}/autoscale`]);
    // The current contract wants the service group's UUID in the body as well as in the path.
    expect(sent[0]!.body).toEqual({ uuid: ex.SERVICE_UUID, ...CONFIG });
    expectValid(sent, 1);
  });

  test("by name: the batch POST with one item", async () => {
    const { ukc, sent, routes } = mockClient();
    const TEMPLATE = { template: { uuid: ex.TEMPLATE_UUID } };
    const created = await ukc.autoscale.createConfiguration(ex.SERVICE, { min_size: 2, max_size: 12, create_args: TEMPLATE });
    expect(created).toMatchObject({ status: "success", name: ex.SERVICE });
    expect(routes()).toEqual(["POST /v1/services/autoscale"]);
    expect(sent[0]!.body).toEqual([{ name: ex.SERVICE, min_size: 2, max_size: 12, create_args: TEMPLATE }]);
    expectValid(sent, 1);
  });

  test("invalid configurations are rejected before sending", async () => {
    const args = { create_args: { template: { name: "nginx-template" } } };
    await rejectsOffline((ukc) => ukc.autoscale.createConfiguration(ex.SERVICE, { ...args, min_size: 5, max_size: 2 }), "config.min_size");
    await rejectsOffline((ukc) => ukc.autoscale.createConfiguration(ex.SERVICE, { ...args, min_size: -1 }), "config.min_size");
    await rejectsOffline((ukc) => ukc.autoscale.createConfiguration(ex.SERVICE, { ...args, warmup_time_ms: 1.5 }), "config.warmup_time_ms");
    await rejectsOffline((ukc) => ukc.autoscale.createConfiguration(ex.SERVICE, { ...args, uuid: ex.SERVICE_UUID } as never), "config");
    await rejectsOffline((ukc) => ukc.autoscale.createConfiguration(ex.SERVICE, { ...args, size: 3 } as never), "config");
    await rejectsOffline(
      (ukc) => ukc.autoscale.createConfiguration(ex.SERVICE, { ...args, policies: [{ ...POLICY, metric: "memory" as never }] }),
      "config.policies[0].metric",
    );
    await rejectsOffline((ukc) => ukc.autoscale.createConfiguration("", { ...args, min_size: 1 }), "serviceGroup");
  });

  test("create_args is { template } or { roms }, nothing else, checked before sending", async () => {
    const error = await rejectsOffline((ukc) => ukc.autoscale.createConfiguration(ex.SERVICE, { create_args: { image: "nginx:latest" } } as never), "config.create_args");
    expect(error.message).toMatch(/unknown field\(s\) image: autoscale creates instances from a template or from ROMs only/);
    await rejectsOffline((ukc) => ukc.autoscale.createConfiguration(ex.SERVICE, { min_size: 1 } as never), "config.create_args");
    await rejectsOffline(
      (ukc) => ukc.autoscale.createConfiguration(ex.SERVICE, { create_args: { template: { name: "t" }, roms: { name: "r" } } } as never),
      "config.create_args",
    );
    await rejectsOffline((ukc) => ukc.autoscale.createConfiguration(ex.SERVICE, { create_args: { template: { uuid: "t" } } }), "config.create_args.template.uuid");
    await rejectsOffline((ukc) => ukc.autoscale.createConfiguration(ex.SERVICE, { create_args: { roms: { image: "x" } } } as never), "config.create_args.roms.name");
  });
});

method("deleteConfiguration", () => {
  test("one group by UUID uses DELETE /v1/services/{uuid}/autoscale", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.autoscale.deleteConfiguration(ex.SERVICE_UUID);
    expect(deleted).toMatchObject({ status: "success", uuid: ex.SERVICE_UUID, name: ex.SERVICE });
    expect(routes()).toEqual([`DELETE /v1/services/${ex.SERVICE_UUID}/autoscale`]);
    expectValid(sent, 1);
  });

  test("by name: the batch DELETE with one item", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.autoscale.deleteConfiguration(ex.SERVICE);
    expect(deleted.uuid).toBe(ex.SERVICE_UUID);
    expect(routes()).toEqual(["DELETE /v1/services/autoscale"]);
    expect(sent[0]!.body).toEqual([{ name: ex.SERVICE }]);
    expectValid(sent, 1);
  });

  test("many groups in one request", async () => {
    const { ukc, sent } = mockClient();
    const error = await rejection(ukc.autoscale.deleteConfiguration([ex.SERVICE, ex.SERVICE_2_UUID]));
    expect(error).toBeInstanceOf(BatchError);
    expect((error as BatchError).failed.map((f) => f.ref)).toEqual([ex.SERVICE_2_UUID]);
    expect(sent[0]!.body).toEqual([{ name: ex.SERVICE }, { uuid: ex.SERVICE_2_UUID }]);
    expectValid(sent, 1);
  });
});

method("addPolicy", () => {
  test("by UUID: POST /v1/services/{uuid}/autoscale/policies at once, no lookup; the body names the policy", async () => {
    const { ukc, sent, routes } = mockClient();
    const added = await ukc.autoscale.addPolicy(ex.SERVICE_UUID, POLICY);
    expect(added).toMatchObject({ status: "success", name: ex.POLICY });
    expect(routes()).toEqual([`POST /v1/services/${ex.SERVICE_UUID}/autoscale/policies`]);
    expect(sent[0]!.body).toEqual({ name: ex.POLICY, type: POLICY });
    expectValid(sent, 1);
  });

  test("by name: one GET resolves the UUID", async () => {
    const { ukc, sent, routes } = mockClient();
    const added = await ukc.autoscale.addPolicy(ex.SERVICE, POLICY);
    expect(added.name).toBe(ex.POLICY);
    expect(routes()).toEqual([RESOLVE, `POST /v1/services/${ex.SERVICE_UUID}/autoscale/policies`]);
    expect(sent[0]!.query.getAll("name")).toEqual([ex.SERVICE]);
    expect(sent[0]!.query.get("details")).toBe("false");
    expect(sent[1]!.body).toEqual({ name: ex.POLICY, type: POLICY });
    expectValid(sent, 2);
  });

  test("an invalid policy is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.autoscale.addPolicy(ex.SERVICE, { ...POLICY, name: "" }), "policy.name");
    await rejectsOffline((ukc) => ukc.autoscale.addPolicy(ex.SERVICE, { ...POLICY, adjustment_type: "double" as never }), "policy.adjustment_type");
    await rejectsOffline(
      (ukc) => ukc.autoscale.addPolicy(ex.SERVICE, { ...POLICY, steps: [{ lower_bound: 9, upper_bound: 1, adjustment: 1 }] }),
      "policy.steps[0]",
    );
  });
});

method("getPolicy", () => {
  test("by UUID: GET /v1/services/{uuid}/autoscale/policies/{name}, no lookup", async () => {
    const { ukc, sent, routes } = mockClient();
    const policy = await ukc.autoscale.getPolicy(ex.SERVICE_UUID, ex.POLICY);
    expect(policy).toEqual(POLICY);
    expect(routes()).toEqual([`GET /v1/services/${ex.SERVICE_UUID}/autoscale/policies/${ex.POLICY}`]);
    expectValid(sent, 1);
  });

  test("by name: resolved with one GET first", async () => {
    const { ukc, sent, routes } = mockClient();
    const policy = await ukc.autoscale.getPolicy({ name: ex.SERVICE }, ex.POLICY);
    expect(policy.adjustment_type).toBe("percentage");
    expect(routes()).toEqual([RESOLVE, `GET /v1/services/${ex.SERVICE_UUID}/autoscale/policies/${ex.POLICY}`]);
    expectValid(sent, 2);
  });

  test("a policy reported with the `percent` spelling comes back as the API sent it", async () => {
    const { ukc, sent } = mockClient({}, (json) => {
      json.data.policies[0].policy.adjustment_type = "percent";
      return json;
    });
    const policy = await ukc.autoscale.getPolicy(ex.SERVICE_UUID, ex.POLICY);
    expect(policy).toEqual({ ...POLICY, adjustment_type: "percent" });
    expectValid(sent, 1);
  });

  test("an invalid policy name is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.autoscale.getPolicy(ex.SERVICE_UUID, ""), "policyName");
    await rejectsOffline((ukc) => ukc.autoscale.getPolicy(ex.SERVICE_UUID, "a/b"), "policyName");
  });

  test.each(ERROR_CASES)("HTTP $code becomes $type.name", async ({ code, type, message }) => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.autoscale.getPolicy(ex.SERVICE_UUID, ex.POLICY, o), code, type, message);
  });
});

method("listPolicies", () => {
  test("by UUID: GET /v1/services/{uuid}/autoscale/policies", async () => {
    const { ukc, sent, routes } = mockClient();
    const policies = await ukc.autoscale.listPolicies(ex.SERVICE_UUID);
    expect(policies).toEqual([POLICY]);
    expect(routes()).toEqual([`GET /v1/services/${ex.SERVICE_UUID}/autoscale/policies`]);
    expectValid(sent, 1);
  });

  test("by name: resolved with one GET first", async () => {
    const { ukc, sent, routes } = mockClient();
    const policies = await ukc.autoscale.listPolicies(ex.SERVICE);
    expect(policies.map((p) => p.name)).toEqual([ex.POLICY]);
    expect(routes()).toEqual([RESOLVE, `GET /v1/services/${ex.SERVICE_UUID}/autoscale/policies`]);
    expectValid(sent, 2);
  });
});

method("deletePolicy", () => {
  test("by UUID: DELETE /v1/services/{uuid}/autoscale/policies/{name}", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.autoscale.deletePolicy(ex.SERVICE_UUID, ex.POLICY);
    expect(deleted).toMatchObject({ status: "success", name: ex.POLICY });
    expect(routes()).toEqual([`DELETE /v1/services/${ex.SERVICE_UUID}/autoscale/policies/${ex.POLICY}`]);
    expectValid(sent, 1);
  });

  test("by name: resolved with one GET first", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.autoscale.deletePolicy(ex.SERVICE, ex.POLICY);
    expect(deleted.name).toBe(ex.POLICY);
    expect(routes()).toEqual([RESOLVE, `DELETE /v1/services/${ex.SERVICE_UUID}/autoscale/policies/${ex.POLICY}`]);
    expectValid(sent, 2);
  });

  test("the lookup's error ends the call", async () => {
    const { ukc, sent } = mockClient();
    const c = ERROR_CASES.find((e) => e.code === 404)!;
    await expectHttpError((o) => ukc.autoscale.deletePolicy(ex.SERVICE, ex.POLICY, o), c.code, c.type, c.message);
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([RESOLVE]);
  });
});

describe("autoscale coverage", () => {
  check();
});
