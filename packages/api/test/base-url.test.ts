import { describe, expect, test } from "vitest";
import { DEFAULT_METRO, METROS, resolveBaseUrl } from "../src/index";

describe("resolveBaseUrl", () => {
  test("defaults to Frankfurt", () => {
    expect(DEFAULT_METRO).toBe("fra");
    expect(resolveBaseUrl()).toBe("https://api.fra.unikraft.cloud");
  });

  test.each(METROS)("metro code %s -> https://api.%s.unikraft.cloud", (metro) => {
    expect(resolveBaseUrl(metro)).toBe(`https://api.${metro}.unikraft.cloud`);
  });

  test("the five metros of ENDPOINTS.md are known", () => {
    expect([...METROS]).toEqual(["fra", "dal", "sin", "was", "sfo"]);
  });

  test("accepts a metro code added later and trims whitespace", () => {
    expect(resolveBaseUrl("lon")).toBe("https://api.lon.unikraft.cloud");
    expect(resolveBaseUrl("  dal\n")).toBe("https://api.dal.unikraft.cloud");
  });

  test.each([
    ["http://127.0.0.1:4010", "http://127.0.0.1:4010"],
    ["http://127.0.0.1:4010/", "http://127.0.0.1:4010"],
    ["https://api.fra.unikraft.cloud/v1", "https://api.fra.unikraft.cloud"],
    ["https://api.fra.unikraft.cloud/v1/", "https://api.fra.unikraft.cloud"],
    ["https://api.fra0.kraft.cloud/v1", "https://api.fra0.kraft.cloud"],
    ["https://staging.example.com/ukc/v1", "https://staging.example.com/ukc"],
    ["https://staging.example.com/ukc", "https://staging.example.com/ukc"],
    ["https://staging.example.com/v10", "https://staging.example.com/v10"],
    ["http://[::1]:4010/v1", "http://[::1]:4010"],
    ["HTTPS://API.SIN.UNIKRAFT.CLOUD/v1", "https://api.sin.unikraft.cloud"],
  ])("full URL %s -> %s (trailing / and /v1 dropped)", (input, expected) => {
    expect(resolveBaseUrl(input)).toBe(expected);
  });

  test.each([
    ["", /Invalid metro ''/],
    ["fra.unikraft.cloud", /Invalid metro/],
    ["api.fra.unikraft.cloud/v1", /Invalid metro/],
    ["f", /Invalid metro/],
    ["not a metro", /Invalid metro/],
    ["9fra", /Invalid metro/],
    ["ftp://files.example.com", /only http:\/\/ and https:\/\/ are supported/],
    ["http://", /Invalid base URL/],
    ["https://api.fra.unikraft.cloud/v1?metro=fra", /remove the query string and fragment/],
    ["https://api.fra.unikraft.cloud/#v1", /remove the query string and fragment/],
  ])("rejects %j with a TypeError", (input, message) => {
    expect(() => resolveBaseUrl(input)).toThrow(TypeError);
    expect(() => resolveBaseUrl(input)).toThrow(message);
  });
});
