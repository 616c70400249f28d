/**
 * Instance logs: base64 decoding, streaming UTF-8 decoding, reading one page and following the
 * log as it grows.
 *
 * The API returns log output as standard base64 of the raw bytes, with byte offsets:
 * `available {start, end}` is the range the server still holds, `range {start, end}` the range
 * returned (`end` exclusive). A negative request `offset` counts from the end; one request
 * returns at most 16,383 bytes. Everything here runs on Node 20+, Bun, Deno and browsers.
 */
import { AbortError, makeAPIError, ValidationError } from "./core/errors.js";
import { isPermanentError } from "./internal/poll.js";
import { sleep } from "./internal/transport.js";

/** The most bytes one log request returns. */
export const MAX_LOG_PAGE_BYTES = 16_383;

// ---------------------------------------------------------------------------------------------
// Base64
// ---------------------------------------------------------------------------------------------

/** Value of each ASCII character in base64 (standard and URL-safe alphabets); 255 = invalid. */
const B64_VALUES: Uint8Array = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128).fill(255);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  table[45] = 62; // "-" (URL-safe "+")
  table[95] = 63; // "_" (URL-safe "/")
  return table;
})();

const WHITESPACE = /[\t\n\f\r ]/;
const EMPTY = new Uint8Array(0);

type Base64Static = { fromBase64?: (input: string) => Uint8Array };
type BufferStatic = { from(input: string, encoding: "base64"): Uint8Array };

/**
 * Length of `b64` without its trailing `=` padding (at most two), or `-1` when the length and the
 * padding cannot be valid base64 (4n+1 data characters, or more padding than the last group takes).
 */
function payloadLength(b64: string): number {
  let n = b64.length;
  let pad = 0;
  while (pad < 2 && n > 0 && b64.charCodeAt(n - 1) === 61 /* = */) {
    n--;
    pad++;
  }
  const rest = n % 4;
  if (rest === 1) return -1;
  if (pad > 0 && (rest === 0 || rest + pad > 4)) return -1;
  return n;
}

function invalid(b64: string, index: number, why?: string): TypeError {
  if (why) return new TypeError(`Invalid base64 input: ${why}`);
  const ch = b64.charAt(index);
  const code = ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  return new TypeError(
    `Invalid base64 input: unexpected character ${JSON.stringify(ch)} (U+${code}) at index ${index}; ` +
      "expected A-Z, a-z, 0-9, '+', '/' and up to two trailing '='",
  );
}

/**
 * Decodes base64 in pure JavaScript (no platform helpers). Accepts the standard and the
 * URL-safe alphabet, with or without trailing `=` padding, and ignores ASCII whitespace.
 * {@link decodeBase64} uses it where the platform has no native decoder, and to judge input the
 * native decoders reject or skip.
 * @throws TypeError on a character outside the alphabet, misplaced `=`, or an impossible length.
 */
export function decodeBase64Portable(b64: string): Uint8Array {
  const n = payloadLength(b64);
  if (n < 0) {
    if (WHITESPACE.test(b64)) return decodeBase64Portable(b64.replace(/[\t\n\f\r ]+/g, ""));
    let end = b64.length;
    while (end > 0 && b64.charCodeAt(end - 1) === 61 /* = */) end--;
    badChar(b64, 0, end);
    throw invalid(
      b64,
      0,
      `${b64.length} characters ending in ${JSON.stringify(b64.slice(-4))} cannot be base64 (a length of 4n+1 data characters, or too much padding)`,
    );
  }
  const table = B64_VALUES;
  const out = new Uint8Array((n * 3) >>> 2);
  const full = n - (n % 4);
  let o = 0;
  let i = 0;
  for (; i < full; i += 4) {
    const c0 = b64.charCodeAt(i);
    const c1 = b64.charCodeAt(i + 1);
    const c2 = b64.charCodeAt(i + 2);
    const c3 = b64.charCodeAt(i + 3);
    if ((c0 | c1 | c2 | c3) > 127) return badAt(b64, i);
    const v0 = table[c0]!;
    const v1 = table[c1]!;
    const v2 = table[c2]!;
    const v3 = table[c3]!;
    if ((v0 | v1 | v2 | v3) > 63) return badAt(b64, i);
    const v = (v0 << 18) | (v1 << 12) | (v2 << 6) | v3;
    out[o++] = v >>> 16;
    out[o++] = (v >>> 8) & 255;
    out[o++] = v & 255;
  }
  const rest = n - full;
  if (rest > 0) {
    const c0 = b64.charCodeAt(i);
    const c1 = b64.charCodeAt(i + 1);
    const c2 = rest === 3 ? b64.charCodeAt(i + 2) : 65; /* "A" = 0 */
    if ((c0 | c1 | c2) > 127) return badAt(b64, i);
    const v0 = table[c0]!;
    const v1 = table[c1]!;
    const v2 = table[c2]!;
    if ((v0 | v1 | v2) > 63) return badAt(b64, i);
    const v = (v0 << 18) | (v1 << 12) | (v2 << 6);
    out[o++] = v >>> 16;
    if (rest === 3) out[o++] = (v >>> 8) & 255;
  }
  return out;
}

