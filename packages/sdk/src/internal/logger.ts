/**
 * Debug logging. Set `UKC_LOG=debug` (or `info`, `warn`, `error`, `off`) or pass `logger` /
 * `logLevel` to the client. Lines show method, path, status, attempt and timing — never the token,
 * never request headers.
 */

/** Log levels, from most to least verbose. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

/** Anything with these methods can receive the SDK's log lines (console, pino, winston, …). */
export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

/** True when the string names a log level. */
export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && value in order;
}

const LEVELS = ["debug", "info", "warn", "error"] as const;

/** A logger whose methods are `method(level)` for each level. */
const logger = (method: (level: (typeof LEVELS)[number]) => (m: string, meta?: Record<string, unknown>) => unknown): Logger =>
  Object.fromEntries(LEVELS.map((l) => [l, method(l)])) as unknown as Logger;

/** Wraps a logger so that only lines at `level` or above reach it. */
export function levelLogger(target: Logger, level: LogLevel): Logger {
  return logger((l) => (m, meta) => order[l] >= order[level] && target[l](m, meta));
}

/** The console, prefixed with `ukc:`. */
export const consoleLogger: Logger = /* @__PURE__ */ logger((l) => (m, meta) => console[l](`ukc: ${m}`, ...(meta ? [meta] : [])));
