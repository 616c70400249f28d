import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMock, type Mock } from "../../src/index.js";
import { call } from "./support.js";

let mock: Mock;
const sim = () => mock.simulator!;

beforeAll(async () => {
  mock = await startMock({ simulator: { seed: 11, clock: { manual: true }, quotas: { service_groups: 3 } } });
});
afterAll(async () => {
  await mock?.stop();
});
beforeEach(() => {
  sim().reset();
});

const web = [{ port: 443, destination_port: 8080, handlers: ["tls", "http"] }];

async function createGroup(body: Record<string, unknown>) {
  const r = await call(mock, "POST", "/v1/services", { body });
  expect(r.status).toBe(200);
  return r.body.data.service_groups[0];
}

describe("service groups", () => {
  it("creates a group with services and domains; domains get an fqdn and an issued certificate", async () => {
    const sg = await createGroup({ name: "front", services: web, domains: [{ name: "shop" }, { name: "example.com." }] });
    expect(sg).toMatchObject({ status: "success", name: "front", persistent: true, autoscale: false, soft_limit: 1, hard_limit: 1, instances: [] });
    expect(sg.services).toEqual([{ port: 443, destination_port: 8080, handlers: ["tls", "http"], protocol: "tcp" }]);
    expect(sg.domains.map((d: { fqdn: string }) => d.fqdn)).toEqual(["shop.fra.unikraft.app", "example.com."]);
    expect(sg.domains[0].certificate).toMatchObject({ state: "pending" });
    await sim().advance(1000);
    const got = await call(mock, "GET", `/v1/services/${sg.uuid}`);
    expect(got.body.data.service_groups[0].domains[0].certificate.state).toBe("valid");
    const certs = await call(mock, "GET", "/v1/certificates");
    expect(certs.body.data.certificates.map((c: { common_name: string }) => c.common_name).sort()).toEqual(["example.com", "shop.fra.unikraft.app"]);
    expect(certs.body.data.certificates[0].service_groups).toEqual([{ uuid: sg.uuid, name: "front" }]);
    // a certificate in use cannot be deleted
    const del = await call(mock, "DELETE", `/v1/certificates/${sg.domains[0].certificate.uuid}`);
    expect(del.body.data.certificates[0]).toMatchObject({ status: "error", error: 15 });
  });

  it("uses an existing certificate for a domain; an unknown one is code 8", async () => {
    const cert = (await call(mock, "POST", "/v1/certificates", { body: { name: "mine", cn: "app.example.org", chain: "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----", pkey: "-----BEGIN PRIVATE KEY-----\ny\n-----END PRIVATE KEY-----" } })).body.data.certificates[0];
    const sg = await createGroup({ services: web, domains: [{ name: "app.example.org.", certificate: { name: "mine" } }] });
    expect(sg.name).toMatch(/^[a-z]+-[a-z]+-[0-9a-z]{7}$/);
    expect(sg.domains[0]).toEqual({ fqdn: "app.example.org.", certificate: { uuid: cert.uuid, name: "mine", state: "pending" } });
    const bad = await call(mock, "POST", "/v1/services", { body: { services: web, domains: [{ name: "x", certificate: { name: "nope" } }] } });
    expect(bad.body.status).toBe("error");
    expect(bad.body.data.service_groups[0]).toMatchObject({ status: "error", error: 8 });
  });

  it("answers 409 for a name or domain in use, 400 without services, 19 over the quota", async () => {
    await createGroup({ name: "a", services: web, domains: [{ name: "dom" }] });
    const name = await call(mock, "POST", "/v1/services", { body: { name: "a", services: web } });
    expect(name.status).toBe(409);
    expect(name.body.message).toBe("Name 'a' already in use");
    const dom = await call(mock, "POST", "/v1/services", { body: { name: "b", services: web, domains: [{ name: "dom" }] } });
    expect(dom.status).toBe(409);
    const empty = await call(mock, "POST", "/v1/services", { body: { name: "c", services: [] } });
    expect(empty.status).toBe(400);
    await createGroup({ services: web });
    await createGroup({ services: web });
    const over = await call(mock, "POST", "/v1/services", { body: { services: web } });
    expect(over.body.data.service_groups[0]).toMatchObject({ status: "error", error: 19 });
  });

  it("lists with members, filters and pages", async () => {
    const a = await createGroup({ name: "a", services: web });
    await sim().advance(5);
    const b = await createGroup({ name: "b", services: [{ port: 80 }] });
    sim().seed({ instances: [{ name: "member", state: "running", service_group: { uuid: b.uuid, name: "b" } }] });
    const all = await call(mock, "GET", "/v1/services");
    expect(all.body.data.service_groups.map((g: { name: string }) => g.name)).toEqual(["a", "b"]);
    expect(all.body.data.service_groups[1].instances).toMatchObject([{ name: "member" }]);
    const page = await call(mock, "GET", "/v1/services", { query: { from: b.uuid, count: 5 } });
    expect(page.body.data.service_groups.map((g: { uuid: string }) => g.uuid)).toEqual([b.uuid]);
    const brief = await call(mock, "GET", "/v1/services", { query: { details: false, uuid: a.uuid, name: "zzz" } });
    expect(brief.body.status).toBe("partial_success");
    expect(brief.body.data.service_groups).toEqual([{ status: "success", uuid: a.uuid, name: "a" }, { status: "error", name: "zzz", error: 8, message: "No service group with name 'zzz'" }]);
    // delete fails while an instance uses the group
    const del = await call(mock, "DELETE", "/v1/services", { body: [{ name: "b" }, { name: "a" }] });
    expect(del.body.status).toBe("partial_success");
    expect(del.body.data.service_groups[0]).toMatchObject({ status: "error", error: 15 });
    expect(del.body.data.service_groups[1]).toMatchObject({ status: "success", uuid: a.uuid });
  });

  it("updates services, domains and limits with set/add/del", async () => {
    const sg = await createGroup({ name: "u", services: web, domains: [{ name: "one" }] });
    const r = await call(mock, "PATCH", "/v1/services", {
      body: [
        { name: "u", prop: "services", op: "add", value: [{ port: 80, handlers: ["http", "redirect"] }], id: "s1" },
        { name: "u", prop: "services", op: "add", value: [{ port: 80 }], id: "dup" },
        { name: "u", prop: "domains", op: "add", value: [{ name: "two" }] },
        { name: "u", prop: "hard_limit", op: "set", value: 4 },
        { name: "u", prop: "soft_limit", op: "set", value: 2 },
        { name: "u", prop: "soft_limit", op: "set", value: 9, id: "too-big" },
        { name: "u", prop: "hard_limit", op: "add", value: 1 },
        { name: "nope", prop: "soft_limit", op: "set", value: 1 },
      ],
    });
    expect(r.body.status).toBe("partial_success");
    expect(r.body.data.service_groups.map((x: { status: string }) => x.status)).toEqual(["success", "error", "success", "success", "success", "error", "error", "error"]);
    expect(r.body.data.service_groups[0]).toMatchObject({ id: "s1", uuid: sg.uuid, name: "u" });
    expect(r.body.data.service_groups[5]).toMatchObject({ id: "too-big", error: 7 });
    expect(r.body.data.service_groups[7].error).toBe(8);
    let got = (await call(mock, "GET", `/v1/services/${sg.uuid}`)).body.data.service_groups[0];
    expect(got.services.map((s: { port: number }) => s.port)).toEqual([443, 80]);
    expect(got.domains.map((d: { fqdn: string }) => d.fqdn)).toEqual(["one.fra.unikraft.app", "two.fra.unikraft.app"]);
    expect(got).toMatchObject({ soft_limit: 2, hard_limit: 4 });
    await call(mock, "PATCH", `/v1/services/${sg.uuid}`, { body: { prop: "services", op: "del", value: [{ port: 443 }] } });
    await call(mock, "PATCH", `/v1/services/${sg.uuid}`, { body: { prop: "domains", op: "del", value: [{ name: "one" }] } });
    got = (await call(mock, "GET", `/v1/services/${sg.uuid}`)).body.data.service_groups[0];
    expect(got.services.map((s: { port: number }) => s.port)).toEqual([80]);
    expect(got.domains.map((d: { fqdn: string }) => d.fqdn)).toEqual(["two.fra.unikraft.app"]);
    // the certificate issued for the removed domain is gone
    const certs = (await call(mock, "GET", "/v1/certificates")).body.data.certificates;
    expect(certs.map((c: { common_name: string }) => c.common_name)).toEqual(["two.fra.unikraft.app"]);
    const lastService = await call(mock, "PATCH", `/v1/services/${sg.uuid}`, { body: { prop: "services", op: "del", value: [{ port: 80 }] } });
    expect(lastService.body.data.service_groups[0]).toMatchObject({ status: "error", error: 7 });
    const del = await call(mock, "DELETE", `/v1/services/${sg.uuid}`);
    expect(del.body).toMatchObject({ status: "success", data: { service_groups: [{ status: "success", uuid: sg.uuid, name: "u" }] } });
    expect((await call(mock, "GET", "/v1/certificates")).body.data.certificates).toEqual([]);
    const gone = await call(mock, "GET", `/v1/services/${sg.uuid}`);
    expect(gone.body.data.service_groups[0]).toMatchObject({ status: "error", error: 8 });
  });
});
