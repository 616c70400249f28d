/**
 * Base64 decoding of log output. The API sends the raw log bytes as standard base64; the same
 * input is accepted or rejected on every runtime (Node 20+, Bun, Deno, browsers), whichever
 * native decoder the platform offers (`Uint8Array.fromBase64`, `Buffer`, else `atob`).
 */

const U = Uint8Array as unknown as { fromBase64?: (input: string) => Uint8Array };
type BufferStatic = { from(input: string, encoding: "base64"): Uint8Array };

/**
 * The bytes base64 `s` (no whitespace) decodes to, from its length and its trailing `=`, or -1 when
 * no base64 has that shape (4n+1 data characters, more padding than the last group takes).
 */
function size(s: string): number {
  let pad = 0;
  while (s[s.length - 1 - pad] === "=") pad++;
  const n = s.length - pad;
  const rest = n % 4;
  return (pad ? rest > 1 && rest + pad < 5 : rest !== 1) ? (n * 3) >>> 2 : -1;
}

/**
 * Checks `b64` strictly (see {@link decodeBase64}) and decodes it with `atob`, after removing
 * whitespace and padding and turning the URL-safe alphabet standard. The path for input the
 * native fast paths reject or skip, and for runtimes with only `atob`.
 * @throws TypeError naming the first character that cannot be there (outside the alphabet, or an
 * `=` with data after it) and its index, else the impossible length.
 */
function decodeChecked(b64: string): Uint8Array {
  const s = b64.replace(/[\t\n\f\r ]+/g, "");
  const bad = /[^\w+/=\t\n\f\r -]|=(?=[=\t\n\f\r ]*[^=\t\n\f\r ])/.exec(b64);
  if (bad || size(s) < 0) {
    const cp = bad ? b64.codePointAt(bad.index)! : 0;
    throw new TypeError(
      "Invalid base64 input: " +
        (bad
          ? `unexpected character ${JSON.stringify(String.fromCodePoint(cp))} (U+${cp.toString(16).toUpperCase().padStart(4, "0")}) at index ${bad.index}; ` +
            "expected A-Z, a-z, 0-9, '+', '/' (or '-', '_') and up to two trailing '='"
          : `${b64.length} characters ending in ${JSON.stringify(b64.slice(-4))} cannot be base64 (4n+1 data characters, or more '=' than the last group takes)`),
    );
  }
  const bin = atob(s.replace(/=+$/, "").replace(/[-_]/g, (c) => (c === "-" ? "+" : "/")));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Decodes standard base64 (as the API sends log output) to bytes.
 *
 * Uses the platform's native decoder: `Uint8Array.fromBase64` where it exists, else
 * `Buffer.from(…, "base64")` (Node, Bun; returned as a plain `Uint8Array` view of the same
 * memory, no copy, so results compare equal on every runtime), else `atob`. Whatever the runtime,
 * the same input is accepted or rejected: padding is optional, ASCII whitespace is ignored, the
 * URL-safe characters `-` and `_` are accepted, anything else throws.
 * @throws TypeError with the offending character and index when the input is not base64.
 * @example decodeBase64("aGk=") // Uint8Array [104, 105]
 */
export function decodeBase64(b64: string): Uint8Array {
  const NodeBuffer = (globalThis as { Buffer?: BufferStatic }).Buffer;
  if (U.fromBase64) {
    try {
      return U.fromBase64(b64);
    } catch {
      // Stricter than this SDK in places ("-", "QQ="): the checked path decides.
    }
  } else if (NodeBuffer) {
    // Buffer skips characters it does not know: then fewer bytes come out than the length implies.
    const n = size(b64);
    const buf = n < 0 ? undefined : NodeBuffer.from(b64, "base64");
    if (buf?.length === n) return new Uint8Array(buf.buffer, buf.byteOffset, n);
  }
  return decodeChecked(b64);
}
