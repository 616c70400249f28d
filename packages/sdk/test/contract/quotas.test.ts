// Contract tests of ukc.quotas against the Prism mock of spec/openapi.yaml.
import { describe, expect, test } from "vitest";
import { PermissionDeniedError } from "../../src/index";
import { coverage, ERROR_CASES, ex, expectHttpError, expectValid, mockClient, rejectsOffline, surface } from "./support";

const covered = ["get"] as const;
const { method, check } = coverage("quotas", () => surface().quotas, covered);

const USER = "0d6c7a1e-2b3f-4c5d-8e9f-a0b1c2d3e4f5";

method("get", () => {
  test("the caller's quotas: GET /v1/users/quotas", async () => {
    const { ukc, sent, routes } = mockClient();
    const quotas = await ukc.quotas.get();
    expect(quotas.uuid).toBe(ex.QUOTA_UUID);
    expect(quotas.used).toMatchObject({ instances: 4, live_instances: 2, live_memory_mb: 512, volumes: 2, total_volume_mb: 192 });
    expect(quotas.hard).toMatchObject({ instances: 16, live_vcpus: 4, live_memory_mb: 2048, service_groups: 15 });
    expect(quotas.limits).toMatchObject({ min_memory_mb: 16, max_memory_mb: 2048, max_autoscale_size: 16, max_vcpus: 4 });
    expect(routes()).toEqual(["GET /v1/users/quotas"]);
    expectValid(sent, 1);
  });

  test("a user's quotas: GET /v1/users/{uuid}/quotas", async () => {
    const { ukc, sent, routes } = mockClient();
    const quotas = await ukc.quotas.get(USER);
    expect(quotas.hard?.total_volume_mb).toBe(1024);
    expect(routes()).toEqual([`GET /v1/users/${USER}/quotas`]);
    expectValid(sent, 1);
  });

  test("request options alone go to the caller's quotas", async () => {
    const { ukc, sent, routes } = mockClient();
    const quotas = await ukc.quotas.get({ timeoutMs: 5_000 });
    expect(quotas.used?.services).toBe(6);
    expect(routes()).toEqual(["GET /v1/users/quotas"]);
    expectValid(sent, 1);
  });

  test("a user that is not a UUID is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.quotas.get("me"), "userUuid");
  });

  test.each(ERROR_CASES)("HTTP $code becomes $type.name", async ({ code, type, message }) => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.quotas.get(o), code, type, message);
  });

  test("HTTP 403 on another user's quotas becomes PermissionDeniedError", async () => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.quotas.get(USER, o), 403, PermissionDeniedError, "Forbidden");
  });
});

describe("quotas coverage", () => {
  check();
});