/** Finds the bad character in the quantum at `from` (or retries without whitespace) and throws. */
function badAt(b64: string, from: number): Uint8Array {
  if (WHITESPACE.test(b64)) return decodeBase64Portable(b64.replace(/[\t\n\f\r ]+/g, ""));
  badChar(b64, from, b64.length);
  throw invalid(b64, from);
}

/** Throws for the first character of `b64[from, to)` outside the alphabet. */
function badChar(b64: string, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const c = b64.charCodeAt(i);
    if (c > 127 || B64_VALUES[c]! > 63) throw invalid(b64, i);
  }
}

/**
 * Decodes standard base64 (as the API sends log output) to bytes.
 *
 * Uses the platform's native decoder: `Uint8Array.fromBase64` where it exists, else
 * `Buffer.from(…, "base64")` (Node, Bun; returned as a plain `Uint8Array` view of the same
 * memory, no copy, so results compare equal on every runtime), else {@link decodeBase64Portable}. Whatever the runtime, the same input is
 * accepted or rejected: padding is optional, ASCII whitespace is ignored, the URL-safe
 * characters `-` and `_` are accepted, anything else throws.
 * @throws TypeError with the offending character and index when the input is not base64.
 * @example decodeBase64("aGk=") // Uint8Array [104, 105]
 */
export function decodeBase64(b64: string): Uint8Array {
  if (b64.length === 0) return new Uint8Array(0);
  const native = Uint8Array as unknown as Base64Static;
  if (typeof native.fromBase64 === "function") {
    try {
      return native.fromBase64(b64);
    } catch {
      // Strict about things the portable decoder allows (e.g. "-", "QQ="): let it decide.
      return decodeBase64Portable(b64);
    }
  }
  const NodeBuffer = (globalThis as unknown as { Buffer?: BufferStatic }).Buffer;
  if (NodeBuffer && typeof NodeBuffer.from === "function") {
    const n = payloadLength(b64);
    if (n >= 0) {
      const buf = NodeBuffer.from(b64, "base64");
      // Buffer skips characters it does not know; then fewer bytes come out than the length
      // implies, and the portable decoder names the bad character (or handles whitespace).
      if (buf.length === (n * 3) >>> 2) return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
    }
  }
  return decodeBase64Portable(b64);
}

// ---------------------------------------------------------------------------------------------
// UTF-8
// ---------------------------------------------------------------------------------------------

/** A streaming UTF-8 decoder: see {@link createUtf8Decoder}. */
export interface Utf8Decoder {
  /** Decodes the next bytes; an incomplete character at the end is held for the next call. */
  write(bytes: Uint8Array): string;
  /** Returns what is held (an incomplete character becomes U+FFFD) and resets the decoder. */
  end(): string;
}

/**
 * Creates a streaming UTF-8 decoder: a character split between two `write` calls is decoded
 * whole, once. Invalid bytes become U+FFFD (it never throws). A byte order mark is kept as
 * U+FEFF, so the text is exactly what was logged.
 * @example const d = createUtf8Decoder(); d.write(new Uint8Array([0xe2, 0x82])) + d.write(new Uint8Array([0xac])) // "€"
 */
export function createUtf8Decoder(): Utf8Decoder {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  return {
    write: (bytes) => (bytes.length === 0 ? "" : decoder.decode(bytes, { stream: true })),
    end: () => decoder.decode(),
  };
}

