import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMock, type Mock } from "../../src/index.js";
import { call } from "./support.js";

let mock: Mock;
const sim = () => mock.simulator!;
const chain = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const pkey = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n";

beforeAll(async () => {
  mock = await startMock({ simulator: { seed: 5, clock: { manual: true }, timings: { certificateMs: 500 } } });
});
afterAll(async () => {
  await mock?.stop();
});
beforeEach(() => {
  sim().reset();
});

describe("certificates", () => {
  it("creates with common_name or cn; pending, then valid after certificateMs", async () => {
    const r = await call(mock, "POST", "/v1/certificates", { body: { name: "site", common_name: "site.example.com", chain, pkey } });
    expect(r.status).toBe(200);
    const cert = r.body.data.certificates[0];
    expect(cert).toMatchObject({ status: "success", name: "site", common_name: "site.example.com", subject: "CN=site.example.com", state: "pending", service_groups: [] });
    expect(cert.validation.attempt).toBe(1);
    await sim().advance(499);
    expect((await call(mock, "GET", `/v1/certificates/${cert.uuid}`)).body.data.certificates[0].state).toBe("pending");
    await sim().advance(1);
    const valid = (await call(mock, "GET", `/v1/certificates/${cert.uuid}`)).body.data.certificates[0];
    expect(valid).toMatchObject({ state: "valid", uuid: cert.uuid });
    expect(Date.parse(valid.not_after) - Date.parse(valid.not_before)).toBe(90 * 86_400_000);
    expect(valid.validation).toBeUndefined();
    const cn = await call(mock, "POST", "/v1/certificates", { body: { cn: "other.example.com", chain, pkey } });
    expect(cn.body.data.certificates[0]).toMatchObject({ common_name: "other.example.com", state: "pending" });
    expect(cn.body.data.certificates[0].name).toMatch(/^cert-/);
  });

  it("answers 409 for a name in use and 400 for malformed PEM", async () => {
    await call(mock, "POST", "/v1/certificates", { body: { name: "dup", cn: "a.example.com", chain, pkey } });
    const dup = await call(mock, "POST", "/v1/certificates", { body: { name: "dup", cn: "b.example.com", chain, pkey } });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe("Name 'dup' already in use");
    const notPem = await call(mock, "POST", "/v1/certificates", { body: { cn: "a.example.com", chain: "nope", pkey } });
    expect(notPem.status).toBe(400);
  });

  it("lists, updates (pending again) and deletes", async () => {
    const a = (await call(mock, "POST", "/v1/certificates", { body: { name: "a", cn: "a.example.com", chain, pkey } })).body.data.certificates[0];
    await sim().advance(10);
    await call(mock, "POST", "/v1/certificates", { body: { name: "b", cn: "b.example.com", chain, pkey } });
    await sim().advance(500);
    const list = await call(mock, "GET", "/v1/certificates", { query: { order: "desc" } });
    expect(list.body.data.certificates.map((c: { name: string }) => c.name)).toEqual(["b", "a"]);
    const page = await call(mock, "GET", "/v1/certificates", { query: { count: 1 } });
    expect(page.body.data.certificates.map((c: { name: string }) => c.name)).toEqual(["a"]);
    const brief = await call(mock, "GET", "/v1/certificates", { query: { details: false } });
    expect(brief.body.data.certificates[0]).toEqual({ status: "success", uuid: a.uuid, name: "a" });

    const up = await call(mock, "PUT", "/v1/certificates", { body: [{ name: "a", chain, pkey }, { name: "b", chain: "x", pkey }, { name: "zz", chain, pkey }] });
    expect(up.body.status).toBe("partial_success");
    expect(up.body.data.certificates[0]).toMatchObject({ status: "success", name: "a", state: "pending" });
    expect(up.body.data.certificates[1]).toMatchObject({ status: "error", error: 7 });
    expect(up.body.data.certificates[2]).toMatchObject({ status: "error", error: 8, message: "No certificate with name 'zz'" });
    const byUuid = await call(mock, "PUT", `/v1/certificates/${a.uuid}`, { body: { chain, pkey } });
    expect(byUuid.body.data.certificates[0].validation.attempt).toBe(2);
    await sim().advance(500);
    expect((await call(mock, "GET", `/v1/certificates/${a.uuid}`)).body.data.certificates[0].state).toBe("valid");

    const del = await call(mock, "DELETE", "/v1/certificates", { body: [{ name: "b" }, { uuid: "00000000-0000-4000-8000-00000000abcd" }] });
    expect(del.body.status).toBe("partial_success");
    expect(del.body.data.certificates[1]).toMatchObject({ error: 8 });
    const del2 = await call(mock, "DELETE", `/v1/certificates/${a.uuid}`);
    expect(del2.body).toMatchObject({ status: "success", data: { certificates: [{ status: "success", uuid: a.uuid, name: "a" }] } });
    expect((await call(mock, "GET", "/v1/certificates")).body.data.certificates).toEqual([]);
  });
});
