import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/internal/config";
import { AbortError, APIConnectionError, APITimeoutError, ValidationError } from "../../src/core/errors";
import { backoffDelay, RETRY_BACKOFF } from "../../src/internal/timing";
import { checkRequestOptions, createTransport, queryString, retryAfterMs } from "../../src/internal/transport";
import { UnikraftCloud } from "../../src/index";
import type { Logger } from "../../src/internal/logger";

const TOKEN = "tok-secret-42";

function recorder() {
  const lines: string[] = [];
  const logger: Logger = {
    debug: (m) => void lines.push(m),
    info: (m) => void lines.push(m),
    warn: (m) => void lines.push(m),
    error: (m) => void lines.push(m),
  };
  return { lines, logger };
}

/** A fetch that answers with the scripted steps in order and records the requests. */
function scripted(steps: (number | Error | { status: number; headers?: Record<string, string> })[]) {
  const seen: { method: string; body: string; auth: string | null }[] = [];
  const fetch = async (request: Request) => {
    seen.push({ method: request.method, body: await request.text(), auth: request.headers.get("authorization") });
    const step = steps[Math.min(seen.length - 1, steps.length - 1)]!;
    if (step instanceof Error) throw step;
    const { status, headers } = typeof step === "number" ? { status: step, headers: {} } : step;
    return new Response(JSON.stringify({ status: status < 400 ? "success" : "error" }), { status, headers });
  };
  return { seen, fetch };
}

function connError(code: string) {
  return Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) });
}

function transportWith(fetch: (r: Request) => Promise<Response>, extra: Record<string, unknown> = {}) {
  const log = recorder();
  const config = resolveConfig({ token: TOKEN, baseUrl: "http://127.0.0.1:9", fetch, logger: log.logger, ...extra });
  return { t: createTransport(config), log };
}

const req = (method: string, body?: unknown) => ({ method, path: "/v1/instances", body });

describe("retries", () => {
  it("retries 503 then succeeds, sending the same body again each time", async () => {
    const s = scripted([{ status: 503, headers: { "retry-after": "0" } }, { status: 503, headers: { "retry-after": "0" } }, 200]);
    const { t } = transportWith(s.fetch);
    const res = await t.send(req("PUT", [{ name: "a" }]));
    expect(res.response.status).toBe(200);
    expect(s.seen.map((r) => r.body)).toEqual(Array(3).fill('[{"name":"a"}]'));
  });

  it("gives up after maxRetries and returns the last answer", async () => {
    const s = scripted([{ status: 429, headers: { "retry-after": "0" } }]);
    const { t } = transportWith(s.fetch, { maxRetries: 2 });
    expect((await t.send(req("GET"))).response.status).toBe(429);
    expect(s.seen).toHaveLength(3);
  });

  it("never retries 400, 401, 403, 404, 409", async () => {
    for (const status of [400, 401, 403, 404, 409]) {
      const s = scripted([status, 200]);
      const { t } = transportWith(s.fetch);
      expect((await t.send(req("GET"))).response.status).toBe(status);
      expect(s.seen).toHaveLength(1);
    }
  });

  it("does not resend a create (POST) after a 5xx, a reset or a timeout", async () => {
    const s503 = scripted([{ status: 503, headers: { "retry-after": "0" } }, 200]);
    expect((await transportWith(s503.fetch).t.send(req("POST", { image: "x" }))).response.status).toBe(503);
    expect(s503.seen).toHaveLength(1);

    const reset = scripted([connError("ECONNRESET"), 200]);
    await expect(transportWith(reset.fetch).t.send(req("POST", { image: "x" }))).rejects.toThrow(/Not retried: a create may have reached the server/);
    expect(reset.seen).toHaveLength(1);
  });

  it("retries a create when the server certainly did not get it (refused, 429)", async () => {
    const refused = scripted([connError("ECONNREFUSED"), 200]);
    const { t } = transportWith(refused.fetch);
    expect((await t.send(req("POST", { image: "x" }))).response.status).toBe(200);
    expect(refused.seen).toHaveLength(2);

    const limited = scripted([{ status: 429, headers: { "retry-after": "0" } }, 200]);
    expect((await transportWith(limited.fetch).t.send(req("POST", { image: "x" }))).response.status).toBe(200);
    expect(limited.seen).toHaveLength(2);
  });

  it("maps a connection failure to APIConnectionError once retries are spent", async () => {
    const s = scripted([connError("ECONNREFUSED")]);
    const { t } = transportWith(s.fetch, { maxRetries: 0 });
    await expect(t.send(req("GET"))).rejects.toBeInstanceOf(APIConnectionError);
    await expect(t.send(req("GET"))).rejects.toThrow(/could not reach http:\/\/127.0.0.1:9 \(ECONNREFUSED\)/);
  });
});

