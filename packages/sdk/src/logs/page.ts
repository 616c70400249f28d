/**
 * One page of instance logs, as the API returns it, and its decoding.
 *
 * The API returns log output as standard base64 of the raw bytes, with byte offsets:
 * `available {start, end}` is the range the server still holds, `range {start, end}` the range
 * returned (`end` exclusive). A negative request `offset` counts from the end; one request
 * returns at most 16,383 bytes.
 */
import { makeAPIError } from "../core/errors.js";
import { checkNumber } from "../internal/timing.js";
import { decodeBase64 } from "./base64.js";
import { decodeUtf8 } from "./utf8.js";

/** The most bytes one log request returns. */
export const MAX_LOG_PAGE_BYTES = 16_383;

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

/** True for a finite number: an offset the server gave. */
export const isOffset = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/**
 * Absolute offset of the first byte of `page`: `range.start`, or, when the server left it out,
 * derived from the requested offset and `available`.
 */
export function pageStart(page: LogPage, requested: number, length: number): number {
  const rangeStart = page.range?.start;
  if (isOffset(rangeStart)) return rangeStart;
  const avail = page.available;
  if (requested >= 0) return isOffset(avail?.start) && avail.start > requested && length > 0 ? avail.start : requested;
  return Math.max(0, (isOffset(avail?.end) ? avail.end : length) - length);
}

/** The bytes of a log page; output that is not base64 is a malformed answer, an APIError. */
export function pageBytes(page: LogPage): Uint8Array {
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
  const start = isOffset(page.range?.start) ? page.range.start : 0;
  const end = start + bytes.length;
  const read: LogRead = {
    text: decodeUtf8(bytes),
    bytes,
    start,
    end,
    available: {
      start: isOffset(page.available?.start) ? page.available.start : 0,
      end: isOffset(page.available?.end) ? page.available.end : end,
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
  return -checkNumber("bytes", bytes, 1, Infinity, true);
}
