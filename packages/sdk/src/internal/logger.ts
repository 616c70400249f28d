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

/** The log levels, from most to least verbose. */
export const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "off"];

/** True when the string names a log level. */
export function isLogLevel(value: unknown): value is LogLevel {
  return LOG_LEVELS.includes(value as LogLevel);
}

/** A logger whose methods are `method(level)` for each level but `off`. */
const logger = (method: (level: Exclude<LogLevel, "off">) => (m: string, meta?: Record<string, unknown>) => unknown): Logger =>
  Object.fromEntries(LOG_LEVELS.slice(0, 4).map((l) => [l, method(l as Exclude<LogLevel, "off">)])) as unknown as Logger;

/** Wraps a logger so that only lines at `level` or above reach it. */
export function levelLogger(target: Logger, level: LogLevel): Logger {
  return logger((l) => (m, meta) => LOG_LEVELS.indexOf(l) >= LOG_LEVELS.indexOf(level) && target[l](m, meta));
}

/** The console, prefixed with `ukc:`. */
export const consoleLogger: Logger = /* @__PURE__ */ logger((l) => (m, meta) => console[l](`ukc: ${m}`, ...(meta ? [meta] : [])));
