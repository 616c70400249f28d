// Behaviour of error answers over real HTTP: HTTP statuses to typed errors with the envelope's
// message, errors and the request id; bodies that are not JSON; and debug logging.
import { describe, expect, it } from "vitest";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnikraftCloudError,
  UnprocessableEntityError,
  type Logger,
} from "../../src/index";
import { EXAMPLE_INSTANCE, rejection, sim, simClient, useSimulator } from "./support";

const UUID = "123e4567-e89b-12d3-a456-426614174000";
const GET_PATH = `/v1/instances/${UUID}`;
const TOKEN = "tok-LOGSECRET-0c9d8e7f";

useSimulator({ fixture: { instances: [EXAMPLE_INSTANCE] } });
const client = simClient({ token: TOKEN, maxRetries: 0 });

describe("HTTP statuses become typed errors", () => {
  const CASES = [
    { code: 400, type: BadRequestError, message: "Conflicting parameters: 'force' and 'drain_timeout_ms'" },
    { code: 401, type: AuthenticationError, message: "Unauthorized" },
    { code: 403, type: PermissionDeniedError, message: "Forbidden: the token may not read this instance" },
    { code: 404, type: NotFoundError, message: `No instance with UUID '${UUID}'` },
    { code: 409, type: ConflictError, message: "Name 'funky-town-g756b5d' already in use" },
    { code: 422, type: UnprocessableEntityError, message: "Request does not match the contract" },
    { code: 429, type: RateLimitError, message: "Too many requests" },
    { code: 500, type: InternalServerError, message: "Internal server error" },
    { code: 503, type: InternalServerError, message: "Service unavailable" },
  ];

  it.each(CASES)("$code → $type.name with status, apiMessage, errors and requestId", async ({ code, type, message }) => {
    const body = { status: "error", message, errors: [{ status: code, detail: "x" }], op_time_us: 12 };
    sim.rule({ id: "err", path: GET_PATH, action: { type: "respond", status: code, headers: { "x-request-id": `req-${code}-7b1e` }, body } });
    const error = await rejection(client().instances.get(UUID));

    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(UnikraftCloudError);
    const e = error as APIError;
    expect(e.name).toBe(type.name);
    expect(e.status).toBe(code);
    expect(e.apiMessage).toBe(message);
    expect(e.errors).toEqual([{ status: code, detail: "x" }]);
    expect(e.requestId).toBe(`req-${code}-7b1e`);
    expect(e.code).toBeUndefined();
    expect(e.body).toEqual(body);
    expect(e.message).toContain(`GET ${GET_PATH} failed (${code}): ${message}`);
    expect(e.message).toContain(`[request id req-${code}-7b1e]`);
    expect(sim.requests).toHaveLength(1);
  });

  it("the request id is also read from a request-id header", async () => {
    sim.rule({ path: GET_PATH, action: { type: "respond", status: 404, headers: { "request-id": "rid-1" }, body: { status: "error", message: "gone" } } });
    const e = (await rejection(client().instances.get(UUID))) as NotFoundError;
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.requestId).toBe("rid-1");
    expect(e.errors).toEqual([]);
  });

  it("an error on a POST carries the method and path too", async () => {
    sim.rule({ method: "POST", path: "/v1/instances", action: { type: "respond", status: 409, body: { status: "error", message: "Name 'web' already in use", errors: [{ status: 409 }] } } });
    const e = (await rejection(client().instances.create({ image: "nginx:latest", name: "web" }))) as ConflictError;
    expect(e).toBeInstanceOf(ConflictError);
    expect(e.message).toMatch(/^POST \/v1\/instances failed \(409\): Name 'web' already in use/);
  });
});

