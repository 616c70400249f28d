import { describe, expect, it } from "vitest";
import { createUtf8Decoder } from "../../../src/logs/utf8";
import { utf8 } from "./support";

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
