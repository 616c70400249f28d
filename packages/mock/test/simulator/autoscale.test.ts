import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMock, type Mock } from "../../src/index.js";
import { call } from "./support.js";

let mock: Mock;
const sim = () => mock.simulator!;

beforeAll(async () => {
  mock = await startMock({ simulator: { seed: 3, clock: { manual: true } } });
});
afterAll(async () => {
  await mock?.stop();
});

let sg: { uuid: string; name: string };
let other: { uuid: string; name: string };
beforeEach(async () => {
  sim().reset();
  sim().seed({ templates: [{ name: "tpl" }] });
  sg = (await call(mock, "POST", "/v1/services", { body: { name: "scaled", services: [{ port: 443 }] } })).body.data.service_groups[0];
  other = (await call(mock, "POST", "/v1/services", { body: { name: "plain", services: [{ port: 80 }] } })).body.data.service_groups[0];
});

const policy = { name: "scale-out", enabled: true, metric: "cpu", adjustment_type: "percentage", steps: [{ lower_bound: 600, upper_bound: 800, adjustment: 50 }] };

describe("autoscale configurations", () => {
  it("answers `unconfigured` for a group without configuration", async () => {
    const r = await call(mock, "GET", `/v1/services/${sg.uuid}/autoscale`);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe("unconfigured");
    expect(r.body.data.service_groups[0]).toMatchObject({ uuid: sg.uuid, name: "scaled", enabled: false });
    const list = await call(mock, "GET", "/v1/services/autoscale");
    expect(list.body).toMatchObject({ status: "success", data: { service_groups: [] } });
  });

  it("creates by UUID with a template, gets it, and refuses a second create (23)", async () => {
    const r = await call(mock, "POST", `/v1/services/${sg.uuid}/autoscale`, { body: { uuid: sg.uuid, min_size: 1, max_size: 4, warmup_time_ms: 2000, cooldown_time_ms: 3000, create_args: { template: { name: "tpl" } }, policies: [policy] } });
    expect(r.body).toMatchObject({ status: "success", data: { service_groups: [{ status: "success", uuid: sg.uuid, name: "scaled" }] } });
    const got = await call(mock, "GET", `/v1/services/${sg.uuid}/autoscale`);
    expect(got.body.status).toBe("success");
    expect(got.body.data.service_groups[0]).toMatchObject({ uuid: sg.uuid, enabled: true, min_size: 1, max_size: 4, warmup_time_ms: 2000, cooldown_time_ms: 3000, template: { name: "tpl" }, policies: [policy] });
    expect((await call(mock, "GET", `/v1/services/${sg.uuid}`)).body.data.service_groups[0].autoscale).toBe(true);
    const again = await call(mock, "POST", `/v1/services/${sg.uuid}/autoscale`, { body: { uuid: sg.uuid, create_args: { template: { name: "tpl" } } } });
    expect(again.body.data.service_groups[0]).toMatchObject({ status: "error", error: 23 });
  });

  it("creates in a batch with per-item errors; lists; deletes in a batch and by UUID", async () => {
    const r = await call(mock, "POST", "/v1/services/autoscale", {
      body: [
        { name: "scaled", min_size: 0, max_size: 2, create_args: { roms: { name: "rom", image: "nginx:latest" } } },
        { name: "plain", min_size: 5, max_size: 2, create_args: { template: { name: "tpl" } } },
        { name: "plain", create_args: { template: { name: "missing" } } },
        { name: "ghost", create_args: { template: { name: "tpl" } } },
      ],
    });
    expect(r.body.status).toBe("partial_success");
    expect(r.body.data.service_groups.map((i: { status: string; error?: number }) => i.error ?? 0)).toEqual([0, 7, 8, 8]);
    const list = await call(mock, "GET", "/v1/services/autoscale");
    expect(list.body.data.service_groups).toMatchObject([{ uuid: sg.uuid, min_size: 0, max_size: 2, policies: [] }]);
    expect(list.body.data.service_groups[0].template).toBeUndefined();
    const some = await call(mock, "GET", "/v1/services/autoscale", { query: { name: ["scaled", "plain", "ghost"] } });
    expect(some.body.status).toBe("partial_success");
    expect(some.body.data.service_groups[1]).toMatchObject({ status: "success", name: "plain", enabled: false });
    expect(some.body.data.service_groups[2]).toMatchObject({ status: "error", error: 8 });

    const del = await call(mock, "DELETE", "/v1/services/autoscale", { body: [{ name: "scaled" }, { name: "plain" }] });
    expect(del.body.status).toBe("partial_success");
    expect(del.body.data.service_groups[0]).toMatchObject({ status: "success", uuid: sg.uuid });
    expect(del.body.data.service_groups[1]).toMatchObject({ status: "error", error: 8 });
    await call(mock, "POST", `/v1/services/${other.uuid}/autoscale`, { body: { uuid: other.uuid, create_args: { template: { name: "tpl" } } } });
    const byUuid = await call(mock, "DELETE", `/v1/services/${other.uuid}/autoscale`);
    expect(byUuid.body.status).toBe("success");
    expect((await call(mock, "GET", `/v1/services/${other.uuid}/autoscale`)).body.status).toBe("unconfigured");
  });
});

