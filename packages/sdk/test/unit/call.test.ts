import { describe, expect, it } from "vitest";
import { APIError, BadRequestError, UnprocessableEntityError, withResponse } from "../../src/index";
import { call, itemsOf, remember, type Context } from "../../src/internal/call";
import type { Exchange } from "../../src/internal/transport";

/** A context whose transport answers with one fixed exchange. */
function answering(status: number, body: unknown, headers: Record<string, string> = {}, notJson = false): Context {
  const response = new Response(null, { status, headers });
  Object.defineProperty(response, "url", { value: "http://127.0.0.1:9/v1/instances" });
  const exchange: Exchange = { response, body, notJson };
  return { transport: { send: async () => exchange }, logger: { debug() {}, info() {}, warn() {}, error() {} } };
}

const failure = (ctx: Context, method = "POST"): Promise<APIError> =>
  call(ctx, { method, path: "/v1/instances" }).then(
    () => Promise.reject(new Error("expected the call to fail")),
    (e: unknown) => e as APIError,
  );

describe("call: the reason of a refused request", () => {
  it("a validator's problem+json (Prism in proxy mode) gives its violations, not its boilerplate", async () => {
    const body = {
      title: "Invalid request",
      status: 422,
      detail: "Your request is not valid and no HTTP validation response was found in the spec",
      validation: [{ location: ["body"], code: "additionalProperties", message: "Request body must NOT have additional properties; found 'memroy_mb'" }],
    };
    const error = await failure(answering(422, body));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.apiMessage).toBe("body: Request body must NOT have additional properties; found 'memroy_mb'");
  });

  it("the sl-violations header (Prism in mock mode) wins over the spec's example message in the body", async () => {
    const header = JSON.stringify([{ location: ["request", "query", "count"], message: "Request query parameter count must be >= 0" }]);
    const error = await failure(answering(400, { status: "error", message: "Invalid uuid 'x'" }, { "sl-violations": header }), "GET");
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.apiMessage).toBe("request.query.count: Request query parameter count must be >= 0");
  });

  it("without a validator, the API's own message, the errors list, the request id and the headers", async () => {
    const ctx = answering(400, { status: "error", message: "force and drain_timeout_ms cannot be combined", errors: [{ status: 400 }] }, { "x-request-id": "req-7", "x-other": "kept" });
    const error = await failure(ctx, "PUT");
    expect(error.apiMessage).toBe("force and drain_timeout_ms cannot be combined");
    expect(error.errors).toEqual([{ status: 400 }]);
    expect(error.requestId).toBe("req-7");
    expect(error.headers.get("x-other")).toBe("kept");
    expect(error.message).toContain("PUT /v1/instances failed (400)");
  });

  it("a text body of an error is the message", async () => {
    expect((await failure(answering(502, "bad gateway"))).apiMessage).toBe("bad gateway");
  });

  it("a 2xx that is not a JSON envelope is an APIError saying so", async () => {
    expect((await failure(answering(200, "<html>", {}, true))).apiMessage).toMatch(/not JSON/);
    expect((await failure(answering(200, undefined))).apiMessage).toMatch(/empty body/);
  });
});

describe("itemsOf and withResponse", () => {
  it("itemsOf gives the list under the key and the envelope's message; anything else is undefined", async () => {
    const answer = await call(answering(200, { status: "partial_success", message: "m", data: { instances: [{ name: "a" }], other: 1 } }), { method: "GET", path: "/v1/instances" });
    expect(itemsOf(answer, "instances")).toEqual({ items: [{ name: "a" }], message: "m" });
    expect(itemsOf(answer, "other").items).toBeUndefined();
  });

  it("withResponse gives the response a result came from, and refuses results that have none", async () => {
    const response = new Response(null, { status: 200, headers: { "x-request-id": "r1" } });
    const result = remember({ uuid: "u" }, response);
    const { data, response: got } = await withResponse(Promise.resolve(result));
    expect(data).toBe(result);
    expect(got.headers.get("x-request-id")).toBe("r1");
    await expect(withResponse(Promise.resolve({}))).rejects.toThrow(/did not come from one HTTP response/);
  });
});
