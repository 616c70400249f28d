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

/** Wraps a logger so that only lines at `level` or above reach it. */
export function levelLogger(target: Logger, level: LogLevel): Logger {
  const allow = (l: LogLevel) => order[l] >= order[level];
  return {
    debug: (m, meta) => allow("debug") && target.debug(m, meta),
    info: (m, meta) => allow("info") && target.info(m, meta),
    warn: (m, meta) => allow("warn") && target.warn(m, meta),
    error: (m, meta) => allow("error") && target.error(m, meta),
  } as Logger;
}

/** The console, prefixed with `ukc:`. */
export const consoleLogger: Logger = {
  debug: (m, meta) => console.debug(`ukc: ${m}`, ...(meta ? [meta] : [])),
  info: (m, meta) => console.info(`ukc: ${m}`, ...(meta ? [meta] : [])),
  warn: (m, meta) => console.warn(`ukc: ${m}`, ...(meta ? [meta] : [])),
  error: (m, meta) => console.error(`ukc: ${m}`, ...(meta ? [meta] : [])),
};
