// What the low-level client gets back when a request breaks the contract, and the typed error
// envelope of every error status the spec documents.
//
// Prism validates each request against spec/openapi.yaml. A request the spec does not allow is
// answered with the operation's documented 400 response (the spec defines 400 on every operation,
// so Prism picks it rather than its generic 422) and the violations in the `sl-violations` header.
// A request without a bearer token is answered 401. The `Prefer: code=<status>` header makes Prism
// answer the example of that documented status.
import { beforeAll, describe, expect, inject, test } from "vitest";
import {
  createClient,
  type CreateInstanceRequest,
  type CreateCertificateRequest,
  type ErrorEnvelope,
  type NameOrUUID,
  type UnikraftCloudClient,
} from "../src/index";
import { responseExample } from "./support/spec";

const INSTANCE = "123e4567-e89b-12d3-a456-426614174000";

interface Violation {
  location: string[];
  code: string | number;
  message: string;
}

/** The request violations Prism reports in the `sl-violations` header. */
function violations(response: Response): Violation[] {
  const header = response.headers.get("sl-violations");
  return header ? (JSON.parse(header) as Violation[]) : [];
}

let api: UnikraftCloudClient;
let prismUrl: string;
beforeAll(() => {
  prismUrl = inject("prismUrl");
  api = createClient({ baseUrl: prismUrl, token: "test-token" });
});

/** The envelope of the spec's 400 example (components/responses/BadRequest). */
function expectBadRequest(error: ErrorEnvelope | undefined, response: Response): void {
  expect(response.status).toBe(400);
  expect(error?.status).toBe("error");
  expect(error?.errors?.[0]?.status).toBe(400);
  expect(error?.message).toBe("Invalid uuid 'funky-town-g756b5d'");
}

describe("Prism rejects requests that break the contract", () => {
  test("a body with an unknown field (additionalProperties: false)", async () => {
    const body = { image: "nginx:latest", memroy_mb: 256 } as unknown as CreateInstanceRequest;
    const { data, error, response } = await api.POST("/v1/instances", { body });
    expect(data).toBeUndefined();
    expectBadRequest(error, response);
    expect(violations(response)).toContainEqual(
      expect.objectContaining({
        location: ["request", "body"],
        code: "additionalProperties",
        message: expect.stringContaining("'memroy_mb'"),
      }),
    );
  });

  test("a batch item with both uuid and name (NameOrUUID is exactly one of them)", async () => {
    const body = [{ uuid: INSTANCE, name: "funky-town-g756b5d" }] as unknown as NameOrUUID[];
    const { error, response } = await api.DELETE("/v1/instances", { body });
    expectBadRequest(error, response);
    expect(violations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "body", "0"], code: "oneOf" }),
    );
  });

  test("a path uuid that is not a UUID", async () => {
    const { error, response } = await api.GET("/v1/instances/{uuid}", {
      params: { path: { uuid: "funky-town-g756b5d" } },
    });
    expectBadRequest(error, response);
    expect(violations(response)).toEqual([
      expect.objectContaining({ location: ["request", "path", "uuid"], code: "format" }),
    ]);
  });

  test("a body without a required field (createCertificate without its private key)", async () => {
    const body = { name: "funky-certificate", common_name: "example.com", chain: "-----BEGIN CERTIFICATE-----\n" } as unknown as CreateCertificateRequest;
    const { error, response } = await api.POST("/v1/certificates", { body });
    expectBadRequest(error, response);
    expect(violations(response)).toContainEqual(
      expect.objectContaining({ code: "required", message: expect.stringContaining("'pkey'") }),
    );
  });

  test("an empty batch (minItems: 1)", async () => {
    const { error, response } = await api.PUT("/v1/instances/start", { body: [] });
    expectBadRequest(error, response);
    expect(violations(response)).toContainEqual(expect.objectContaining({ code: "minItems" }));
  });

  test("a query value outside its enum (order=sideways)", async () => {
    const query = { order: "sideways" } as unknown as { order: "asc" };
    const { error, response } = await api.GET("/v1/volumes", { params: { query } });
    expectBadRequest(error, response);
    expect(violations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", "order"], code: "enum" }),
    );
  });

  test("a query integer below its minimum (count=-1)", async () => {
    const { error, response } = await api.GET("/v1/instances", { params: { query: { count: -1 } } });
    expectBadRequest(error, response);
    expect(violations(response)).toContainEqual(
      expect.objectContaining({ location: ["request", "query", "count"], code: "minimum" }),
    );
  });

  test("a valid request has no violations (the control case)", async () => {
    const { data, response } = await api.GET("/v1/instances/{uuid}", { params: { path: { uuid: INSTANCE } } });
    expect(response.status).toBe(200);
    expect(violations(response)).toEqual([]);
    expect(data?.data?.instances?.[0]?.uuid).toBe(INSTANCE);
  });
});

