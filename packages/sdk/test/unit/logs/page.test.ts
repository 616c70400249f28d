import { describe, expect, it } from "vitest";
import { APIError, ValidationError } from "../../../src/core/errors";
import { decodeLogPage, tailOffset } from "../../../src/logs/page";
import { b64, utf8 } from "./support";

describe("decodeLogPage", () => {
  it("decodes the example entry of the API reference", () => {
    const read = decodeLogPage({
      output: "d2h5LWFyZS15b3UtZGVjb2RpbmctdGhpcw==",
      available: { start: 250, end: 2700 },
      range: { start: 450, end: 2700 },
      state: "running",
    });
    expect(read.text).toBe("why-are-you-decoding-this");
    expect(read.bytes.length).toBe(25);
    expect(read.start).toBe(450);
    expect(read.end).toBe(475);
    expect(read.available).toEqual({ start: 250, end: 2700 });
    expect(read.state).toBe("running");
  });

  it("fills in what the entry leaves out", () => {
    const read = decodeLogPage({ output: b64(utf8("héllo")) });
    expect(read).toEqual({ text: "héllo", bytes: utf8("héllo"), start: 0, end: 6, available: { start: 0, end: 6 } });
    expect("state" in read).toBe(false);
    expect(decodeLogPage({})).toEqual({ text: "", bytes: new Uint8Array(0), start: 0, end: 0, available: { start: 0, end: 0 } });
  });

  it("rejects output that is not base64", () => {
    // A malformed answer of the API: an APIError saying where, not a bare TypeError.
    expect(() => decodeLogPage({ output: "not base64!" })).toThrow(APIError);
    expect(() => decodeLogPage({ output: "not base64!" })).toThrow(/the log output of the answer is not base64 \(Invalid base64 input: unexpected character/);
  });
});

describe("tailOffset", () => {
  it("is the negative byte count", () => {
    expect(tailOffset(4096)).toBe(-4096);
    expect(tailOffset(1)).toBe(-1);
  });
  it("rejects anything but a positive integer", () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Infinity, "10" as unknown as number]) {
      expect(() => tailOffset(bad)).toThrow(ValidationError);
    }
  });
});
