/**
 * Client configuration: options, environment variables (`UKC_TOKEN`, `UKC_METRO`, `UKC_LOG`) and
 * their validation. Every problem is a {@link ConfigurationError} at construction.
 */
import { resolveBaseUrl } from "@ukc/api";
import { ConfigurationError } from "../core/errors.js";
import { numberProblem } from "./timing.js";
import { consoleLogger, isLogLevel, levelLogger, LOG_LEVELS, type Logger, type LogLevel } from "./logger.js";

/** Options of the {@link UnikraftCloud} client. */
export interface ClientOptions {
  /** API token. Default: the `UKC_TOKEN` environment variable. */
  token?: string;
  /** Metro code (`fra`, `dal`, `sin`, `was`, `sfo`) or a full URL. Default: `UKC_METRO`, else `fra`. */
  metro?: string;
  /** Full base URL; wins over `metro`. */
  baseUrl?: string;
  /** A `fetch` implementation. Default: the global `fetch`. */
  fetch?: (input: Request) => Promise<Response>;
  /** Timeout of one HTTP attempt in milliseconds. Default 60000. */
  timeoutMs?: number;
  /** How many times a failed request is retried (connection errors, 408, 429, 5xx). Default 2. */
  maxRetries?: number;
  /** Receives debug lines. Default: the console when `UKC_LOG` is set, else nothing. */
  logger?: Logger;
  /** Minimum level passed to the logger. Default: `UKC_LOG`, else `debug` with a logger, else `off`. */
  logLevel?: LogLevel;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Allow plain `http://` to a host that is not loopback. Default false (the token would travel in clear). */
  allowInsecureHttp?: boolean;
}

/** The configuration after defaults, env vars and validation. */
export interface ResolvedConfig {
  token: string;
  baseUrl: string;
  fetch: (input: Request) => Promise<Response>;
  /** True when `fetch` is the runtime's own: the transport then calls it with (url, init), saving a Request copy. */
  nativeFetch: boolean;
  timeoutMs: number;
  maxRetries: number;
  logger: Logger;
  /** True when debug lines reach the logger. */
  debug: boolean;
  headers: Record<string, string>;
}

/** Every option, and the type its value must have (`logLevel` is checked against the levels). */
const OPTIONS: Readonly<Record<string, string>> = {
  token: "string",
  metro: "string",
  baseUrl: "string",
  fetch: "function",
  timeoutMs: "number",
  maxRetries: "number",
  logger: "object",
  logLevel: "",
  headers: "object",
  allowInsecureHttp: "boolean",
};

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** Reads an environment variable where there is one (Node, Bun, Deno with env access); else undefined. */
export function readEnv(name: string): string | undefined {
  try {
    const { process: proc, Deno: deno } = globalThis as {
      process?: { env?: Record<string, string | undefined> };
      Deno?: { env?: { get(n: string): string | undefined } };
    };
    return (proc?.env?.[name] ?? deno?.env?.get(name))?.trim() || undefined;
  } catch {
    return undefined;
  }
}

function fail(message: string): never {
  throw new ConfigurationError(message);
}

/** Fails unless `value` (of `UKC_LOG` or the option `logLevel`) is a log level. */
function checkLevel(what: string, value: unknown): void {
  if (value !== undefined && !isLogLevel(value)) fail(`${what} must be one of ${LOG_LEVELS.join(", ")}; got '${String(value)}'`);
}

/** Validates options, applies env vars and defaults. */
export function resolveConfig(options: ClientOptions = {}): ResolvedConfig {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    fail("options must be an object, e.g. new UnikraftCloud({ token, metro: 'fra' })");
  }
  for (const [key, value] of Object.entries(options)) {
    const type = Object.hasOwn(OPTIONS, key) ? OPTIONS[key] : fail(`unknown option '${key}'; known options: ${Object.keys(OPTIONS).join(", ")}`);
    if (type && value !== undefined && typeof value !== type) fail(`option '${key}' must be a ${type}, got ${value === null ? "null" : typeof value}`);
  }

  const token = options.token ?? readEnv("UKC_TOKEN");
  if (!token?.trim()) fail("no API token: pass { token } or set the UKC_TOKEN environment variable");
  if (/[\r\n]/.test(token)) fail("the token contains a line break; copy it again without surrounding white space");

  const target = options.baseUrl ?? options.metro ?? readEnv("UKC_METRO") ?? "fra";
  let baseUrl: string;
  try {
    baseUrl = resolveBaseUrl(target);
  } catch (error) {
    fail((error as Error).message);
  }
  const url = new URL(baseUrl);
  if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname) && !options.allowInsecureHttp) {
    fail(
      `refusing plain http:// to ${url.host}: the token would be sent unencrypted. Use https://, or pass { allowInsecureHttp: true } if you really mean it`,
    );
  }

  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxRetries = options.maxRetries ?? 2;
  // Milliseconds up to what a timer can wait (about 24.8 days); retries from 0 to 10.
  for (const [key, problem] of [
    ["timeoutMs", numberProblem(timeoutMs, 1)],
    ["maxRetries", numberProblem(maxRetries, 0, 10, true)],
  ]) {
    if (problem) fail(`option '${key}' ${problem}`);
  }

  const headers = options.headers ?? {};
  if (headers === null || Array.isArray(headers)) fail("option 'headers' must be an object of header names to string values");
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== "string") fail(`header '${name}' must be a string, got ${typeof value}`);
    if (name.toLowerCase() === "authorization") fail("do not pass an Authorization header; use the token option");
  }

  const fetchImpl = options.fetch ?? (globalThis.fetch ? (req: Request) => globalThis.fetch(req) : undefined);
  if (!fetchImpl) fail("no global fetch in this runtime; pass { fetch }");

  const envLevel = readEnv("UKC_LOG");
  checkLevel("UKC_LOG", envLevel);
  checkLevel("option 'logLevel'", options.logLevel);
  if (options.logger && typeof options.logger.debug !== "function") fail("option 'logger' must have debug/info/warn/error methods");
  const level: LogLevel = options.logLevel ?? (envLevel as LogLevel | undefined) ?? (options.logger ? "debug" : "off");
  const logger = levelLogger(options.logger ?? consoleLogger, level);

  return { token, baseUrl, fetch: fetchImpl, nativeFetch: options.fetch === undefined, timeoutMs, maxRetries, logger, debug: level === "debug", headers: { ...headers } };
}
