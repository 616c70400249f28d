// Contract tests of the UnikraftCloud client itself (health, toJSON) against the Prism mock, and the
// check that every resource of the client has a contract test file.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, test } from "vitest";
import { UnikraftCloud } from "../../src/index";
import { ERROR_CASES, ex, expectHttpError, expectValid, mockClient, rejectsOffline, surface } from "./support";

const covered = ["health", "request", "toJSON"] as const;
const described = new Set<string>();
function method(name: (typeof covered)[number], body: () => void): void {
  described.add(name);
  describe(`UnikraftCloud.${name}`, body);
}

method("health", () => {
  test("GET /v1/healthz answers the checks' status and the versions", async () => {
    const { ukc, sent, routes } = mockClient();
    const health = await ukc.health();
    expect(health).toEqual({ checks: { images: "healthy", systemd: "healthy" }, versions: { platform: "1.0.0" } });
    expect(routes()).toEqual(["GET /v1/healthz"]);
    expectValid(sent, 1);
  });

  test.each(ERROR_CASES)("HTTP $code becomes $type.name", async ({ code, type, message }) => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.health(o), code, type, message);
  });

  test("the bearer token goes on the request: Prism answers the same call without it with 401", async () => {
    const { ukc, sent } = mockClient();
    await ukc.health();
    expect(sent[0]!.status).toBe(200);
    const bare = await fetch(`${inject("prismUrl")}/v1/healthz`);
    expect(bare.status).toBe(401);
  });
});

method("request", () => {
  test("sends any operation with the path filled in and resolves with the envelope as sent", async () => {
    const { ukc, sent, routes } = mockClient();
    const env = await ukc.request("GET", "/v1/instances/{uuid}", { path: { uuid: ex.INSTANCE_UUID }, query: { details: true } });
    expect(routes()).toEqual([`GET /v1/instances/${ex.INSTANCE_UUID}`]);
    expect(sent[0]!.query.get("details")).toBe("true");
    expect(env.status).toBe("success");
    expect(Array.isArray((env.data as { instances?: unknown[] }).instances)).toBe(true);
    expectValid(sent, 1);
  });

  test("a missing path parameter is a ValidationError before sending", async () => {
    await rejectsOffline((ukc) => ukc.request("GET", "/v1/instances/{uuid}"), "init.path.uuid");
  });

  test.each(ERROR_CASES)("HTTP $code becomes $type.name", async ({ code, type, message }) => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.request("GET", "/v1/healthz", {}, o), code, type, message);
  });
});

method("toJSON", () => {
  test("gives the base URL and never the token", () => {
    const { ukc } = mockClient();
    expect(ukc.toJSON()).toEqual({ baseUrl: ukc.baseUrl });
    expect(JSON.stringify(ukc)).not.toContain("test-token");
    expect(ukc.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe("client coverage", () => {
  test("every public method of UnikraftCloud has a contract test", () => {
    const methods = Object.getOwnPropertyNames(UnikraftCloud.prototype).filter(
      (k) => k !== "constructor" && typeof (UnikraftCloud.prototype as unknown as Record<string, unknown>)[k] === "function",
    );
    expect([...covered].sort()).toEqual(methods.sort());
    expect([...described].sort()).toEqual([...covered].sort());
  });

  test("every resource of the client has a contract test file", () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const ukc = surface();
    const resources = Object.keys(ukc).filter((k) => k !== "api" && typeof (ukc as unknown as Record<string, unknown>)[k] === "object");
    expect(resources.length).toBeGreaterThan(0);
    for (const name of resources) {
      const file = `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.test.ts`;
      expect(existsSync(join(here, file)), file).toBe(true);
    }
  });
});
