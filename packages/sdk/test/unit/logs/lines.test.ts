import { describe, expect, it } from "vitest";
import { AbortError } from "../../../src/core/errors";
import { followLogs, type LogEvent } from "../../../src/logs/follow";
import { lines } from "../../../src/logs/lines";
import { logServer } from "./support";

async function* from<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}
async function collectLines(source: AsyncIterable<LogEvent | string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines(source)) out.push(line);
  return out;
}
const data = (text: string, start = 0): LogEvent => ({ type: "data", text, start, end: start + text.length });

describe("lines", () => {
  it("splits on \\n and \\r\\n, also when the terminator is split between chunks", async () => {
    expect(await collectLines(from(["a\r", "\nb", "c\n\nd\r\ne\n"]))).toEqual(["a", "bc", "", "d", "e"]);
  });

  it("holds a partial line across chunks and flushes it at the end", async () => {
    expect(await collectLines(from(["par", "tial ", "line"]))).toEqual(["partial line"]);
    expect(await collectLines(from(["one\ntw", "o\nthr", "ee"]))).toEqual(["one", "two", "three"]);
  });

  it("keeps a lone \\r and yields nothing for empty input", async () => {
    expect(await collectLines(from(["a\rb\n", "c\r"]))).toEqual(["a\rb", "c\r"]);
    expect(await collectLines(from([]))).toEqual([]);
    expect(await collectLines(from(["", ""]))).toEqual([]);
  });

  it("flushes a partial line before a gap and yields nothing for the gap", async () => {
    const gap: LogEvent = { type: "gap", start: 3, end: 10, bytes: 7, reason: "dropped" };
    expect(await collectLines(from([data("abc"), gap, data("def\nghi\n", 10)]))).toEqual(["abc", "def", "ghi"]);
    expect(await collectLines(from([data("abc\n"), gap, gap, data("x")]))).toEqual(["abc", "x"]);
  });

  it("reads lines from followLogs, and leaving early stops the follow", async () => {
    const server = logServer({
      before(call, s) {
        if (call === 2) s.write("b\r\nc\n");
      },
    });
    server.write("a\nb");
    const got: string[] = [];
    for await (const line of lines(followLogs(server.fetchPage, { limit: 2, intervalMs: 1, untilStopped: false }))) {
      got.push(line);
      if (got.length === 3) break;
    }
    expect(got).toEqual(["a", "bb", "c"]);
    const calls = server.calls.length;
    await new Promise((r) => setTimeout(r, 20));
    expect(server.calls.length).toBe(calls);
  });
});

describe("lines() and abort", () => {
  it("stops at once when the follow's signal aborts, even with lines left in the chunk", async () => {
    const controller = new AbortController();
    const fetchPage = async (offset: number) => {
      const bytes = new TextEncoder().encode("one\ntwo\nthree\n");
      const chunk = offset === 0 ? bytes : new Uint8Array();
      return { output: Buffer.from(chunk).toString("base64"), range: { start: offset, end: offset + chunk.length }, available: { start: 0, end: bytes.length }, state: "running" };
    };
    const got: string[] = [];
    const error = await (async () => {
      for await (const line of lines(followLogs(fetchPage, { signal: controller.signal, intervalMs: 10 }))) {
        got.push(line);
        controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(got).toEqual(["one"]);
    expect(error).toBeInstanceOf(AbortError);
  });

  it("takes a signal of its own for any source", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await (async () => {
      const source = (async function* () {
        yield "a\nb\n";
      })();
      for await (const line of lines(source, { signal: controller.signal })) void line;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
  });
});