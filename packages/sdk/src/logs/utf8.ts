/**
 * UTF-8 decoding of log bytes: whole pages, and streams whose characters may be split between
 * two reads. Invalid bytes become U+FFFD (nothing here throws); a byte order mark is kept as
 * U+FEFF, so the text is exactly what was logged.
 */

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
export function decodeUtf8(bytes: Uint8Array): string {
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

/** A streaming decoder that also tells how many bytes of what it was given it still holds. */
export interface CountingUtf8Decoder extends Utf8Decoder {
  /** Bytes of an incomplete character held back for the next `write` (0 to 3). */
  held(): number;
}

/** A {@link createUtf8Decoder} that counts the bytes it holds, so text can be mapped to byte ranges. */
export function createCountingUtf8Decoder(): CountingUtf8Decoder {
  const decoder = createUtf8Decoder();
  /** The last (up to 3) bytes given to the decoder. */
  let tail: number[] = [];
  return {
    write(bytes) {
      tail = bytes.length >= 3 ? Array.from(bytes.subarray(-3)) : tail.concat(Array.from(bytes)).slice(-3);
      return decoder.write(bytes);
    },
    end() {
      tail = [];
      return decoder.end();
    },
    held: () => heldBytes(tail),
  };
}