describe("bodies that are not JSON", () => {
  it("a 502 with an HTML body: InternalServerError with a readable message", async () => {
    const html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
    sim.rule({ path: GET_PATH, action: { type: "respond", status: 502, headers: { "content-type": "text/html" }, body: html } });
    const e = (await rejection(client().instances.get(UUID))) as InternalServerError;
    expect(e).toBeInstanceOf(InternalServerError);
    expect(e.status).toBe(502);
    expect(e.message).toContain(`GET ${GET_PATH} failed (502)`);
    expect(e.message).toContain("502 Bad Gateway");
    expect(e.apiMessage).toContain("502 Bad Gateway");
    expect(e.errors).toEqual([]);
    expect(e.body).toBe(html);
  });

  it("a 502 with a plain-text body and one with no body at all", async () => {
    sim.rule({ path: GET_PATH, times: 1, action: { type: "respond", status: 502, body: "upstream connect error or disconnect/reset before headers\n" } });
    sim.rule({ path: GET_PATH, times: 1, action: { type: "respond", status: 502 } });
    const text = (await rejection(client().instances.get(UUID))) as InternalServerError;
    expect(text).toBeInstanceOf(InternalServerError);
    expect(text.apiMessage).toBe("upstream connect error or disconnect/reset before headers");
    const empty = (await rejection(client().instances.get(UUID))) as InternalServerError;
    expect(empty).toBeInstanceOf(InternalServerError);
    expect(empty.status).toBe(502);
    expect(empty.message).toContain(`GET ${GET_PATH} failed (502): Bad Gateway`);
  });

  it("a 200 whose body is not JSON: an APIError, not a SyntaxError", async () => {
    sim.rule({ path: GET_PATH, action: { type: "respond", status: 200, headers: { "content-type": "application/json" }, body: "{ not json" } });
    const e = await rejection(client().instances.get(UUID));
    expect(e).toBeInstanceOf(APIError);
    expect((e as APIError).message).toContain("not JSON");
  });

  it("a 200 with an empty body: an APIError, not a TypeError", async () => {
    sim.rule({ path: GET_PATH, action: { type: "respond", status: 200 } });
    const e = await rejection(client().instances.get(UUID));
    expect(e).toBeInstanceOf(APIError);
    expect((e as APIError).status).toBe(200);
    expect((e as APIError).message).toContain("empty");
  });
});

describe("debug logging", () => {
  function recorder() {
    const lines: { level: string; message: string; meta?: Record<string, unknown> }[] = [];
    const at = (level: string) => (message: string, meta?: Record<string, unknown>) => void lines.push({ level, message, ...(meta ? { meta } : {}) });
    const logger: Logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
    return { logger, lines };
  }

  it("shows method, path, status, attempt and timing of every attempt, and never the token", async () => {
    sim.rule({ path: GET_PATH, times: 1, action: { type: "respond", status: 503, headers: { "retry-after": "0" }, body: { status: "error", message: "busy" } } });
    const { logger, lines } = recorder();
    await client({ logger, maxRetries: 2 }).instances.get(UUID);
    const messages = lines.map((l) => l.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(new RegExp(`^GET ${GET_PATH} -> 503 \\(attempt 1/3, \\d+ ms\\)$`));
    expect(messages[1]).toBe(`GET ${GET_PATH}: retrying in 0 ms (Retry-After)`);
    expect(messages[2]).toMatch(new RegExp(`^GET ${GET_PATH} -> 200 \\(attempt 2/3, \\d+ ms\\)$`));
    expect(lines.every((l) => l.level === "debug")).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
    expect(JSON.stringify(lines)).not.toMatch(/authorization|bearer/i);
  });

  it("logs connection errors and timeouts with their attempt", async () => {
    sim.rule({ method: "POST", path: "/v1/instances", times: 1, action: { type: "reset" } });
    sim.rule({ path: GET_PATH, delayMs: 300, action: { type: "forward" } });
    const { logger, lines } = recorder();
    const ukc = client({ logger });
    await expect(ukc.instances.create({ image: "nginx:latest" })).rejects.toThrow(/could not reach/);
    await expect(ukc.instances.get(UUID, { timeoutMs: 30 })).rejects.toThrow(/timed out after 30 ms/);
    const messages = lines.map((l) => l.message);
    expect(messages[0]).toMatch(/^POST \/v1\/instances -> connection error \S+ \(attempt 1\/1, \d+ ms\)$/);
    expect(messages[1]).toMatch(new RegExp(`^GET ${GET_PATH} -> timeout \\(attempt 1/1, \\d+ ms\\)$`));
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });

  it("the query string is shown (it names references), the body is not", async () => {
    sim.rule({ path: "/v1/instances/stop", action: { type: "respond", status: 200, body: { status: "success", data: { instances: [{ status: "success", name: "web", uuid: UUID }] } } } });
    const { logger, lines } = recorder();
    await client({ logger }).instances.stop(["web"], { drainTimeoutMs: 1000 });
    expect(lines.map((l) => l.message)).toEqual([expect.stringMatching(/^PUT \/v1\/instances\/stop -> 200 \(attempt 1\/1, \d+ ms\)$/)]);
  });

  it("logLevel above debug silences the per-request lines", async () => {
    const { logger, lines } = recorder();
    sim.rule({ path: GET_PATH, action: { type: "respond", status: 404, body: { status: "error", message: "gone" } } });
    await expect(client({ logger, logLevel: "info" }).instances.get(UUID)).rejects.toBeInstanceOf(NotFoundError);
    expect(lines).toEqual([]);
  });
});
