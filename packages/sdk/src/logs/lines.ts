/**
 * Log text as lines, from a follow of the logs or from any source of text chunks.
 */
import { followAborted, signalOf, type LogEvent } from "./follow.js";

/**
 * Splits log text into lines, without their terminator (`\n` or `\r\n`; a lone `\r` is kept).
 * A line split between chunks is held until it is complete; a partial last line is yielded at
 * the end, and before a gap (gaps themselves yield nothing). Accepts the events of
 * `instances.follow()` or plain strings. Leaving the loop early ends the source too. Once the
 * follow's `signal` (or `options.signal`) aborts, it rejects with `AbortError` at once, without
 * the lines still buffered from the last chunk.
 * @example for await (const line of lines(ukc.instances.follow("web"))) console.log(line);
 */
export async function* lines(source: AsyncIterable<LogEvent | string>, options: { signal?: AbortSignal } = {}): AsyncIterableIterator<string> {
  // The signal of the follow that feeds us (or the caller's): once it aborts, not one more line,
  // not even the ones already buffered from the last chunk.
  const signal = options.signal ?? signalOf(source);
  let buffer = "";
  for await (const item of source) {
    if (signal?.aborted) throw followAborted(signal);
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
      if (signal?.aborted) throw followAborted(signal);
      yield buffer.slice(lineStart, cut);
      lineStart = from = nl + 1;
    }
    buffer = lineStart > 0 ? buffer.slice(lineStart) : buffer;
  }
  if (signal?.aborted) throw followAborted(signal);
  if (buffer) yield buffer;
}
