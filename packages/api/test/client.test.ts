// createClient without a server: a custom `fetch` records each Request the client builds and
// answers with a canned response.
import { describe, expect, test } from "vitest";
import { bearerAuth, type ClientOptions, createClient } from "../src/index";

const UUID = "123e4567-e89b-12d3-a456-426614174000";

function recorder(answer: () => Response = () => Response.json({ status: "success", data: { services: {} } })) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return answer();
  };
  return { requests, fetch };
}

describe("createClient: the token", () => {
  test.each([
    ["no options", undefined],
    ["no token", {}],
    ["an empty token", { token: "" }],
    ["a blank token", { token: "   " }],
    ["a token that is not a string", { token: 42 }],
  ])("throws a TypeError with %s", (_, options) => {
    expect(() => createClient(options as unknown as ClientOptions)).toThrow(TypeError);
    expect(() => createClient(options as unknown as ClientOptions)).toThrow(/`token` is required/);
  });

  test("sends Authorization: Bearer <token> on every request", async () => {
    const { requests, fetch } = recorder();
    const api = createClient({ token: "secret-token", baseUrl: "http://127.0.0.1:4010", fetch });
    await api.GET("/v1/healthz");
    await api.DELETE("/v1/instances/{uuid}", { params: { path: { uuid: UUID } } });
    expect(requests.map((r) => r.headers.get("authorization"))).toEqual(["Bearer secret-token", "Bearer secret-token"]);
  });

  test("the token wins over an Authorization header given in `headers`", async () => {
    const { requests, fetch } = recorder();
    const api = createClient({ token: "secret-token", fetch, headers: { Authorization: "Bearer other" } });
    await api.GET("/v1/healthz");
    expect(requests[0]?.headers.get("authorization")).toBe("Bearer secret-token");
  });

  test("bearerAuth is the middleware that sets the header", async () => {
    const request = new Request("https://api.fra.unikraft.cloud/v1/healthz");
    const onRequest = bearerAuth("abc").onRequest as (params: { request: Request }) => Request;
    expect(onRequest({ request }).headers.get("authorization")).toBe("Bearer abc");
  });
});

describe("createClient: headers", () => {
  test("sends the extra headers and Accept: application/json", async () => {
    const { requests, fetch } = recorder();
    const api = createClient({ token: "t", fetch, headers: { "User-Agent": "ukc-test/1.0", "X-Trace": "abc123" } });
    await api.GET("/v1/healthz");
    const headers = requests[0]?.headers;
    expect(headers?.get("user-agent")).toBe("ukc-test/1.0");
    expect(headers?.get("x-trace")).toBe("abc123");
    expect(headers?.get("accept")).toBe("application/json");
  });

  test("per-request headers are added to the client's", async () => {
    const { requests, fetch } = recorder();
    const api = createClient({ token: "t", fetch, headers: { "X-Trace": "abc123" } });
    await api.GET("/v1/healthz", { headers: { Prefer: "code=404" } });
    expect(requests[0]?.headers.get("prefer")).toBe("code=404");
    expect(requests[0]?.headers.get("x-trace")).toBe("abc123");
  });
});

describe("createClient: base URL", () => {
  test.each([
    [{}, "https://api.fra.unikraft.cloud/v1/healthz"],
    [{ metro: "sin" }, "https://api.sin.unikraft.cloud/v1/healthz"],
    [{ metro: "http://127.0.0.1:4010/v1" }, "http://127.0.0.1:4010/v1/healthz"],
    [{ baseUrl: "http://127.0.0.1:4010" }, "http://127.0.0.1:4010/v1/healthz"],
    [{ baseUrl: "http://127.0.0.1:4010/", metro: "dal" }, "http://127.0.0.1:4010/v1/healthz"],
  ])("%j -> %s", async (options, url) => {
    const { requests, fetch } = recorder();
    const api = createClient({ token: "t", fetch, ...options });
    await api.GET("/v1/healthz");
    expect(requests[0]?.url).toBe(url);
  });

  test("an invalid metro throws when the client is created", () => {
    expect(() => createClient({ token: "t", metro: "ftp://example.com" })).toThrow(TypeError);
  });
});

describe("createClient: requests and responses", () => {
  test("repeats array query parameters and percent-encodes query and path values", async () => {
    const { requests, fetch } = recorder();
    const api = createClient({ token: "t", fetch });
    await api.GET("/v1/instances", { params: { query: { name: ["a", "b"], details: false } } });
    await api.GET("/v1/images", { params: { query: { tag: "funky-user/my-image:latest" } } });
    await api.GET("/v1/services/{uuid}/autoscale/policies/{name}", { params: { path: { uuid: "c1d2e3f4-5678-90ab-cdef-1234567890ab", name: "scale up" } } });
    expect(requests[0]?.url).toBe("https://api.fra.unikraft.cloud/v1/instances?name=a&name=b&details=false");
    expect(requests[1]?.url).toBe("https://api.fra.unikraft.cloud/v1/images?tag=funky-user%2Fmy-image%3Alatest");
    expect(requests[2]?.url).toBe("https://api.fra.unikraft.cloud/v1/services/c1d2e3f4-5678-90ab-cdef-1234567890ab/autoscale/policies/scale%20up");
  });

  test("sends a body as JSON", async () => {
    const { requests, fetch } = recorder();
    const api = createClient({ token: "t", fetch });
    await api.PUT("/v1/instances/stop", { body: [{ name: "funky-town-g756b5d", drain_timeout_ms: 250 }] });
    expect(requests[0]?.method).toBe("PUT");
    expect(requests[0]?.headers.get("content-type")).toBe("application/json");
    expect(await requests[0]?.json()).toEqual([{ name: "funky-town-g756b5d", drain_timeout_ms: 250 }]);
  });

  test("a 2xx answer is `data`, a non-2xx answer is `error`", async () => {
    let answer = Response.json({ status: "success", data: { services: {} }, op_time_us: 1 });
    const api = createClient({ token: "t", fetch: async () => answer });
    const ok = await api.GET("/v1/healthz");
    expect(ok.error).toBeUndefined();
    expect(ok.data).toEqual({ status: "success", data: { services: {} }, op_time_us: 1 });

    answer = Response.json({ status: "error", message: "Unauthorized", errors: [{ status: 401 }] }, { status: 401 });
    const failed = await api.GET("/v1/healthz");
    expect(failed.data).toBeUndefined();
    expect(failed.response.status).toBe(401);
    expect(failed.error?.errors?.[0]?.status).toBe(401);
    expect(failed.error?.message).toBe("Unauthorized");
  });
});
