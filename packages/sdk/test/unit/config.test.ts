import { afterEach, describe, expect, it, vi } from "vitest";
import { resolveConfig } from "../../src/internal/config";
import { ConfigurationError } from "../../src/core/errors";
import { UnikraftCloud } from "../../src/client";
import { inspect } from "node:util";

afterEach(() => vi.unstubAllEnvs());

describe("resolveConfig", () => {
  it("reads UKC_TOKEN and UKC_METRO, and defaults to fra", () => {
    vi.stubEnv("UKC_TOKEN", "env-token");
    vi.stubEnv("UKC_METRO", "dal");
    expect(resolveConfig({})).toMatchObject({ token: "env-token", baseUrl: "https://api.dal.unikraft.cloud" });
    vi.stubEnv("UKC_METRO", "");
    expect(resolveConfig({}).baseUrl).toBe("https://api.fra.unikraft.cloud");
  });

  it("lets options win over the environment, baseUrl over metro, and drops a trailing /v1", () => {
    vi.stubEnv("UKC_TOKEN", "env-token");
    vi.stubEnv("UKC_METRO", "dal");
    const c = resolveConfig({ token: "opt", metro: "sin", baseUrl: "https://api.example.test/v1/" });
    expect(c.token).toBe("opt");
    expect(c.baseUrl).toBe("https://api.example.test");
    expect(resolveConfig({ token: "t", metro: "http://127.0.0.1:4010" }).baseUrl).toBe("http://127.0.0.1:4010");
  });

  it("fails clearly on a missing token", () => {
    vi.stubEnv("UKC_TOKEN", "");
    expect(() => resolveConfig({})).toThrow(ConfigurationError);
    expect(() => resolveConfig({})).toThrow(/no API token: pass \{ token \} or set the UKC_TOKEN/);
  });

  it("refuses plain http to a non-loopback host unless allowed", () => {
    expect(() => resolveConfig({ token: "t", baseUrl: "http://api.example.test" })).toThrow(/refusing plain http:\/\/ to api.example.test/);
    expect(resolveConfig({ token: "t", baseUrl: "http://api.example.test", allowInsecureHttp: true }).baseUrl).toBe("http://api.example.test");
    expect(resolveConfig({ token: "t", baseUrl: "http://localhost:4010" }).baseUrl).toBe("http://localhost:4010");
    expect(resolveConfig({ token: "t", baseUrl: "http://[::1]:4010" }).baseUrl).toBe("http://[::1]:4010");
  });

  it.each([
    [{ token: "t", timeoutMs: "5" }, /option 'timeoutMs' must be a number, got string/],
    [{ token: "t", timeoutMs: -1 }, /option 'timeoutMs' must be a number from 1 to \d+, got -1/],
    [{ token: "t", timeoutMs: 2 ** 31 }, /option 'timeoutMs' must be a number from 1 to 2147483647/],
    [{ token: "t", maxRetries: 1.5 }, /integer from 0 to 10/],
    [{ token: "t", fetch: "x" }, /option 'fetch' must be a function/],
    [{ token: "t", metro: "not a metro" }, /Invalid metro 'not a metro'/],
    [{ token: "t", baseUrl: "ftp://x" }, /Invalid metro|only http/],
    [{ token: "t", baseUrl: "https://exa mple" }, /Invalid base URL/],
    [{ token: "t", tiemoutMs: 5 }, /unknown option 'tiemoutMs'/],
    [{ token: "t", headers: { Authorization: "x" } }, /use the token option/],
    [{ token: "t", headers: { "x-a": 1 } }, /header 'x-a' must be a string/],
    [{ token: "t", logLevel: "loud" }, /logLevel/],
    [{ token: 5 }, /option 'token' must be a string/],
  ])("rejects %j", (options, message) => {
    expect(() => resolveConfig(options as never)).toThrow(ConfigurationError);
    expect(() => resolveConfig(options as never)).toThrow(message);
  });

  it("rejects a bad UKC_LOG", () => {
    vi.stubEnv("UKC_LOG", "verbose");
    expect(() => resolveConfig({ token: "t" })).toThrow(/UKC_LOG must be one of/);
  });
});

describe("UnikraftCloud", () => {
  it("never exposes the token when inspected, serialised or printed", () => {
    const token = "secret-token-value-123";
    const client = new UnikraftCloud({ token, baseUrl: "http://127.0.0.1:9" });
    expect(inspect(client, { depth: 6, showHidden: true })).not.toContain(token);
    expect(JSON.stringify(client)).not.toContain(token);
    expect(JSON.stringify(client)).toBe('{"baseUrl":"http://127.0.0.1:9"}');
    expect(String(client)).not.toContain(token);
  });

  it("keeps the raw call one method away", () => {
    const client = new UnikraftCloud({ token: "t", baseUrl: "http://127.0.0.1:9" });
    expect(typeof client.request).toBe("function");
    expect(client.baseUrl).toBe("http://127.0.0.1:9");
  });
});