describe("autoscale policies", () => {
  it("creates, lists, gets by name and deletes policies", async () => {
    const none = await call(mock, "GET", `/v1/services/${sg.uuid}/autoscale/policies`);
    expect(none.body.status).toBe("error");
    expect(none.body.data.policies[0]).toMatchObject({ status: "error", error: 8 });
    await call(mock, "POST", `/v1/services/${sg.uuid}/autoscale`, { body: { uuid: sg.uuid, create_args: { template: { name: "tpl" } } } });
    const created = await call(mock, "POST", `/v1/services/${sg.uuid}/autoscale/policies`, { body: { name: "scale-out", type: policy } });
    expect(created.body).toMatchObject({ status: "success", data: { policies: [{ status: "success", uuid: sg.uuid, name: "scale-out" }] } });
    const dup = await call(mock, "POST", `/v1/services/${sg.uuid}/autoscale/policies`, { body: { name: "scale-out", type: policy } });
    expect(dup.body.data.policies[0]).toMatchObject({ status: "error", error: 23 });
    await call(mock, "POST", `/v1/services/${sg.uuid}/autoscale/policies`, { body: { name: "scale-in", type: { name: "scale-in", adjustment_type: "change", steps: [{ upper_bound: 200, adjustment: -1 }] } } });
    const list = await call(mock, "GET", `/v1/services/${sg.uuid}/autoscale/policies`);
    expect(list.body.data.policies.map((p: { policy: { name: string } }) => p.policy.name)).toEqual(["scale-out", "scale-in"]);
    const one = await call(mock, "GET", `/v1/services/${sg.uuid}/autoscale/policies/scale-in`);
    expect(one.body.data.policies[0]).toMatchObject({ status: "success", policy: { name: "scale-in", enabled: true, metric: "cpu", adjustment_type: "change" } });
    const missing = await call(mock, "GET", `/v1/services/${sg.uuid}/autoscale/policies/nope`);
    expect(missing.body.data.policies[0]).toMatchObject({ status: "error", error: 8 });
    const del = await call(mock, "DELETE", `/v1/services/${sg.uuid}/autoscale/policies/scale-in`);
    expect(del.body).toMatchObject({ status: "success", data: { policies: [{ status: "success", name: "scale-in" }] } });
    const delBody = await call(mock, "DELETE", `/v1/services/${sg.uuid}/autoscale/policies`, { body: { name: "scale-out" } });
    expect(delBody.body.data.policies[0]).toMatchObject({ status: "success", name: "scale-out" });
    const again = await call(mock, "DELETE", `/v1/services/${sg.uuid}/autoscale/policies`, { body: { name: "scale-out" } });
    expect(again.body.data.policies[0]).toMatchObject({ status: "error", error: 8 });
    expect((await call(mock, "GET", `/v1/services/${sg.uuid}/autoscale/policies`)).body).toMatchObject({ status: "success", data: { policies: [] } });
  });

  it("deleting the service group drops its configuration", async () => {
    await call(mock, "POST", `/v1/services/${sg.uuid}/autoscale`, { body: { uuid: sg.uuid, create_args: { template: { name: "tpl" } } } });
    await call(mock, "DELETE", `/v1/services/${sg.uuid}`);
    const r = await call(mock, "GET", `/v1/services/${sg.uuid}/autoscale`);
    expect(r.body.data.service_groups[0]).toMatchObject({ status: "error", error: 8 });
    expect(sim().state().autoscale).toEqual([]);
  });
});
