import { describe, expect, it } from "vitest";
import { AbortError, APIError, NotFoundError, ValidationError } from "../src/core/errors";
import {
  createUtf8Decoder,
  decodeBase64,
  decodeBase64Portable,
  decodeLogPage,
  followLogs,
  lines,
  tailOffset,
  type LogEvent,
  type LogPage,
} from "../src/logs";

const utf8 = (text: string) => new TextEncoder().encode(text);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Runs `fn` with `globalThis.Buffer` (and optionally `Uint8Array.fromBase64`) replaced. */
function withRuntime<T>(runtime: { buffer?: unknown; fromBase64?: (s: string) => Uint8Array }, fn: () => T): T {
  const g = globalThis as { Buffer?: unknown };
  const U = Uint8Array as unknown as { fromBase64?: unknown };
  const saved = g.Buffer;
  const hadFrom = Object.prototype.hasOwnProperty.call(Uint8Array, "fromBase64");
  const savedFrom = U.fromBase64;
  g.Buffer = runtime.buffer;
  if (runtime.fromBase64) U.fromBase64 = runtime.fromBase64;
  try {
    return fn();
  } finally {
    g.Buffer = saved;
    if (hadFrom) U.fromBase64 = savedFrom;
    else delete U.fromBase64;
  }
}

/** A strict native-like `Uint8Array.fromBase64` (rejects "-", "_" and partial padding). */
function strictFromBase64(s: string): Uint8Array {
  const clean = s.replace(/[\t\n\f\r ]/g, "");
  if (!/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/.test(clean) || clean.length % 4 === 1) {
    throw new SyntaxError("invalid base64");
  }
  return new Uint8Array(Buffer.from(clean, "base64"));
}

const decoders: [string, (s: string) => Uint8Array][] = [
  ["decodeBase64 (Buffer)", decodeBase64],
  ["decodeBase64 (Uint8Array.fromBase64)", (s) => withRuntime({ buffer: undefined, fromBase64: strictFromBase64 }, () => decodeBase64(s))],
  ["decodeBase64 (no native decoder)", (s) => withRuntime({ buffer: undefined }, () => decodeBase64(s))],
  ["decodeBase64Portable", decodeBase64Portable],
];

describe.each(decoders)("%s", (_name, decode) => {
  it("round-trips every length from 0 to 100 bytes, and all 256 byte values", () => {
    for (let n = 0; n <= 100; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 73 + n * 31) & 255);
      expect(Array.from(decode(b64(bytes)))).toEqual(Array.from(bytes));
    }
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(Array.from(decode(b64(all)))).toEqual(Array.from(all));
  });

  it("decodes the empty string to no bytes", () => {
    expect(decode("").length).toBe(0);
  });

  it("accepts padding, no padding, partial padding, whitespace and the URL-safe alphabet", () => {
    expect(Array.from(decode("QQ=="))).toEqual([65]);
    expect(Array.from(decode("QQ="))).toEqual([65]);
    expect(Array.from(decode("QQ"))).toEqual([65]);
    expect(Array.from(decode("QUI="))).toEqual([65, 66]);
    expect(Array.from(decode("QUI"))).toEqual([65, 66]);
    expect(Array.from(decode("QUJD"))).toEqual([65, 66, 67]);
    expect(Array.from(decode("QUJDRA=="))).toEqual([65, 66, 67, 68]);
    expect(Array.from(decode("QU JD\nRA==\r\n"))).toEqual([65, 66, 67, 68]);
    expect(Array.from(decode("-_-_"))).toEqual([251, 255, 191]);
    expect(Array.from(decode("+/+/"))).toEqual([251, 255, 191]);
  });

  it("returns a plain Uint8Array", () => {
    expect(Object.getPrototypeOf(decode("aGVsbG8="))).toBe(Uint8Array.prototype);
  });

  it("throws a TypeError naming the bad character and its index", () => {
    expect(() => decode("QQ*=")).toThrow(TypeError);
    expect(() => decode("QQ*=")).toThrow(/"\*" \(U\+002A\) at index 2/);
    expect(() => decode("QUJDRA$$")).toThrow(/"\$" \(U\+0024\) at index 6/);
    expect(() => decode("QUJDé")).toThrow(/"é" \(U\+00E9\) at index 4/);
    expect(() => decode("QQ==QUFB")).toThrow(/"=" \(U\+003D\) at index 2/);
    expect(() => decode("QUJ😀")).toThrow(/at index 3/);
  });

  it("throws a TypeError on impossible lengths and too much padding", () => {
    for (const bad of ["Q", "QUJDR", "=", "==", "QQ===", "QUFB=", "QUFB==", "QUF=="]) {
      expect(() => decode(bad), bad).toThrow(TypeError);
      expect(() => decode(bad), bad).toThrow(/Invalid base64 input/);
    }
  });
});