describe("Prism requires the bearer token", () => {
  test.each([
    ["GET", "/v1/healthz", undefined],
    ["GET", "/v1/instances", undefined],
    ["POST", "/v1/instances", { image: "nginx:latest" }],
    ["DELETE", `/v1/volumes/${INSTANCE}`, undefined],
  ] as const)("%s %s without Authorization -> 401", async (method, path, body) => {
    const response = await fetch(`${prismUrl}${path}`, {
      method,
      headers: { Accept: "application/json", ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.status).toBe(401);
    const envelope = (await response.json()) as ErrorEnvelope;
    expect(envelope).toEqual({ status: "error", message: "Unauthorized", errors: [{ status: 401 }], op_time_us: 12 });
  });

  test("a non-bearer Authorization header -> 401", async () => {
    const response = await fetch(`${prismUrl}/v1/healthz`, { headers: { Authorization: "Basic dXNlcjpwYXNz" } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as ErrorEnvelope).errors?.[0]?.status).toBe(401);
  });

  test("the same request with the client's token -> 200", async () => {
    const { data, response } = await api.GET("/v1/healthz");
    expect(response.status).toBe(200);
    expect(data?.status).toBe("success");
  });
});

describe("typed error envelopes of every documented error status (Prefer: code=...)", () => {
  // One operation per status, each answering the shared error response of the spec.
  const cases = [
    {
      status: 400,
      operationId: "stopInstance",
      message: "Invalid uuid 'funky-town-g756b5d'",
      call: (headers: Record<string, string>) =>
        api.PUT("/v1/instances/{uuid}/stop", { params: { path: { uuid: INSTANCE } }, body: { force: true }, headers }),
    },
    {
      status: 401,
      operationId: "listInstances",
      message: "Unauthorized",
      call: (headers: Record<string, string>) => api.GET("/v1/instances", { headers }),
    },
    {
      status: 403,
      operationId: "deleteInstances",
      message: "Forbidden",
      call: (headers: Record<string, string>) => api.DELETE("/v1/instances", { body: [{ uuid: INSTANCE }], headers }),
    },
    {
      status: 404,
      operationId: "getInstance",
      message: `No instance with UUID '${INSTANCE}'`,
      call: (headers: Record<string, string>) =>
        api.GET("/v1/instances/{uuid}", { params: { path: { uuid: INSTANCE } }, headers }),
    },
    {
      status: 409,
      operationId: "createInstance",
      message: "Name 'funky-town-g756b5d' already in use",
      call: (headers: Record<string, string>) =>
        api.POST("/v1/instances", { body: { image: "nginx:latest", name: "funky-town-g756b5d" }, headers }),
    },
    {
      status: 429,
      operationId: "listVolumes",
      message: "Too many requests",
      retryAfter: "1",
      call: (headers: Record<string, string>) => api.GET("/v1/volumes", { headers }),
    },
    {
      status: 500,
      operationId: "healthz",
      message: "Internal server error",
      call: (headers: Record<string, string>) => api.GET("/v1/healthz", { headers }),
    },
    {
      status: 503,
      operationId: "getQuotas",
      message: "Service unavailable",
      retryAfter: "2",
      call: (headers: Record<string, string>) => api.GET("/v1/users/quotas", { headers }),
    },
  ];

  test.each(cases)("$status on $operationId", async ({ status, operationId, message, retryAfter, call }) => {
    const { data, error, response } = await call({ Prefer: `code=${status}` });
    expect(response.status).toBe(status);
    expect(data).toBeUndefined();
    expect(error?.status).toBe("error");
    expect(error?.errors?.[0]?.status).toBe(status);
    expect(error?.message).toBe(message);
    expect(error).toEqual(responseExample(operationId, status));
    // 429 and 503 tell when to retry.
    expect(response.headers.get("retry-after")).toBe(retryAfter ?? null);
  });
});
