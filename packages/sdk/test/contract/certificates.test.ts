// Contract tests of ukc.certificates against the Prism mock of spec/openapi.yaml.
import { describe, expect, test } from "vitest";
import { AbortError, APIError } from "../../src/index";
import {
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
  rejection,
  rejectsOffline,
  surface,
} from "./support";

const covered = ["create", "get", "list", "update", "delete", "waitUntil"] as const;
const { method, check } = coverage("certificates", () => surface().certificates, covered);

// The request example of createCertificate in the spec.
const CHAIN = "-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIRAIIQz7DSQONZRGPgu2OCiwAwDQYJKoZIhvcNAQELBQAw\n-----END CERTIFICATE-----\n";
const PKEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgevZzL1gdAFr88hb2\n-----END PRIVATE KEY-----\n";
const SECRET = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgevZzL1gdAFr88hb2";

method("create", () => {
  test("POSTs one object and returns the created certificate", async () => {
    const { ukc, sent, routes } = mockClient();
    const cert = await ukc.certificates.create({ name: ex.CERTIFICATE, cn: "example.com", chain: CHAIN, pkey: PKEY });
    expect(cert).toMatchObject({ status: "success", uuid: ex.CERTIFICATE_UUID, name: ex.CERTIFICATE });
    expect(routes()).toEqual(["POST /v1/certificates"]);
    expect(sent[0]!.body).toEqual({ name: ex.CERTIFICATE, cn: "example.com", chain: CHAIN, pkey: PKEY });
    expectValid(sent, 1);
  });

  test("the current spelling common_name is sent as given", async () => {
    const { ukc, sent, routes } = mockClient();
    const cert = await ukc.certificates.create({ name: ex.CERTIFICATE, common_name: "example.com", chain: CHAIN, pkey: PKEY });
    expect(cert).toMatchObject({ status: "success", uuid: ex.CERTIFICATE_UUID, name: ex.CERTIFICATE });
    expect(routes()).toEqual(["POST /v1/certificates"]);
    expect(sent[0]!.body).toEqual({ name: ex.CERTIFICATE, common_name: "example.com", chain: CHAIN, pkey: PKEY });
    expectValid(sent, 1);
  });

  test("common_name and cn together, or a malformed common_name, are rejected before sending", async () => {
    const base = { chain: CHAIN, pkey: PKEY };
    await rejectsOffline((ukc) => ukc.certificates.create({ ...base, common_name: "example.com", cn: "example.com" }), "params.cn");
    await rejectsOffline((ukc) => ukc.certificates.create({ ...base, common_name: "not a domain" }), "params.common_name");
    await rejectsOffline((ukc) => ukc.certificates.create(base as never), "params.common_name");
  });

  test("a wildcard common name and an RSA key are accepted", async () => {
    const { ukc, sent } = mockClient();
    const rsa = PKEY.replaceAll("PRIVATE KEY", "RSA PRIVATE KEY");
    expect((await ukc.certificates.create({ cn: "*.example.com", chain: CHAIN, pkey: rsa })).uuid).toBe(ex.CERTIFICATE_UUID);
    expect(sent[0]!.body).toEqual({ cn: "*.example.com", chain: CHAIN, pkey: rsa });
    expectValid(sent, 1);
  });

  test("a missing or malformed cn, chain or pkey is rejected before sending, without showing the key", async () => {
    const base = { name: ex.CERTIFICATE, cn: "example.com", chain: CHAIN, pkey: PKEY };
    await rejectsOffline((ukc) => ukc.certificates.create({ ...base, cn: "" }), "params.cn");
    await rejectsOffline((ukc) => ukc.certificates.create({ ...base, cn: "not a domain" }), "params.cn");
    await rejectsOffline((ukc) => ukc.certificates.create({ ...base, chain: "MIIFazCCA1Og" }), "params.chain");
    await rejectsOffline((ukc) => ukc.certificates.create({ ...base, chain: CHAIN + PKEY }), "params.chain");
    const missingEnd = await rejectsOffline((ukc) => ukc.certificates.create({ ...base, pkey: PKEY.replace("-----END PRIVATE KEY-----", "") }), "params.pkey");
    expect(missingEnd.message).not.toContain(SECRET);
    const swapped = await rejectsOffline((ukc) => ukc.certificates.create({ ...base, pkey: CHAIN }), "params.pkey");
    expect(swapped.message).not.toContain("MIIFaz");
    await rejectsOffline((ukc) => ukc.certificates.create({ ...base, name: "bad name" }), "params.name");
    await rejectsOffline((ukc) => ukc.certificates.create({ ...base, key: PKEY } as never), "params");
  });

  test("409 becomes ConflictError", async () => {
    const { ukc } = mockClient();
    const c = ERROR_CASES.find((e) => e.code === 409)!;
    await expectHttpError((o) => ukc.certificates.create({ cn: "example.com", chain: CHAIN, pkey: PKEY }, o), c.code, c.type, c.message);
  });
});

