// The SDK's constants must say what the spec says: these tests fail when the two drift apart.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { makeAPIError } from "../../src/core/errors";
import { NAME_PATTERN } from "../../src/core/refs";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ErrorCode,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../../src/index";
import { listProps, updatableProps } from "../../src/internal/validate";
import { MAX_LOG_PAGE_BYTES } from "../../src/logs/page";
import { CERTIFICATE_STATES, INSTANCE_STATES, VOLUME_STATES } from "../../src/resources/declared";
import { MOUNT_PATH_PATTERN } from "../../src/resources/volumes";

const spec = parse(readFileSync(fileURLToPath(new URL("../../../../spec/openapi.yaml", import.meta.url)), "utf8"));
const schemas = spec.components.schemas;
const enumOf = (schema: string, prop: string): string[] => schemas[schema].properties[prop].enum;

describe("constants follow the spec", () => {
  it("updatable properties are the prop enums of the update schemas", () => {
    expect([...updatableProps("instances")].sort()).toEqual([...enumOf("UpdateInstancesRequest", "prop")].sort());
    expect([...updatableProps("templates")].sort()).toEqual([...enumOf("UpdateTemplatesRequestItem", "prop")].sort());
    expect([...updatableProps("volumes")].sort()).toEqual([...enumOf("UpdateVolumesRequestItem", "prop")].sort());
    expect([...updatableProps("serviceGroups")].sort()).toEqual([...enumOf("UpdateServiceGroupsRequestItem", "prop")].sort());
    expect(listProps("instances").every((p) => updatableProps("instances").includes(p))).toBe(true);
    expect(listProps("instances")).toEqual(expect.arrayContaining(["args", "env", "tags"]));
  });

  it("states are the state enums of Volume, Instance and Certificate", () => {
    expect([...VOLUME_STATES]).toEqual(enumOf("Volume", "state"));
    expect([...INSTANCE_STATES]).toEqual(enumOf("Instance", "state"));
    expect([...CERTIFICATE_STATES]).toEqual(enumOf("Certificate", "state"));
  });

  it("the mount path pattern is the spec's pattern for `at`", () => {
    expect(MOUNT_PATH_PATTERN.source).toBe(new RegExp(schemas.AttachVolumesRequest.properties.at.pattern).source);
    expect(MOUNT_PATH_PATTERN.test("/mnt/data")).toBe(true);
    expect(MOUNT_PATH_PATTERN.test("/mnt/../etc")).toBe(false);
    expect(MOUNT_PATH_PATTERN.test("relative")).toBe(false);
  });

  it("the names in the spec's examples are valid names, and the log page size is the API's", () => {
    for (const name of ["funky-town-g756b5d", "funky-vol-g7gum5cj", "funky-certificate"]) expect(NAME_PATTERN.test(name)).toBe(true);
    expect(MAX_LOG_PAGE_BYTES).toBe(16_383);
  });
});

describe("ErrorCode and makeAPIError", () => {
  it("has the per-item codes of ENDPOINTS.md", () => {
    expect(ErrorCode.NotFound).toBe(8);
    expect(ErrorCode.TimedOut).toBe(12);
    expect(ErrorCode.NotAllowed).toBe(14);
    expect(ErrorCode.AlreadyExists).toBe(23);
    expect(ErrorCode.CertificateCnMismatch).toBe(30);
  });

  it.each([
    [{ status: 400 }, BadRequestError],
    [{ status: 401 }, AuthenticationError],
    [{ status: 403 }, PermissionDeniedError],
    [{ status: 404 }, NotFoundError],
    [{ status: 200, code: 8 }, NotFoundError],
    [{ status: 409 }, ConflictError],
    [{ status: 200, code: 23 }, ConflictError],
    [{ status: 422 }, UnprocessableEntityError],
    [{ status: 429 }, RateLimitError],
    [{ status: 503 }, InternalServerError],
    [{ status: 200, code: 7 }, BadRequestError],
    [{ status: 200, code: 11 }, APIError],
  ])("maps %j to the right class", (init, cls) => {
    const error = makeAPIError({ ...init, message: "m", method: "GET", path: "/v1/x" });
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBe(init.status);
    expect(error.apiMessage).toBe("m");
    expect(error.message).toContain("GET /v1/x failed");
  });

  it("says what to do", () => {
    expect(makeAPIError({ status: 401 }).message).toMatch(/set UKC_TOKEN or pass \{ token \}/);
    expect(makeAPIError({ status: 200, code: 8 }).message).toMatch(/check the name or UUID/);
    expect(makeAPIError({ status: 500, requestId: "req-1" }).message).toMatch(/\[request id req-1\]/);
  });
});