describe("createUtf8Decoder", () => {
  const samples = ["é", "€", "😀", "aé€😀b"];

  it("decodes a character split at every byte boundary between two writes exactly once", () => {
    for (const sample of samples) {
      const bytes = utf8(sample);
      for (let cut = 0; cut <= bytes.length; cut++) {
        const d = createUtf8Decoder();
        const first = d.write(bytes.subarray(0, cut));
        const second = d.write(bytes.subarray(cut));
        expect(first + second + d.end(), `${sample} cut at ${cut}`).toBe(sample);
        expect(first + second).not.toContain("\uFFFD");
      }
    }
  });

  it("decodes a character split over three writes", () => {
    const d = createUtf8Decoder();
    const bytes = utf8("😀");
    expect(d.write(bytes.subarray(0, 1)) + d.write(bytes.subarray(1, 3)) + d.write(bytes.subarray(3)) + d.end()).toBe("😀");
  });

  it("turns invalid bytes into U+FFFD without throwing, and flushes a cut character at the end", () => {
    const d = createUtf8Decoder();
    expect(d.write(new Uint8Array([0x61, 0xff, 0x62]))).toBe("a\uFFFDb");
    expect(d.write(new Uint8Array([0xe2, 0x82]))).toBe("");
    expect(d.end()).toBe("\uFFFD");
    expect(d.write(utf8("ok"))).toBe("ok");
  });

  it("keeps a byte order mark", () => {
    const d = createUtf8Decoder();
    expect(d.write(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) + d.end()).toBe("\uFEFFa");
  });
});

