/**
 * Following instance logs as they grow: polling pages by absolute byte offset, delivering every
 * byte once as text events, and reporting bytes the server dropped before they were read.
 */
import { AbortError, ValidationError } from "../core/errors.js";
import { isPermanentError } from "../internal/poll.js";
import { backoffDelay, checkFunction, checkNumber, delays, race, shown, sleep, type Backoff } from "../internal/timing.js";
import { isOffset, MAX_LOG_PAGE_BYTES, pageBytes, pageStart, type LogPage } from "./page.js";
import { createCountingUtf8Decoder } from "./utf8.js";

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

/** What following the logs yields: new text, or a range of bytes that was lost. */
export type LogEvent = LogDataEvent | LogGapEvent;

/** Reads one page of the logs: `limit` bytes at most from `offset` (negative: from the end). */
export type FetchLogPage = (offset: number, limit: number, signal?: AbortSignal) => Promise<LogPage>;

/** Options of following the logs (`instances.follow()`). */
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

/** The error of a follow (or of `lines()` reading one) ended by its signal. */
export function followAborted(signal: AbortSignal): AbortError {
  return new AbortError("Following the logs was aborted by its AbortSignal", { cause: signal.reason });
}

/** Where a follow iterator keeps its AbortSignal, for `lines()`. */
const FOLLOW_SIGNAL = Symbol("ukc.follow.signal");

/** The AbortSignal of a follow iterator made by {@link followLogs}, if it has one. */
export function signalOf(source: object): AbortSignal | undefined {
  return (source as { [FOLLOW_SIGNAL]?: AbortSignal })[FOLLOW_SIGNAL];
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
 * false). Failed reads are retried `retries` times in a row with the same backoff (`onError`
 * hears of each); authentication, permission, not-found and validation errors are thrown at once.
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
  checkFunction("fetchPage", fetchPage);
  const from = options.from ?? "start";
  if (from !== "start" && from !== "end" && !Number.isSafeInteger(from)) {
    throw new ValidationError("from", `must be an integer byte offset, 'start' or 'end', got ${shown(from)}`);
  }
  const intervalMs = checkNumber("intervalMs", options.intervalMs ?? 500);
  const maxIntervalMs = Math.max(intervalMs, checkNumber("maxIntervalMs", options.maxIntervalMs ?? 2000));
  const limit = checkNumber("limit", options.limit ?? MAX_LOG_PAGE_BYTES, 1, Infinity, true);
  const retries = options.retries ?? 5;
  if (retries !== Infinity) checkNumber("retries", retries, 0, Infinity, true);
  const events = follow(fetchPage, {
    ...options,
    from,
    // Idle pauses and pauses after a failed read: intervalMs, doubling up to maxIntervalMs.
    backoff: { initialMs: intervalMs, maxMs: maxIntervalMs, factor: 2, jitter: 0 },
    limit,
    retries,
  });
  // `lines()` reads the signal from here, so an abort stops it at once, mid-chunk too.
  return options.signal ? Object.assign(events, { [FOLLOW_SIGNAL]: options.signal }) : events;
}

/** The options of a follow, checked, with the backoff of its pauses. */
interface FollowSettings extends FollowLogsOptions {
  from: number | "start" | "end";
  backoff: Backoff;
  limit: number;
  retries: number;
}

async function* follow(fetchPage: FetchLogPage, s: FollowSettings): AsyncGenerator<LogEvent, void, undefined> {
  const { signal } = s;
  const aborted = () => followAborted(signal!);
  const check = () => {
    if (signal?.aborted) throw aborted();
  };
  const pause = (ms: number) => sleep(ms, signal, aborted);

  const decoder = createCountingUtf8Decoder();
  /** Absolute offset of the next byte wanted; undefined until the first page tells (relative starts). */
  let next: number | undefined = typeof s.from === "number" && s.from >= 0 ? s.from : undefined;
  /** Offset of the first byte not yet covered by an event (the decoder may hold bytes from here). */
  let pending = next ?? 0;
  /** Ends the decoder: the text of the bytes it held (U+FFFD), as an event, if any. */
  const flush = (): LogEvent | undefined => {
    const text = decoder.end();
    const event: LogEvent | undefined = text ? { type: "data", text, start: pending, end: next ?? pending } : undefined;
    pending = next ?? pending;
    return event;
  };
  /** "end": the first read only finds the end of the log; its byte is not delivered. */
  let probe = s.from === "end";
  const firstOffset = s.from === "start" ? 0 : s.from === "end" ? -1 : s.from;
  let idle = delays(s.backoff);
  let failures = 0;

  while (true) {
    check();
    const offset = next ?? firstOffset;
    const limit = probe ? 1 : s.limit;
    let page: LogPage;
    try {
      page = await race(() => fetchPage(offset, limit, signal), signal, aborted);
    } catch (error) {
      check();
      failures++;
      if (failures > s.retries || isPermanentError(error)) throw error;
      s.onError?.(error, failures);
      await pause(backoffDelay(failures, s.backoff));
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
      if (bytes.length === 0 && isOffset(availStart) && availStart > next) next = availStart;
      if (probe) data = bytes.subarray(bytes.length);
      at = next;
      pending = next;
    }
    probe = false;
    const before = next;

    // Bytes the server dropped before we read them.
    let dropEnd = data.length > 0 ? at : next;
    if (data.length === 0 && isOffset(availStart) && availStart > dropEnd) dropEnd = availStart;
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
      if (text) {
        // The event covers the bytes of its text; bytes of a character not complete yet are
        // covered by the next event.
        const end = next - decoder.held();
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
      bytes.length === 0 ? !progress : isOffset(availEnd) ? start + bytes.length >= availEnd : bytes.length < limit;
    if (caughtUp && s.untilStopped !== false && page.state === "stopped") {
      const held = flush();
      if (held) yield held;
      return;
    }
    if (progress) {
      idle = delays(s.backoff);
      if (!caughtUp) continue;
      await pause(s.backoff.initialMs);
    } else {
      await pause(idle.next().value);
    }
  }
}
