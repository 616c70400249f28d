/**
 * Base64 decoding of log output. The API sends the raw log bytes as standard base64; the same
 * input is accepted or rejected on every runtime (Node 20+, Bun, Deno, browsers), whichever
 * decoder the platform offers.
 */

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

/** `b64` without ASCII whitespace, or undefined when it has none (nothing to retry). */
function withoutWhitespace(b64: string): string | undefined {
  return WHITESPACE.test(b64) ? b64.replace(/[\t\n\f\r ]+/g, "") : undefined;
}

/**
 * Decodes base64 in pure JavaScript (no platform helpers). Accepts the standard and the
 * URL-safe alphabet, with or without trailing `=` padding, and ignores ASCII whitespace.
 * `decodeBase64` uses it where the platform has no native decoder, and to judge input the
 * native decoders reject or skip.
 * @throws TypeError on a character outside the alphabet, misplaced `=`, or an impossible length.
 */
export function decodeBase64Portable(b64: string): Uint8Array {
  const n = payloadLength(b64);
  if (n < 0) {
    const clean = withoutWhitespace(b64);
    if (clean !== undefined) return decodeBase64Portable(clean);
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
  const clean = withoutWhitespace(b64);
  if (clean !== undefined) return decodeBase64Portable(clean);
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
 * memory, no copy, so results compare equal on every runtime), else a portable decoder in pure
 * JavaScript. Whatever the runtime, the same input is accepted or rejected: padding is optional,
 * ASCII whitespace is ignored, the URL-safe characters `-` and `_` are accepted, anything else
 * throws.
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
