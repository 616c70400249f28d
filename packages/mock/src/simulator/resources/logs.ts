/**
 * Instance logs: the bytes an instance printed, kept per instance with absolute byte offsets.
 * Old bytes beyond `options.logRetentionBytes` are dropped (the first offset still held,
 * `available.start`, moves forward); one read returns at most `options.logPageBytes`.
 */
import type { Sim } from "../core.js";

/** Appends bytes (or UTF-8 text) to the log of an instance (by UUID). */
export function writeLog(sim: Sim, uuid: string, chunk: string | Uint8Array): void {
  const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
  if (!bytes.length) return;
  const log = sim.state.logs.get(uuid) ?? { bytes: Buffer.alloc(0), start: 0 };
  let all = Buffer.concat([log.bytes, bytes]);
  let start = log.start;
  const keep = Math.max(0, sim.options.logRetentionBytes);
  if (all.length > keep) {
    start += all.length - keep;
    all = all.subarray(all.length - keep);
  }
  sim.state.logs.set(uuid, { bytes: Buffer.from(all), start });
  sim.changed();
}

/** Appends a line (a newline is added) to the log of an instance. */
export function logLine(sim: Sim, uuid: string, line: string): void {
  writeLog(sim, uuid, `${line}\n`);
}

/** What a log read answers: the base64 output, the held range and the range returned. */
export interface LogPage {
  output: string;
  available: { start: number; end: number };
  range: { start: number; end: number };
}

/**
 * Reads a page of an instance's log. `offset` is absolute (an offset before `available.start`
 * reads from `available.start`; one past the end returns nothing) or, when negative, counts from
 * the end; `limit` is capped at the page size (unset: the page size).
 */
export function readLog(sim: Sim, uuid: string, offset: number, limit?: number): LogPage {
  const log = sim.state.logs.get(uuid) ?? { bytes: Buffer.alloc(0), start: 0 };
  const start = log.start;
  const end = log.start + log.bytes.length;
  const page = sim.options.logPageBytes;
  const max = limit === undefined || !Number.isFinite(limit) ? page : Math.max(0, Math.min(page, Math.trunc(limit)));
  let from = offset < 0 ? end + offset : offset;
  from = Math.min(Math.max(from, start), end);
  const to = Math.min(end, from + max);
  const out = log.bytes.subarray(from - start, to - start);
  return { output: out.toString("base64"), available: { start, end }, range: { start: from, end: to } };
}