let wholeDecoder: TextDecoder | undefined;

/** Decodes complete UTF-8 (invalid bytes become U+FFFD, a BOM is kept). */
function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.length === 0) return "";
  wholeDecoder ??= new TextDecoder("utf-8", { ignoreBOM: true });
  return wholeDecoder.decode(bytes);
}

/**
 * How many of the last bytes of a UTF-8 stream a streaming decoder holds back: an incomplete but
 * so far valid sequence at the end (0 to 3 bytes). `tail` holds the stream's last bytes, oldest first.
 */
function heldBytes(tail: readonly number[]): number {
  for (let k = 1; k <= tail.length && k <= 3; k++) {
    const b = tail[tail.length - k]!;
    if (b >= 0x80 && b <= 0xbf) continue; // a continuation byte: look further back for the lead
    const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (need === 0 || k >= need) return 0;
    if (k >= 2) {
      const second = tail[tail.length - k + 1]!;
      const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      if (second < lo || second > hi) return 0;
    }
    return k;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

/** One log entry as the API returns it (an item of `data.instances` of the log endpoints). */
export interface LogPage {
  /** Standard base64 of the raw log bytes. */
  output?: string | undefined;
  /** The byte range the server still holds (`end` exclusive). */
  available?: { start?: number | undefined; end?: number | undefined } | undefined;
  /** The byte range returned (`end` exclusive). */
  range?: { start?: number | undefined; end?: number | undefined } | undefined;
  /** The instance's state when the logs were read, e.g. `running`, `stopped`, `standby`. */
  state?: string | undefined;
}

/** One decoded read of the logs. */
export interface LogRead {
  /** The bytes as UTF-8 text (invalid bytes and a character cut at either end become U+FFFD). */
  text: string;
  /** The raw bytes. */
  bytes: Uint8Array;
  /** Absolute offset of the first byte returned. */
  start: number;
  /** Absolute offset just past the last byte returned (`start + bytes.length`): read on from here. */
  end: number;
  /** The byte range the server still holds (`end` exclusive). */
  available: { start: number; end: number };
  /** The instance's state when the logs were read. */
  state?: string;
}

/** New log text, covering the bytes `[start, end)`. */
export interface LogDataEvent {
  type: "data";
  /** The text. A character split between two reads is emitted whole, in the later event. */
  text: string;
  /** Absolute offset of the first byte this event covers. */
  start: number;
  /** Absolute offset just past the last byte this event covers. */
  end: number;
}

/** The server dropped the bytes `[start, end)` before they were read: they are lost. */
export interface LogGapEvent {
  type: "gap";
  /** First lost byte. */
  start: number;
  /** Just past the last lost byte. */
  end: number;
  /** How many bytes were lost (`end - start`). */
  bytes: number;
  /** Why, in words. */
  reason: string;
}

/** What {@link followLogs} yields: new text, or a range of bytes that was lost. */
export type LogEvent = LogDataEvent | LogGapEvent;

const num = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/**
 * Absolute offset of the first byte of `page`: `range.start`, or, when the server left it out,
 * derived from the requested offset and `available`.
 */
function pageStart(page: LogPage, requested: number, length: number): number {
  const rangeStart = page.range?.start;
  if (num(rangeStart)) return rangeStart;
  const avail = page.available;
  if (requested >= 0) return num(avail?.start) && avail.start > requested && length > 0 ? avail.start : requested;
  return Math.max(0, (num(avail?.end) ? avail.end : length) - length);
}

/** The bytes of a log page; output that is not base64 is a malformed answer, an APIError. */
function pageBytes(page: LogPage): Uint8Array {
  try {
    return decodeBase64(page.output ?? "");
  } catch (error) {
    throw makeAPIError({ status: 200, message: `the log output of the answer is not base64 (${(error as Error).message})`, body: page });
  }
}

/**
 * Decodes one log entry of the API: base64 to bytes, bytes to text (whole, not streaming).
 * `start` is `range.start` (0 when missing), `end` is `start + bytes.length`, missing
 * `available` bounds default to `0` and `end`.
 * @throws APIError (status 200) when `output` is not base64: the answer is malformed, and the error
 * says where.
 * @example const read = decodeLogPage(env.data.instances[0]); console.log(read.text); next = read.end;
 */
export function decodeLogPage(page: LogPage): LogRead {
  const bytes = pageBytes(page);
  const start = num(page.range?.start) ? page.range.start : 0;
  const end = start + bytes.length;
  const read: LogRead = {
    text: decodeUtf8(bytes),
    bytes,
    start,
    end,
    available: {
      start: num(page.available?.start) ? page.available.start : 0,
      end: num(page.available?.end) ? page.available.end : end,
    },
  };
  if (page.state !== undefined) read.state = page.state;
  return read;
}

/**
 * The offset that reads the last `bytes` bytes of the logs (`-bytes`).
 * @throws ValidationError unless `bytes` is a positive integer.
 * @example tailOffset(4096) // -4096
 */
export function tailOffset(bytes: number): number {
  if (typeof bytes !== "number" || !Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new ValidationError("bytes", `must be a positive integer, got ${String(bytes)}`);
  }
  return -bytes;
}

// ---------------------------------------------------------------------------------------------
// Following
// ---------------------------------------------------------------------------------------------

/** Reads one page of the logs: `limit` bytes at most from `offset` (negative: from the end). */
export type FetchLogPage = (offset: number, limit: number, signal?: AbortSignal) => Promise<LogPage>;

/** Options of {@link followLogs}. */
export interface FollowLogsOptions {
  /**
   * Where to start. A number >= 0 is an absolute byte offset (if the server has already dropped
   * it, a gap is reported first); a negative number counts from the end of the log when following
   * starts; `"start"` is the oldest byte the server still holds (bytes dropped before it are not a
   * gap); `"end"` delivers only output written from now on. Default `"start"`.
   */
  from?: number | "start" | "end" | undefined;
  /** Pause after a poll that caught up, in ms. Default 500. */
  intervalMs?: number | undefined;
  /** While nothing new arrives the pause doubles, up to this many ms. Default 2000. */
  maxIntervalMs?: number | undefined;
  /** Bytes asked for per request. Default (and the API's maximum) 16,383. */
  limit?: number | undefined;
  /** End when the instance is `stopped` and everything was delivered. Default true. */
  untilStopped?: boolean | undefined;
  /** Ends following, and the request in flight (it is passed to `fetchPage`). */
  signal?: AbortSignal | undefined;
  /** Called for every failed read that will be retried, with the count of consecutive failures. */
  onError?: ((error: unknown, attempt: number) => void) | undefined;
  /** Consecutive failed reads tolerated (with backoff) before the error is thrown. Default 5. */
  retries?: number | undefined;
}

function checkMs(field: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ValidationError(field, `must be a non-negative number of milliseconds, got ${String(value)}`);
  }
  return value;
}

function abortError(signal: AbortSignal): AbortError {
  return new AbortError("Following the logs was aborted by its AbortSignal", { cause: signal.reason });
}

/** Settles like `promise`, or rejects with {@link AbortError} as soon as `signal` aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Follows the logs as they are written, as an async iterator of {@link LogEvent}s.
 *
 * Polls `fetchPage` with the absolute offset of the next byte. Every byte is delivered exactly
 * once across polls, retries and overlapping answers: the offset only moves forward by the bytes
 * received, bytes before it are cut off, and bytes the server dropped before they were read are
 * reported as one `gap` event. Text is decoded as a UTF-8 stream, so a character split between
 * two pages comes out whole (a gap or the end flushes what is held). Full pages are followed at
 * once; after catching up it waits `intervalMs`, doubling up to `maxIntervalMs` while idle.
 *
 * It ends when the instance is `stopped` and everything was read (unless `untilStopped` is
 * false). Failed reads are retried `retries` times in a row with backoff (`onError` hears of
 * each); authentication, permission, not-found and validation errors are thrown at once.
 * Aborting `signal` aborts the request in flight and makes the iterator reject with
 * {@link AbortError} (its `cause` is the signal's reason); leaving a `for await` loop stops
 * polling. Options are checked when called, before any request (ValidationError).
 * @example
 * for await (const event of followLogs((offset, limit, signal) => readPage(offset, limit, signal), { from: "end" })) {
 *   if (event.type === "data") process.stdout.write(event.text);
 *   else console.warn(`lost ${event.bytes} bytes: ${event.reason}`);
 * }
 */
export function followLogs(fetchPage: FetchLogPage, options: FollowLogsOptions = {}): AsyncIterableIterator<LogEvent> {
  if (typeof fetchPage !== "function") throw new ValidationError("fetchPage", "must be a function");
  const from = options.from ?? "start";
  if (from !== "start" && from !== "end" && !(typeof from === "number" && Number.isSafeInteger(from))) {
    throw new ValidationError("from", `must be an integer byte offset, "start" or "end", got ${String(from)}`);
  }
  const intervalMs = checkMs("intervalMs", options.intervalMs ?? 500);
  const maxIntervalMs = Math.max(intervalMs, checkMs("maxIntervalMs", options.maxIntervalMs ?? 2000));
  const limit = options.limit ?? MAX_LOG_PAGE_BYTES;
  if (!Number.isSafeInteger(limit) || limit <= 0) {
    throw new ValidationError("limit", `must be a positive integer, got ${String(limit)}`);
  }
  const retries = options.retries ?? 5;
  if (!(retries === Infinity || (Number.isSafeInteger(retries) && retries >= 0))) {
    throw new ValidationError("retries", `must be a non-negative integer, got ${String(retries)}`);
  }
  const events = follow(fetchPage, {
    from,
    intervalMs,
    maxIntervalMs,
    limit,
    retries,
    untilStopped: options.untilStopped ?? true,
    signal: options.signal,
    onError: options.onError,
  });
  // `lines()` reads the signal from here, so an abort stops it at once, mid-chunk too.
  return options.signal ? Object.assign(events, { [FOLLOW_SIGNAL]: options.signal }) : events;
}

/** Where a follow iterator keeps its AbortSignal, for {@link lines}. */
const FOLLOW_SIGNAL = Symbol("ukc.follow.signal");

interface FollowSettings {
  from: number | "start" | "end";
  intervalMs: number;
  maxIntervalMs: number;
  limit: number;
  retries: number;
  untilStopped: boolean;
  signal: AbortSignal | undefined;
  onError: ((error: unknown, attempt: number) => void) | undefined;
}

async function* follow(fetchPage: FetchLogPage, s: FollowSettings): AsyncGenerator<LogEvent, void, undefined> {
  const { signal } = s;
  const check = () => {
    if (signal?.aborted) throw abortError(signal);
  };
  const pause = async (ms: number) => {
    try {
      await sleep(ms, signal);
    } catch (error) {
      check();
      throw error;
    }
  };

  const decoder = createUtf8Decoder();
  /** The last (up to 3) bytes given to the decoder, to know how many it holds back. */
  let tail: number[] = [];
  /** Absolute offset of the next byte wanted; undefined until the first page tells (relative starts). */
  let next: number | undefined = typeof s.from === "number" && s.from >= 0 ? s.from : undefined;
  /** Offset of the first byte not yet covered by an event (the decoder may hold bytes from here). */
  let pending = next ?? 0;
  /** Ends the decoder: the text of the bytes it held (U+FFFD), as an event, if any. */
  const flush = (): LogEvent | undefined => {
    const text = decoder.end();
    tail = [];
    const event: LogEvent | undefined = text ? { type: "data", text, start: pending, end: next ?? pending } : undefined;
    pending = next ?? pending;
    return event;
  };
  /** "end": the first read only finds the end of the log; its byte is not delivered. */
  let probe = s.from === "end";
  const firstOffset = s.from === "start" ? 0 : s.from === "end" ? -1 : s.from;
  let idleMs = s.intervalMs;
  let failures = 0;

  while (true) {
    check();
    const offset = next ?? firstOffset;
    const limit = probe ? 1 : s.limit;
    let page: LogPage;
    try {
      page = await raceAbort(Promise.resolve(fetchPage(offset, limit, signal)), signal);
    } catch (error) {
      check();
      failures++;
      if (failures > s.retries || isPermanentError(error)) throw error;
      s.onError?.(error, failures);
      await pause(Math.min(s.intervalMs * 2 ** (failures - 1), s.maxIntervalMs));
      continue;
    }
    check();
    failures = 0;

    const bytes = pageBytes(page);
    const start = pageStart(page, offset, bytes.length);
    const availStart = page.available?.start;
    let data = bytes;
    let at = start;
    if (next === undefined) {
      // Relative start ("start", "end", negative): the page tells where we are; no gap before it.
      next = probe ? start + bytes.length : start;
      if (bytes.length === 0 && num(availStart) && availStart > next) next = availStart;
      if (probe) data = EMPTY;
      at = next;
      pending = next;
    }
    probe = false;
    const before = next;

    // Bytes the server dropped before we read them.
    let dropEnd = data.length > 0 ? at : next;
    if (data.length === 0 && num(availStart) && availStart > dropEnd) dropEnd = availStart;
    if (dropEnd > next) {
      const held = flush();
      if (held) {
        yield held;
        check();
      }
      yield {
        type: "gap",
        start: next,
        end: dropEnd,
        bytes: dropEnd - next,
        reason: `the server dropped bytes ${next}..${dropEnd} before they were read (it holds ${availStart ?? "?"}..${page.available?.end ?? "?"})`,
      };
      check();
      next = pending = dropEnd;
    }

    // Bytes already delivered (an answer starting before `next`) are cut off.
    if (at < next) {
      data = data.subarray(Math.min(next - at, data.length));
      at = next;
    }
    if (data.length > 0) {
      next = at + data.length;
      const text = decoder.write(data);
      tail = data.length >= 3 ? Array.from(data.subarray(-3)) : tail.concat(Array.from(data)).slice(-3);
      if (text) {
        // The event covers the bytes of its text; bytes of a character not complete yet are
        // covered by the next event.
        const end = next - heldBytes(tail);
        const event: LogEvent = { type: "data", text, start: pending, end };
        pending = end;
        yield event;
        check();
      }
    }

    const progress = next > before;
    const availEnd = page.available?.end;
    // Caught up: nothing more to read now. An empty answer is, unless it only told of a gap.
    const caughtUp =
      bytes.length === 0 ? !progress : num(availEnd) ? start + bytes.length >= availEnd : bytes.length < limit;
    if (caughtUp && s.untilStopped && page.state === "stopped") {
      const held = flush();
      if (held) yield held;
      return;
    }
    if (progress) {
      idleMs = s.intervalMs;
      if (!caughtUp) continue;
      await pause(s.intervalMs);
    } else {
      await pause(idleMs);
      idleMs = Math.min(idleMs * 2, s.maxIntervalMs);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Lines
// ---------------------------------------------------------------------------------------------

/**
 * Splits log text into lines, without their terminator (`\n` or `\r\n`; a lone `\r` is kept).
 * A line split between chunks is held until it is complete; a partial last line is yielded at
 * the end, and before a gap (gaps themselves yield nothing). Accepts {@link followLogs} events
 * or plain strings. Leaving the loop early ends the source too. Once the follow's `signal` (or
 * `options.signal`) aborts, it rejects with `AbortError` at once, without the lines still
 * buffered from the last chunk.
 * @example for await (const line of lines(followLogs(fetchPage))) console.log(line);
 */
export async function* lines(source: AsyncIterable<LogEvent | string>, options: { signal?: AbortSignal } = {}): AsyncIterableIterator<string> {
  // The signal of the follow that feeds us (or the caller's): once it aborts, not one more line,
  // not even the ones already buffered from the last chunk.
  const signal = options.signal ?? (source as { [FOLLOW_SIGNAL]?: AbortSignal })[FOLLOW_SIGNAL];
  let buffer = "";
  for await (const item of source) {
    if (signal?.aborted) throw abortError(signal);
    let text: string;
    if (typeof item === "string") text = item;
    else if (item.type === "data") text = item.text;
    else {
      if (buffer) yield buffer;
      buffer = "";
      continue;
    }
    if (!text) continue;
    let from = buffer.length;
    buffer += text;
    let lineStart = 0;
    let nl: number;
    while ((nl = buffer.indexOf("\n", from)) !== -1) {
      const cut = nl > lineStart && buffer.charCodeAt(nl - 1) === 13 /* \r */ ? nl - 1 : nl;
      if (signal?.aborted) throw abortError(signal);
      yield buffer.slice(lineStart, cut);
      lineStart = from = nl + 1;
    }
    buffer = lineStart > 0 ? buffer.slice(lineStart) : buffer;
  }
  if (signal?.aborted) throw abortError(signal);
  if (buffer) yield buffer;
}
