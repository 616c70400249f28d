import { describe, expect, it } from "vitest";
import { decodeBase64 } from "../../../src/logs/base64";
import { b64 } from "./support";

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
  ["decodeBase64 (atob only)", (s) => withRuntime({ buffer: undefined }, () => decodeBase64(s))],
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
    expect(() => decode("QUJ😀")).toThrow(/"😀" \(U\+1F600\) at index 3/);
    expect(() => decode("QU JD\nR*==")).toThrow(/"\*" \(U\+002A\) at index 7/);
  });

  it("throws a TypeError on impossible lengths and too much padding", () => {
    for (const bad of ["Q", "QUJDR", "=", "==", "QQ===", "QUFB=", "QUFB==", "QUF=="]) {
      expect(() => decode(bad), bad).toThrow(TypeError);
      expect(() => decode(bad), bad).toThrow(/Invalid base64 input/);
    }
  });
});