method("get", () => {
  test("by UUID uses GET /v1/certificates/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const cert = await ukc.certificates.get(ex.CERTIFICATE_UUID);
    expect(cert).toMatchObject({
      uuid: ex.CERTIFICATE_UUID,
      name: ex.CERTIFICATE,
      common_name: "example.com",
      state: "valid",
      not_after: "2023-12-30T12:00:00Z",
      issuer: "CN=R10,O=Let's Encrypt,C=US",
    });
    expect(routes()).toEqual([`GET /v1/certificates/${ex.CERTIFICATE_UUID}`]);
    expectValid(sent, 1);
  });

  test("by name filters the listing", async () => {
    const { ukc, sent, routes } = mockClient({}, only("certificates", ex.CERTIFICATE_2));
    const cert = await ukc.certificates.get(ex.CERTIFICATE_2);
    expect(cert).toMatchObject({ uuid: ex.CERTIFICATE_2_UUID, common_name: "api.example.com" });
    expect(routes()).toEqual(["GET /v1/certificates"]);
    expect(sent[0]!.query.getAll("name")).toEqual([ex.CERTIFICATE_2]);
    expectValid(sent, 1);
  });

  test.each(ERROR_CASES)("HTTP $code becomes $type.name", async ({ code, type, message }) => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.certificates.get(ex.CERTIFICATE_UUID, o), code, type, message);
  });
});

method("list", () => {
  test("pages with the inclusive from cursor", async () => {
    const { ukc, sent } = mockClient();
    const certs = await collect(ukc.certificates.list({ pageSize: 2 }));
    expect(certs.map((c) => [c.name, c.state])).toEqual([
      [ex.CERTIFICATE, "valid"],
      [ex.CERTIFICATE_2, "valid"],
    ]);
    expect(sent.map((s) => [s.query.get("count"), s.query.get("from")])).toEqual([
      ["2", null],
      ["3", ex.CERTIFICATE_2_UUID],
    ]);
    expectValid(sent, 2);
  });

  test("details=false is sent; tags are rejected before sending", async () => {
    const { ukc, sent } = mockClient();
    expect(await collect(ukc.certificates.list({ details: false, limit: 1 }))).toHaveLength(1);
    expect(sent[0]!.query.get("details")).toBe("false");
    expectValid(sent, 1);
    await rejectsOffline((ukc) => collect(ukc.certificates.list({ tags: ["x"] } as never)), "tags");
  });
});

method("delete", () => {
  test("one certificate by UUID uses DELETE /v1/certificates/{uuid}", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.certificates.delete(ex.CERTIFICATE_UUID);
    expect(deleted).toMatchObject({ status: "success", uuid: ex.CERTIFICATE_UUID, name: ex.CERTIFICATE });
    expect(routes()).toEqual([`DELETE /v1/certificates/${ex.CERTIFICATE_UUID}`]);
    expectValid(sent, 1);
  });

  test("many certificates in one request", async () => {
    const { ukc, sent, routes } = mockClient();
    const deleted = await ukc.certificates.delete([ex.CERTIFICATE, ex.CERTIFICATE_2_UUID]);
    expect(deleted.map((d) => [d.uuid, d.name])).toEqual([
      [ex.CERTIFICATE_UUID, ex.CERTIFICATE],
      [ex.CERTIFICATE_2_UUID, ex.CERTIFICATE_2],
    ]);
    expect(routes()).toEqual(["DELETE /v1/certificates"]);
    expect(sent[0]!.body).toEqual([{ name: ex.CERTIFICATE }, { uuid: ex.CERTIFICATE_2_UUID }]);
    expectValid(sent, 1);
  });

  test("one certificate by name: the batch endpoint with one item", async () => {
    const { ukc, sent } = mockClient({}, only("certificates", ex.CERTIFICATE_2));
    const deleted = await ukc.certificates.delete(ex.CERTIFICATE_2);
    expect(deleted.uuid).toBe(ex.CERTIFICATE_2_UUID);
    expect(sent[0]!.body).toEqual([{ name: ex.CERTIFICATE_2 }]);
    expectValid(sent, 1);
  });
});

