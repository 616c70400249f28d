import { describe, expect, it } from "vitest";
import { followLogs } from "../../../src/logs/follow";
import { b64, collect, expectContiguous, lastWriteOnCall, logServer, pagesInTurn, TEXT, textOf, utf8 } from "./support";

describe("followLogs delivers every byte once", () => {
  it("delivers every byte once in pages of 7 bytes, characters whole, and ends when stopped", async () => {
    const server = logServer();
    server.write(TEXT);
    server.state = "stopped";
    const total = server.log.length;
    const events = await collect(followLogs(server.fetchPage, { limit: 7, intervalMs: 1 }));
    expect(textOf(events)).toBe(TEXT);
    expect(events.every((e) => e.type === "data" && !e.text.includes("\uFFFD"))).toBe(true);
    expectContiguous(events, 0, total);
    expect(server.calls.length).toBe(Math.ceil(total / 7));
    expect(server.calls.map((c) => c.offset)).toEqual(Array.from({ length: Math.ceil(total / 7) }, (_, i) => i * 7));
    expect(server.calls.every((c) => c.limit === 7)).toBe(true);
  });

  it("decodes a character split at every byte position between two pages exactly once", async () => {
    for (const ch of ["é", "€", "😀"]) {
      const bytes = utf8(`ab${ch}cd`);
      for (let cut = 1; cut < bytes.length; cut++) {
        const server = logServer({ maxPage: cut });
        server.write(bytes);
        server.state = "stopped";
        const events = await collect(followLogs(server.fetchPage, { intervalMs: 1, limit: cut }));
        expect(textOf(events), `${ch} in pages of ${cut}`).toBe(`ab${ch}cd`);
        expect(events.filter((e) => e.type === "data" && e.text.includes(ch)).length).toBe(1);
        expectContiguous(events, 0, bytes.length);
        // The event with the character covers all of its bytes: resuming at any `end` loses nothing.
        const withChar = events.find((e) => e.type === "data" && e.text.includes(ch))!;
        expect(withChar.start).toBeLessThanOrEqual(2);
        expect(withChar.end).toBeGreaterThanOrEqual(2 + utf8(ch).length);
      }
    }
  });

  it("event ranges match their text for random (also invalid) UTF-8 in random page sizes", async () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
    const pool = [0x61, 0x0a, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xe0, 0xf4, 0x90, 0xff, 0xc0, 0xbf];
    const whole = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    for (let round = 0; round < 40; round++) {
      const bytes = Uint8Array.from({ length: 20 + Math.floor(random() * 60) }, () => pool[Math.floor(random() * pool.length)]!);
      const page = 1 + Math.floor(random() * 6);
      const server = logServer({ maxPage: page });
      server.write(bytes);
      server.state = "stopped";
      const events = await collect(followLogs(server.fetchPage, { limit: page, intervalMs: 1 }));
      expect(textOf(events)).toBe(whole(bytes));
      expectContiguous(events, 0, bytes.length);
      for (const e of events) expect(e.type === "data" && e.text).toBe(whole(bytes.subarray(e.start, e.end)));
    }
  });

  it("uses 16383-byte pages by default and polls again at once while pages are full", async () => {
    const server = logServer();
    server.write(new Uint8Array(40_000).fill(0x61));
    server.state = "stopped";
    const events = await collect(followLogs(server.fetchPage, { intervalMs: 1 }));
    expect(textOf(events)).toBe("a".repeat(40_000));
    expect(server.calls).toEqual([
      { offset: 0, limit: 16_383 },
      { offset: 16_383, limit: 16_383 },
      { offset: 32_766, limit: 16_383 },
    ]);
  });

  it("follows output written while it polls, then ends once stopped and caught up", async () => {
    const server = logServer({
      before(call, s) {
        if (call === 2) s.write("one\n");
        if (call === 4) s.write("two\nthree\n");
        if (call === 6) s.state = "stopped";
      },
    });
    const events = await collect(followLogs(server.fetchPage, { intervalMs: 1, limit: 4 }));
    expect(textOf(events)).toBe("one\ntwo\nthree\n");
    // Calls: 1 empty, 2 "one\n" (caught up), 3 empty, 4 "two\n" and 5 "thre" (more to come:
    // no pause), 6 "e\n" while stopped: the end.
    expect(server.calls.map((c) => c.offset)).toEqual([0, 0, 4, 4, 8, 12]);
  });

  it("does not end while stopped but not caught up", async () => {
    const server = logServer();
    server.write("0123456789");
    server.state = "stopped";
    const events = await collect(followLogs(server.fetchPage, { intervalMs: 1, limit: 4 }));
    expect(textOf(events)).toBe("0123456789");
    expect(server.calls.map((c) => c.offset)).toEqual([0, 4, 8]);
  });

  it("from 'start' begins at the oldest byte held, even when the first answer is empty", async () => {
    const { fetchPage, offsets } = pagesInTurn([
      { output: "", available: { start: 30, end: 30 }, range: { start: 0, end: 0 }, state: "running" },
      { output: b64(utf8("later")), available: { start: 30, end: 35 }, range: { start: 30, end: 35 }, state: "stopped" },
    ]);
    const events = await collect(followLogs(fetchPage, { intervalMs: 1 }));
    expect(events).toEqual([{ type: "data", text: "later", start: 30, end: 35 }]);
    expect(offsets).toEqual([0, 30]);
  });

  it("ends at once for a stopped instance with an empty log", async () => {
    const server = logServer();
    server.state = "stopped";
    expect(await collect(followLogs(server.fetchPage, { intervalMs: 1 }))).toEqual([]);
    expect(server.calls.length).toBe(1);
  });

  it("does not end on standby (scale to zero)", async () => {
    const server = logServer({
      before(call, s) {
        if (call === 1) s.state = "standby";
        if (call === 3) s.write("woke up\n");
        if (call === 4) s.state = "stopped";
      },
    });
    expect(textOf(await collect(followLogs(server.fetchPage, { intervalMs: 1 })))).toBe("woke up\n");
    expect(server.calls.length).toBe(4);
  });

  it("reports bytes the server dropped before they were read as one gap, then the data after it", async () => {
    const body = Array.from({ length: 10 }, (_, i) => `line ${i}\n`).join(""); // 70 bytes
    const server = logServer({
      before(call, s) {
        if (call === 3) s.drop(45);
      },
    });
    server.write(body);
    server.state = "stopped";
    const events = await collect(followLogs(server.fetchPage, { limit: 10, intervalMs: 1 }));
    expect(events).toEqual([
      { type: "data", text: body.slice(0, 10), start: 0, end: 10 },
      { type: "data", text: body.slice(10, 20), start: 10, end: 20 },
      { type: "gap", start: 20, end: 45, bytes: 25, reason: expect.stringContaining("20..45") as string },
      { type: "data", text: body.slice(45, 55), start: 45, end: 55 },
      { type: "data", text: body.slice(55, 65), start: 55, end: 65 },
      { type: "data", text: body.slice(65, 70), start: 65, end: 70 },
    ]);
    // The third call asks for 20 and gets 45..55: the gap and the data come from one answer.
    expect(server.calls.map((c) => c.offset)).toEqual([0, 10, 20, 55, 65]);
  });

  it("flushes a character cut by a gap as U+FFFD before the gap", async () => {
    const server = logServer({
      before(call, s) {
        if (call === 2) s.drop(6);
      },
    });
    server.write("ab€cdefgh"); // € = bytes 2..5
    server.state = "stopped";
    const events = await collect(followLogs(server.fetchPage, { limit: 3, intervalMs: 1 }));
    expect(events).toEqual([
      { type: "data", text: "ab", start: 0, end: 2 },
      { type: "data", text: "\uFFFD", start: 2, end: 3 },
      { type: "gap", start: 3, end: 6, bytes: 3, reason: expect.any(String) as string },
      { type: "data", text: "def", start: 6, end: 9 },
      { type: "data", text: "gh", start: 9, end: 11 },
    ]);
  });

  it("reports a gap when an absolute `from` is already gone, but not for `from: 'start'`", async () => {
    const server = logServer();
    server.write("0123456789abcdefghij");
    server.drop(12);
    server.state = "stopped";
    const fromTen = await collect(followLogs(server.fetchPage, { from: 10, intervalMs: 1 }));
    expect(fromTen).toEqual([
      { type: "gap", start: 10, end: 12, bytes: 2, reason: expect.any(String) as string },
      { type: "data", text: "cdefghij", start: 12, end: 20 },
    ]);
    const fromStart = await collect(followLogs(server.fetchPage, { from: "start", intervalMs: 1 }));
    expect(fromStart).toEqual([{ type: "data", text: "cdefghij", start: 12, end: 20 }]);
    expect(server.calls.map((c) => c.offset)).toEqual([10, 0]);
  });

  it("reports a gap when the server answers an empty page and holds only later bytes, and reads them", async () => {
    const { fetchPage, offsets } = pagesInTurn([
      // Stopped already: the empty answer must not end the follow before 50..53 is read.
      { output: "", available: { start: 50, end: 53 }, range: { start: 0, end: 0 }, state: "stopped" },
      { output: b64(utf8("xyz")), available: { start: 50, end: 53 }, range: { start: 50, end: 53 }, state: "stopped" },
    ]);
    const events = await collect(followLogs(fetchPage, { from: 20, intervalMs: 1 }));
    expect(events).toEqual([
      { type: "gap", start: 20, end: 50, bytes: 30, reason: expect.any(String) as string },
      { type: "data", text: "xyz", start: 50, end: 53 },
    ]);
    expect(offsets).toEqual([20, 50]);
  });

  it("cuts off bytes of overlapping answers: no duplicates", async () => {
    const server = logServer();
    server.write(TEXT);
    server.state = "stopped";
    let n = 0;
    // Answers from up to 5 bytes before the offset asked for (like a server that rounds down).
    const overlapping = async (offset: number, limit: number) => {
      n++;
      return server.page(Math.max(0, offset - (n % 6)), limit);
    };
    const events = await collect(followLogs(overlapping, { limit: 9, intervalMs: 1 }));
    expect(textOf(events)).toBe(TEXT);
    expectContiguous(events, 0, server.log.length);
  });

  it("makes progress when an answer holds nothing new (overlap only) without a busy loop", async () => {
    const server = logServer();
    server.write("abcdef");
    let n = 0;
    const stale = async (offset: number, limit: number) => {
      n++;
      if (n === 2) return server.page(0, 3); // a stale repeat of the first page
      if (n === 3) server.state = "stopped";
      return server.page(offset, limit);
    };
    const events = await collect(followLogs(stale, { limit: 3, intervalMs: 1 }));
    expect(textOf(events)).toBe("abcdef");
    expect(n).toBe(3);
  });

  it("from 'end' delivers only new output", async () => {
    const server = logServer({
      before(call, s) {
        if (call === 2) s.write("new\n");
        if (call === 3) {
          s.write("last\n");
          s.state = "stopped";
        }
      },
    });
    server.write("old output\n");
    const events = await collect(followLogs(server.fetchPage, { from: "end", intervalMs: 1 }));
    expect(events).toEqual([
      { type: "data", text: "new\n", start: 11, end: 15 },
      { type: "data", text: "last\n", start: 15, end: 20 },
    ]);
    expect(server.calls).toEqual([
      { offset: -1, limit: 1 },
      { offset: 11, limit: 16_383 },
      { offset: 15, limit: 16_383 },
    ]);
  });

  it("from 'end' on an empty log starts at 0", async () => {
    const server = logServer({ before: lastWriteOnCall(2, "first\n") });
    const events = await collect(followLogs(server.fetchPage, { from: "end", intervalMs: 1 }));
    expect(events).toEqual([{ type: "data", text: "first\n", start: 0, end: 6 }]);
    expect(server.calls.map((c) => c.offset)).toEqual([-1, 0]);
  });

  it("a negative `from` starts that many bytes before the end, then reads absolute offsets", async () => {
    const server = logServer({ before: lastWriteOnCall(2, "!\n") });
    server.write("hello world");
    const events = await collect(followLogs(server.fetchPage, { from: -5, intervalMs: 1 }));
    expect(events).toEqual([
      { type: "data", text: "world", start: 6, end: 11 },
      { type: "data", text: "!\n", start: 11, end: 13 },
    ]);
    expect(server.calls.map((c) => c.offset)).toEqual([-5, 11]);
  });

});
