import { describe, expect, it } from "vitest";
import { envelope } from "../../src/internal/envelope";
import { APIError, BadRequestError, UnprocessableEntityError } from "../../src/core/errors";

const failed = (status: number, error: unknown, headers: Record<string, string> = {}) =>
  Promise.resolve({ error, response: new Response(null, { status, headers }) });

describe("envelope: the reason of a refused request", () => {
  it("a validator's problem+json (Prism in proxy mode) gives its violations, not its boilerplate", async () => {
    const body = {
      title: "Invalid request",
      status: 422,
      detail: "Your request is not valid and no HTTP validation response was found in the spec",
      validation: [{ location: ["body"], code: "additionalProperties", message: "Request body must NOT have additional properties; found 'memroy_mb'" }],
    };
    const error = await envelope("POST", failed(422, body)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as APIError).apiMessage).toBe("body: Request body must NOT have additional properties; found 'memroy_mb'");
  });

  it("the sl-violations header (Prism in mock mode) wins over the spec's example message in the body", async () => {
    const header = JSON.stringify([{ location: ["request", "query", "count"], message: "Request query parameter count must be >= 0" }]);
    const error = await envelope("GET", failed(400, { status: "error", message: "Invalid uuid 'x'" }, { "sl-violations": header })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as APIError).apiMessage).toBe("request.query.count: Request query parameter count must be >= 0");
  });

  it("without a validator, the API's own message", async () => {
    const error = await envelope("PUT", failed(400, { status: "error", message: "force and drain_timeout_ms cannot be combined", errors: [{ status: 400 }] })).catch((e: unknown) => e);
    expect((error as APIError).apiMessage).toBe("force and drain_timeout_ms cannot be combined");
  });
});