describe("timeouts and abort", () => {
  const hanging = (request: Request) =>
    new Promise<Response>((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason)));

  it("ends an attempt after timeoutMs with APITimeoutError", async () => {
    const { t } = transportWith(hanging, { maxRetries: 0 });
    await expect(t.send(req("GET"), { timeoutMs: 20 })).rejects.toBeInstanceOf(APITimeoutError);
  });

  it("retries a timed-out GET, then reports the timeout", async () => {
    let calls = 0;
    const { t } = transportWith((r) => (calls++, hanging(r)), { maxRetries: 1 });
    await expect(t.send(req("GET"), { timeoutMs: 10 })).rejects.toThrow(/timed out after 10 ms \(attempt 2\)/);
    expect(calls).toBe(2);
  });

  it("aborts the request in flight with AbortError", async () => {
    const controller = new AbortController();
    const { t } = transportWith(hanging);
    const pending = t.send(req("GET"), { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });

  it("times out a body that stalls after the headers arrived, with APITimeoutError", async () => {
    const stalled = async (request: Request) => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"status":'));
          request.signal.addEventListener("abort", () => controller.error(request.signal.reason));
        },
      });
      return new Response(stream, { status: 200 });
    };
    const { t } = transportWith(stalled, { maxRetries: 0 });
    // The body is read within the attempt's timeout: the call fails, it does not hang.
    await expect(t.send(req("GET"), { timeoutMs: 30 })).rejects.toThrow(/timed out after 30 ms/);
  });

  it("does not start when the signal is already aborted", async () => {
    const s = scripted([200]);
    const { t } = transportWith(s.fetch);
    await expect(t.send(req("GET"), { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(s.seen).toHaveLength(0);
  });
});

describe("logging", () => {
  it("logs method, path, status, attempt and timing, never the token", async () => {
    const s = scripted([{ status: 503, headers: { "retry-after": "0" } }, 200]);
    const { t, log } = transportWith(s.fetch);
    await t.send(req("GET"));
    expect(log.lines[0]).toMatch(/^GET \/v1\/instances -> 503 \(attempt 1\/3, \d+ ms\)$/);
    expect(log.lines).toContain("GET /v1/instances: retrying in 0 ms (Retry-After)");
    expect(log.lines[2]).toMatch(/^GET \/v1\/instances -> 200 \(attempt 2\/3/);
    expect(log.lines.join("\n")).not.toContain(TOKEN);
    expect(s.seen[0]!.auth).toBe(`Bearer ${TOKEN}`);
  });
});

describe("helpers", () => {
  it("parses Retry-After in seconds, as a date, and retry-after-ms", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "2" }))).toBe(2000);
    expect(retryAfterMs(new Headers({ "retry-after-ms": "150" }))).toBe(150);
    expect(retryAfterMs(new Headers({ "retry-after": new Date(10_000).toUTCString() }), 7_000)).toBe(3000);
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });

  it("backs off exponentially with jitter, capped at 8 s", () => {
    const at = (random: number) => ({ ...RETRY_BACKOFF, random: () => random });
    expect(backoffDelay(1, at(0))).toBe(500);
    expect(backoffDelay(2, at(0))).toBe(1000);
    expect(backoffDelay(3, at(1))).toBe(1500);
    expect(backoffDelay(10, at(0))).toBe(8000);
  });

  it("builds query strings: arrays as repeated keys, undefined left out, values encoded", () => {
    expect(queryString({ name: ["a b", "c"], details: true, from: undefined, count: 5 })).toBe("?name=a%20b&name=c&details=true&count=5");
    expect(queryString({})).toBe("");
    expect(queryString(undefined)).toBe("");
  });
});

describe("request options are checked before anything is sent", () => {
  const { ukc, calls } = (() => {
    let n = 0;
    const client = new UnikraftCloud({ baseUrl: "http://127.0.0.1:9", token: "t", fetch: async () => (n++, new Response("{}")) });
    return { ukc: client, calls: () => n };
  })();

  it.each([
    [{ timeoutMs: -1 }, "timeoutMs"],
    [{ timeoutMs: Number.NaN }, "timeoutMs"],
    [{ timeoutMs: "5" as unknown as number }, "timeoutMs"],
    [{ maxRetries: 1.5 }, "maxRetries"],
    [{ maxRetries: -1 }, "maxRetries"],
    [{ signal: {} as AbortSignal }, "signal"],
    [{ headers: { "x-a": 1 as unknown as string } }, "headers.x-a"],
  ])("%o is a ValidationError on %s", async (options, field) => {
    const error = await ukc.images.list(options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect(calls()).toBe(0);
  });

  it("valid options pass", () => {
    expect(() => checkRequestOptions({ timeoutMs: 10, maxRetries: 0, signal: new AbortController().signal, headers: { a: "b" } })).not.toThrow();
  });
});