describe("decodeLogPage", () => {
  it("decodes the example entry of the API reference", () => {
    const read = decodeLogPage({
      output: "d2h5LWFyZS15b3UtZGVjb2RpbmctdGhpcw==",
      available: { start: 250, end: 2700 },
      range: { start: 450, end: 2700 },
      state: "running",
    });
    expect(read.text).toBe("why-are-you-decoding-this");
    expect(read.bytes.length).toBe(25);
    expect(read.start).toBe(450);
    expect(read.end).toBe(475);
    expect(read.available).toEqual({ start: 250, end: 2700 });
    expect(read.state).toBe("running");
  });

  it("fills in what the entry leaves out", () => {
    const read = decodeLogPage({ output: b64(utf8("héllo")) });
    expect(read).toEqual({ text: "héllo", bytes: utf8("héllo"), start: 0, end: 6, available: { start: 0, end: 6 } });
    expect("state" in read).toBe(false);
    expect(decodeLogPage({})).toEqual({ text: "", bytes: new Uint8Array(0), start: 0, end: 0, available: { start: 0, end: 0 } });
  });

  it("rejects output that is not base64", () => {
    // A malformed answer of the API: an APIError saying where, not a bare TypeError.
    expect(() => decodeLogPage({ output: "not base64!" })).toThrow(APIError);
    expect(() => decodeLogPage({ output: "not base64!" })).toThrow(/the log output of the answer is not base64 \(Invalid base64 input: unexpected character/);
  });
});

describe("tailOffset", () => {
  it("is the negative byte count", () => {
    expect(tailOffset(4096)).toBe(-4096);
    expect(tailOffset(1)).toBe(-1);
  });
  it("rejects anything but a positive integer", () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Infinity, "10" as unknown as number]) {
      expect(() => tailOffset(bad)).toThrow(ValidationError);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// A fake log server (in memory, no HTTP)
// ---------------------------------------------------------------------------------------------

interface Call {
  offset: number;
  limit: number;
}

/**
 * An in-memory log: `write` appends, `drop` forgets old bytes, `state` is reported with each
 * page. `before(n)` runs at the start of the n-th call (1-based) to script changes.
 * Pages are at most `maxPage` bytes; reading at or past the end answers available 0..0.
 */
function logServer(options: { maxPage?: number; before?: (call: number, server: LogServer) => void } = {}) {
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
type LogServer = ReturnType<typeof logServer>;

/** A `fetchPage` that answers `pages` in turn, recording the offset asked for by each call. */
function pagesInTurn(pages: LogPage[]) {
  const offsets: number[] = [];
  const fetchPage = async (offset: number): Promise<LogPage> => {
    offsets.push(offset);
    return pages[offsets.length - 1]!;
  };
  return { fetchPage, offsets };
}

async function collect(events: AsyncIterable<LogEvent>): Promise<LogEvent[]> {
  const out: LogEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

const textOf = (events: LogEvent[]) => events.map((e) => (e.type === "data" ? e.text : "")).join("");

/** Data events cover contiguous byte ranges; gaps fill the holes. */
function expectContiguous(events: LogEvent[], from: number, to: number) {
  let at = from;
  for (const e of events) {
    expect(e.start).toBe(at);
    expect(e.end).toBeGreaterThan(e.start);
    at = e.end;
  }
  expect(at).toBe(to);
}

const TEXT = "héllo wörld — €uro 😀 line one\nsecond 😀😀 line\r\nthird\n";

describe("followLogs", () => {
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

  it("retries a fetchPage that fails on every 3rd call and still delivers every byte once", async () => {
    const server = logServer();
    server.write(TEXT);
    server.state = "stopped";
    let n = 0;
    const errors: [unknown, number][] = [];
    const flaky = (offset: number, limit: number, signal?: AbortSignal) => {
      n++;
      if (n % 3 === 0) return Promise.reject(new Error(`boom ${n}`));
      return server.fetchPage(offset, limit, signal);
    };
    const events = await collect(
      followLogs(flaky, { limit: 7, intervalMs: 1, onError: (error, attempt) => errors.push([error, attempt]) }),
    );
    expect(textOf(events)).toBe(TEXT);
    expectContiguous(events, 0, server.log.length);
    const pages = Math.ceil(server.log.length / 7);
    expect(server.calls.length).toBe(pages);
    // Each failed call repeats the same offset: successful calls are 2 of every 3.
    expect(n).toBe(pages + Math.floor((pages - 1) / 2));
    expect(errors.length).toBe(n - pages);
    expect(errors.every(([, attempt]) => attempt === 1)).toBe(true);
    expect((errors[0]![0] as Error).message).toBe("boom 3");
  });

  it("rethrows after `retries` consecutive failures", async () => {
    let calls = 0;
    const attempts: number[] = [];
    const failing = async () => {
      calls++;
      throw new Error(`down ${calls}`);
    };
    await expect(collect(followLogs(failing, { intervalMs: 1, retries: 3, onError: (_e, a) => attempts.push(a) }))).rejects.toThrow(
      "down 4",
    );
    expect(calls).toBe(4);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it("retries 5 times by default, and not at all for a not-found instance", async () => {
    let calls = 0;
    await expect(
      collect(
        followLogs(
          async () => {
            calls++;
            throw new Error("down");
          },
          { intervalMs: 1, maxIntervalMs: 2 },
        ),
      ),
    ).rejects.toThrow("down");
    expect(calls).toBe(6);

    calls = 0;
    const gone = new NotFoundError({ status: 404, message: "No instance with name 'web'" });
    await expect(
      collect(
        followLogs(async () => {
          calls++;
          throw gone;
        }),
      ),
    ).rejects.toBe(gone);
    expect(calls).toBe(1);
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
    const server = logServer({
      before(call, s) {
        if (call === 2) {
          s.write("first\n");
          s.state = "stopped";
        }
      },
    });
    const events = await collect(followLogs(server.fetchPage, { from: "end", intervalMs: 1 }));
    expect(events).toEqual([{ type: "data", text: "first\n", start: 0, end: 6 }]);
    expect(server.calls.map((c) => c.offset)).toEqual([-1, 0]);
  });

  it("a negative `from` starts that many bytes before the end, then reads absolute offsets", async () => {
    const server = logServer({
      before(call, s) {
        if (call === 2) {
          s.write("!\n");
          s.state = "stopped";
        }
      },
    });
    server.write("hello world");
    const events = await collect(followLogs(server.fetchPage, { from: -5, intervalMs: 1 }));
    expect(events).toEqual([
      { type: "data", text: "world", start: 6, end: 11 },
      { type: "data", text: "!\n", start: 11, end: 13 },
    ]);
    expect(server.calls.map((c) => c.offset)).toEqual([-5, 11]);
  });

  it("with untilStopped false keeps polling a stopped instance until aborted", async () => {
    const controller = new AbortController();
    const server = logServer({
      before(call, s) {
        if (call === 3) s.write("late\n");
        if (call === 8) controller.abort(new Error("enough"));
      },
    });
    server.write("early\n");
    server.state = "stopped";
    const seen: LogEvent[] = [];
    const run = (async () => {
      for await (const e of followLogs(server.fetchPage, { untilStopped: false, intervalMs: 1, maxIntervalMs: 2, signal: controller.signal })) {
        seen.push(e);
      }
    })();
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error("enough"));
    expect(textOf(seen)).toBe("early\nlate\n");
    expect(server.calls.length).toBe(8);
  });

  it("abort ends promptly and aborts the fetch in flight", async () => {
    const controller = new AbortController();
    let fetchSignal: AbortSignal | undefined;
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const hanging = (_offset: number, _limit: number, signal?: AbortSignal) =>
      new Promise<LogPage>((_resolve, reject) => {
        fetchSignal = signal;
        started();
        signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    const it = followLogs(hanging, { signal: controller.signal });
    const next = it.next();
    await inFlight;
    expect(fetchSignal?.aborted).toBe(false);
    controller.abort();
    await expect(next).rejects.toBeInstanceOf(AbortError);
    expect(fetchSignal?.aborted).toBe(true);
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it("abort ends promptly even when fetchPage ignores the signal", async () => {
    const controller = new AbortController();
    let calls = 0;
    const deaf = () => {
      calls++;
      return new Promise<LogPage>(() => {});
    };
    const it = followLogs(deaf, { signal: controller.signal });
    const next = it.next();
    await Promise.resolve();
    controller.abort();
    await expect(next).rejects.toBeInstanceOf(AbortError);
    expect(calls).toBe(1);
  });

  it("abort ends a long pause between polls at once", async () => {
    const controller = new AbortController();
    const server = logServer();
    server.write("x");
    const it = followLogs(server.fetchPage, { signal: controller.signal, intervalMs: 3_600_000 });
    expect(await it.next()).toEqual({ done: false, value: { type: "data", text: "x", start: 0, end: 1 } });
    const next = it.next(); // now sleeping for an hour
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(next).rejects.toBeInstanceOf(AbortError);
    expect(server.calls.length).toBe(1);
  });

  it("an already aborted signal rejects before any request", async () => {
    const server = logServer();
    const it = followLogs(server.fetchPage, { signal: AbortSignal.abort() });
    await expect(it.next()).rejects.toBeInstanceOf(AbortError);
    expect(server.calls.length).toBe(0);
  });

  it("breaking out of the loop stops polling", async () => {
    const server = logServer({
      before(_call, s) {
        s.write("tick\n");
      },
    });
    const seen: string[] = [];
    for await (const e of followLogs(server.fetchPage, { intervalMs: 1, untilStopped: false })) {
      if (e.type === "data") seen.push(e.text);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(["tick\n", "tick\n", "tick\n"]);
    const calls = server.calls.length;
    expect(calls).toBe(3);
    await new Promise((r) => setTimeout(r, 20));
    expect(server.calls.length).toBe(calls);
  });

  it("passes the signal to fetchPage", async () => {
    const controller = new AbortController();
    const server = logServer();
    server.state = "stopped";
    await collect(followLogs(server.fetchPage, { signal: controller.signal }));
    expect(server.signals).toEqual([controller.signal]);
  });

  it("checks its options before any request", () => {
    const server = logServer();
    const bad: Parameters<typeof followLogs>[1][] = [
      { from: 1.5 },
      { from: "middle" as "start" },
      { limit: 0 },
      { limit: 2.5 },
      { intervalMs: -1 },
      { maxIntervalMs: Number.NaN },
      { retries: -1 },
    ];
    for (const options of bad) expect(() => followLogs(server.fetchPage, options), JSON.stringify(options)).toThrow(ValidationError);
    expect(server.calls.length).toBe(0);
  });
});

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
