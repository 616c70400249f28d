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
    write: (bytes) => (bytes.length ? decoder.decode(bytes, { stream: true }) : ""),
    end: () => decoder.decode(),
  };
}

let whole: Utf8Decoder | undefined;

/** Decodes complete UTF-8 (invalid bytes become U+FFFD, a BOM is kept). */
export function decodeUtf8(bytes: Uint8Array): string {
  whole ??= createUtf8Decoder();
  return whole.write(bytes) + whole.end();
}

/** A streaming decoder that also tells how many bytes of what it was given it still holds. */
export interface CountingUtf8Decoder extends Utf8Decoder {
  /** Bytes of an incomplete character held back for the next `write` (0 to 3). */
  held(): number;
}

/**
 * A {@link createUtf8Decoder} that counts the bytes it holds, so text can be mapped to byte ranges.
 * What a streaming decoder holds is an incomplete but so far valid sequence at the end (0 to 3
 * bytes): the last `k` bytes that a fresh decoder takes without emitting anything.
 */
export function createCountingUtf8Decoder(): CountingUtf8Decoder {
  const decoder = createUtf8Decoder();
  const probe = createUtf8Decoder();
  /** The last (up to 3) bytes given to the decoder. */
  let tail: number[] = [];
  return {
    write(bytes) {
      tail = [...tail, ...bytes.subarray(-3)].slice(-3);
      return decoder.write(bytes);
    },
    end() {
      tail = [];
      return decoder.end();
    },
    held() {
      for (let k = tail.length; k > 0; k--) {
        const text = probe.write(new Uint8Array(tail.slice(-k)));
        probe.end();
        if (!text) return k;
      }
      return 0;
    },
  };
}