method("waitUntil", () => {
  test("resolves when the certificate is valid", async () => {
    const { ukc, sent, routes } = mockClient();
    const cert = await ukc.certificates.waitUntil(ex.CERTIFICATE_UUID, { state: "valid" });
    expect(cert).toMatchObject({ uuid: ex.CERTIFICATE_UUID, state: "valid" });
    expect(routes()).toEqual([`GET /v1/certificates/${ex.CERTIFICATE_UUID}`]);
    expectValid(sent, 1);
  });

  test("by name, with a predicate", async () => {
    const { ukc, sent } = mockClient({}, only("certificates", ex.CERTIFICATE_2));
    const cert = await ukc.certificates.waitUntil(ex.CERTIFICATE_2, (c) => c.common_name === "api.example.com");
    expect(cert.uuid).toBe(ex.CERTIFICATE_2_UUID);
    expectValid(sent, 1);
  });

  pollingWaitTests((ukc, options) => ukc.certificates.waitUntil(ex.CERTIFICATE_UUID, { state: "pending" }, options));

  test("a certificate in the error state ends the wait at once", async () => {
    const { ukc, sent } = mockClient({}, allInState("certificates", "error"));
    const error = await rejection(ukc.certificates.waitUntil(ex.CERTIFICATE_UUID, { state: "valid" }, { timeoutMs: 5_000, intervalMs: 50 }));
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toContain(`certificate '${ex.CERTIFICATE}' is in the error state while waiting for valid`);
    expectValid(sent, 1);
  });

  test("the signal aborts the wait", async () => {
    const { ukc } = mockClient();
    const controller = new AbortController();
    const waiting = ukc.certificates.waitUntil(ex.CERTIFICATE_UUID, { state: "pending" }, { timeoutMs: 10_000, intervalMs: 50, signal: controller.signal });
    setTimeout(() => controller.abort(), 150);
    expect(await rejection(waiting)).toBeInstanceOf(AbortError);
  });

  test("an unknown state is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.certificates.waitUntil(ex.CERTIFICATE, { state: "issued" as never }), "condition.state");
  });
});

method("update", () => {
  test("one certificate by UUID uses PUT /v1/certificates/{uuid} with the new chain and key", async () => {
    const { ukc, sent, routes } = mockClient();
    const cert = await ukc.certificates.update(ex.CERTIFICATE_UUID, { chain: CHAIN, pkey: PKEY });
    expect(cert).toMatchObject({ uuid: ex.CERTIFICATE_UUID, name: ex.CERTIFICATE, common_name: "example.com", state: "valid" });
    expect(routes()).toEqual([`PUT /v1/certificates/${ex.CERTIFICATE_UUID}`]);
    expect(sent[0]!.body).toEqual({ chain: CHAIN, pkey: PKEY });
    expectValid(sent, 1);
  });

  test("by name: the batch endpoint, one item", async () => {
    const { ukc, sent, routes } = mockClient();
    const cert = await ukc.certificates.update(ex.CERTIFICATE, { chain: CHAIN, pkey: PKEY });
    expect(cert.uuid).toBe(ex.CERTIFICATE_UUID);
    expect(routes()).toEqual(["PUT /v1/certificates"]);
    expect(sent[0]!.body).toEqual([{ name: ex.CERTIFICATE, chain: CHAIN, pkey: PKEY }]);
    expectValid(sent, 1);
  });

  test("a missing key, a key in the chain or an unknown field is rejected before sending, without the key", async () => {
    await rejectsOffline((ukc) => ukc.certificates.update(ex.CERTIFICATE, { chain: CHAIN } as never), "params.pkey");
    await rejectsOffline((ukc) => ukc.certificates.update(ex.CERTIFICATE, { chain: CHAIN + PKEY, pkey: PKEY }), "params.chain");
    const error = await rejectsOffline((ukc) => ukc.certificates.update(ex.CERTIFICATE, { chain: CHAIN, pkey: SECRET }), "params.pkey");
    expect(error.message).not.toContain(SECRET);
    await rejectsOffline((ukc) => ukc.certificates.update(ex.CERTIFICATE, { chain: CHAIN, pkey: PKEY, common_name: "x" } as never), "params");
  });
});

describe("certificates coverage", () => {
  check();
});
