/** Helpers of the log tests: bytes, an in-memory log server, collecting events. */
import { expect } from "vitest";
import type { LogEvent } from "../../../src/logs/follow";
import type { LogPage } from "../../../src/logs/page";

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
export const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

interface Call {
  offset: number;
  limit: number;
}

/**
 * An in-memory log: `write` appends, `drop` forgets old bytes, `state` is reported with each
 * page. `before(n)` runs at the start of the n-th call (1-based) to script changes.
 * Pages are at most `maxPage` bytes; reading at or past the end answers available 0..0.
 */
export function logServer(options: { maxPage?: number; before?: (call: number, server: LogServer) => void } = {}) {
  const server = {
    log: new Uint8Array(0),
    dropped: 0,
    state: "running",
    calls: [] as Call[],
    signals: [] as (AbortSignal | undefined)[],
    write(data: string | Uint8Array) {
      server.log = concat(server.log, typeof data === "string" ? utf8(data) : data);
    },
    drop(upTo: number) {
      server.dropped = upTo;
    },
    async fetchPage(offset: number, limit: number, signal?: AbortSignal): Promise<LogPage> {
      server.calls.push({ offset, limit });
      server.signals.push(signal);
      options.before?.(server.calls.length, server);
      return server.page(offset, limit);
    },
    page(offset: number, limit: number): LogPage {
      const end = server.log.length;
      const start = Math.max(server.dropped, offset < 0 ? end + offset : offset);
      if (start >= end && !(start === end && offset < 0)) {
        return { output: "", available: { start: 0, end: 0 }, range: { start: 0, end: 0 }, state: server.state };
      }
      const stop = Math.min(end, start + Math.min(limit, options.maxPage ?? 16_383));
      return {
        output: b64(server.log.subarray(start, stop)),
        available: { start: server.dropped, end },
        range: { start, end: stop },
        state: server.state,
      };
    },
  };
  return server;
}
export type LogServer = ReturnType<typeof logServer>;

/** A `before` hook of {@link logServer}: on call `n`, writes `text` and stops the instance. */
export function lastWriteOnCall(n: number, text: string) {
  return (call: number, server: LogServer) => {
    if (call !== n) return;
    server.write(text);
    server.state = "stopped";
  };
}

/** A `fetchPage` that answers `pages` in turn, recording the offset asked for by each call. */
export function pagesInTurn(pages: LogPage[]) {
  const offsets: number[] = [];
  const fetchPage = async (offset: number): Promise<LogPage> => {
    offsets.push(offset);
    return pages[offsets.length - 1]!;
  };
  return { fetchPage, offsets };
}

export async function collect(events: AsyncIterable<LogEvent>): Promise<LogEvent[]> {
  const out: LogEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

export const textOf = (events: LogEvent[]) => events.map((e) => (e.type === "data" ? e.text : "")).join("");

/** Data events cover contiguous byte ranges; gaps fill the holes. */
export function expectContiguous(events: LogEvent[], from: number, to: number) {
  let at = from;
  for (const e of events) {
    expect(e.start).toBe(at);
    expect(e.end).toBeGreaterThan(e.start);
    at = e.end;
  }
  expect(at).toBe(to);
}

export const TEXT = "héllo wörld — €uro 😀 line one\nsecond 😀😀 line\r\nthird\n";
