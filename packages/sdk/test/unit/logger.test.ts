import { afterEach, describe, expect, it, vi } from "vitest";
import { resolveConfig } from "../../src/internal/config";
import { consoleLogger, isLogLevel, levelLogger, type Logger } from "../../src/internal/logger";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function recording() {
  const lines: string[] = [];
  const logger: Logger = {
    debug: (m) => void lines.push(`debug ${m}`),
    info: (m) => void lines.push(`info ${m}`),
    warn: (m) => void lines.push(`warn ${m}`),
    error: (m) => void lines.push(`error ${m}`),
  };
  return { lines, logger };
}

describe("levelLogger", () => {
  it("passes only lines at or above the level", () => {
    const { lines, logger } = recording();
    const warn = levelLogger(logger, "warn");
    warn.debug("a");
    warn.info("b");
    warn.warn("c");
    warn.error("d");
    expect(lines).toEqual(["warn c", "error d"]);
    const off = levelLogger(logger, "off");
    off.error("e");
    expect(lines).toHaveLength(2);
  });

  it("knows its levels", () => {
    expect(["debug", "info", "warn", "error", "off"].every(isLogLevel)).toBe(true);
    expect(isLogLevel("trace")).toBe(false);
  });
});

describe("UKC_LOG and the logger option", () => {
  it("UKC_LOG=debug sends debug lines to the console, prefixed ukc:", () => {
    vi.stubEnv("UKC_LOG", "debug");
    const spy = vi.spyOn(console, "debug").mockImplementation(() => undefined);
    resolveConfig({ token: "t", baseUrl: "http://127.0.0.1:9" }).logger.debug("GET /v1/healthz -> 200");
    expect(spy).toHaveBeenCalledWith("ukc: GET /v1/healthz -> 200");
  });

  it("logs nothing by default", () => {
    const spy = vi.spyOn(console, "debug").mockImplementation(() => undefined);
    resolveConfig({ token: "t", baseUrl: "http://127.0.0.1:9" }).logger.debug("x");
    expect(spy).not.toHaveBeenCalled();
  });

  it("a logger option receives debug lines unless logLevel says otherwise", () => {
    const a = recording();
    resolveConfig({ token: "t", baseUrl: "http://127.0.0.1:9", logger: a.logger }).logger.debug("x");
    expect(a.lines).toEqual(["debug x"]);
    const b = recording();
    resolveConfig({ token: "t", baseUrl: "http://127.0.0.1:9", logger: b.logger, logLevel: "error" }).logger.debug("x");
    expect(b.lines).toEqual([]);
  });

  it("consoleLogger writes each level to the console method of that level", () => {
    const spies = (["debug", "info", "warn", "error"] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined));
    consoleLogger.debug("1");
    consoleLogger.info("2", { a: 1 });
    consoleLogger.warn("3");
    consoleLogger.error("4");
    expect(spies.map((s) => s.mock.calls[0])).toEqual([["ukc: 1"], ["ukc: 2", { a: 1 }], ["ukc: 3"], ["ukc: 4"]]);
  });
});
