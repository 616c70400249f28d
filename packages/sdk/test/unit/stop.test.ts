import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/errors";
import { decodePlatformStopCode, decodeStopCode, decodeStopReason, errnoName, explainStop } from "../../src/stop";

describe("decodeStopReason", () => {
  it.each([
    [0, "------", /^the stop reason is unknown$/],
    [1, "-----K", /likely a crash.*stop_code/],
    [3, "----AK", /^the application exited \(see exit_code\); the kernel stopped \(see stop_code\)$/],
    [7, "---PAK", /^the platform stopped the instance; the application exited .*; the kernel stopped/],
    [13, "--UP-K", /^a user stopped the instance; the kernel stopped, killing the application during shutdown/],
    [15, "--UPAK", /^a user stopped the instance; the application exited \(see exit_code\); the kernel stopped \(see stop_code\)$/],
    [28, "-FUP--", /^a user stopped the instance without a clean shutdown \(forced\)$/],
    [39, "Z--PAK", /^the platform scaled the instance to zero \(standby\); the application exited/],
  ])("decodes the named case %i as %s", (value, flags, explanation) => {
    const r = decodeStopReason(value);
    expect(r.value).toBe(value);
    expect(r.flags).toBe(flags);
    expect(r.explanation).toMatch(explanation);
  });

  it("sets the bits", () => {
    expect(decodeStopReason(28)).toMatchObject({ forced: true, user: true, platform: true, app: false, kernel: false, scaleToZero: false });
    expect(decodeStopReason(15)).toMatchObject({ forced: false, user: true, platform: true, app: true, kernel: true, scaleToZero: false });
    expect(decodeStopReason(39)).toMatchObject({ forced: false, user: false, platform: true, app: true, kernel: true, scaleToZero: true });
    expect(decodeStopReason(63).flags).toBe("ZFUPAK");
  });

  it("composes an explanation for every combination from the same texts as explainStop", () => {
    expect(decodeStopReason(2).explanation).toBe("the application exited (see exit_code)");
    expect(decodeStopReason(4).explanation).toBe("the platform stopped the instance (see stop_code)");
    expect(decodeStopReason(5).explanation).toBe("the platform stopped the instance; the kernel stopped, killing the application during shutdown (see stop_code)");
    expect(decodeStopReason(16).explanation).toBe("the instance was stopped without a clean shutdown (forced)");
    expect(decodeStopReason(20).explanation).toBe("the platform stopped the instance without a clean shutdown (forced)");
    expect(decodeStopReason(32).explanation).toBe("the platform scaled the instance to zero (standby)");
    expect(decodeStopReason(52).explanation).toBe("the platform scaled the instance to zero (standby) without a clean shutdown (forced)");
    for (let v = 0; v < 64; v++) expect(decodeStopReason(v).explanation.length).toBeGreaterThan(0);
  });

  it.each([-1, 64, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("rejects %s with a ValidationError", (value) => {
    expect(() => decodeStopReason(value)).toThrow(ValidationError);
  });

  it("rejects a non-number with a ValidationError", () => {
    expect(() => decodeStopReason("15" as unknown as number)).toThrow(ValidationError);
  });
});

describe("decodeStopCode", () => {
  it("decodes out of memory (0x000C7F04)", () => {
    expect(decodeStopCode(0x000c7f04)).toEqual({
      value: 0x000c7f04,
      errno: 12,
      errnoName: "ENOMEM",
      shutdownTable: "init",
      initlevel: 127,
      running: true,
      reason: "PGFAULT",
      explanation: "page fault (out of memory: ENOMEM) while running the application",
    });
  });

  it("reads the term table bit (33024 = 0x8100, the spec's example)", () => {
    const code = decodeStopCode(33024);
    expect(code).toMatchObject({ errno: 0, errnoName: undefined, shutdownTable: "term", initlevel: 1, running: false, reason: "OK" });
    expect(code.explanation).toBe("clean shutdown (term table, initlevel 1)");
  });

  it("names every reason and marks unknown ones", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((r) => decodeStopCode(r).reason)).toEqual([
      "OK", "EXP", "MATH", "INVLOP", "PGFAULT", "SEGFAULT", "HWERR", "SECERR",
    ]);
    const unknown = decodeStopCode(0x7f09);
    expect(unknown.reason).toBe("UNKNOWN(9)");
    expect(unknown.explanation).toBe("unknown reason 9 while running the application");
  });

  it("explains crashes during boot and shutdown, with or without a known errno", () => {
    expect(decodeStopCode((22 << 16) | (3 << 8) | 5).explanation).toBe("segmentation fault (invalid argument: EINVAL) during boot (init table, initlevel 3)");
    expect(decodeStopCode((116 << 16) | 0x8000 | (4 << 8) | 6).explanation).toBe("hardware error (ESTALE) during shutdown (term table, initlevel 4)");
    expect(decodeStopCode((200 << 16) | 0x7f02)).toMatchObject({ errno: 200, errnoName: undefined, explanation: "arithmetic error (errno 200) while running the application" });
  });

  it("ignores the reserved bits 31-24", () => {
    expect(decodeStopCode(0xff0c7f04)).toMatchObject({ errno: 12, initlevel: 127, reason: "PGFAULT" });
  });

  it.each([-1, 2 ** 32, 0.5, Number.NaN])("rejects %s with a ValidationError", (value) => {
    expect(() => decodeStopCode(value)).toThrow(ValidationError);
  });
});

describe("errnoName", () => {
  it("knows the standard Linux errno names", () => {
    expect([1, 2, 5, 12, 14, 22, 28, 110, 133].map(errnoName)).toEqual([
      "EPERM", "ENOENT", "EIO", "ENOMEM", "EFAULT", "EINVAL", "ENOSPC", "ETIMEDOUT", "EHWPOISON",
    ]);
    expect(errnoName(0)).toBeUndefined();
    expect(errnoName(41)).toBeUndefined();
    expect(errnoName(134)).toBeUndefined();
  });
});

describe("decodePlatformStopCode", () => {
  it("decodes the platform codes", () => {
    expect(decodePlatformStopCode(0)).toEqual({ value: 0, reason: "UNKNOWN", explanation: "unknown platform reason" });
    expect(decodePlatformStopCode(1)).toEqual({ value: 1, reason: "NOMEDIUM", explanation: "no medium (image pull failed)" });
    expect(decodePlatformStopCode(7).reason).toBe("UNKNOWN(7)");
    expect(() => decodePlatformStopCode(-1)).toThrow(ValidationError);
  });
});

describe("explainStop", () => {
  it("returns undefined without a stop_reason", () => {
    expect(explainStop({})).toBeUndefined();
    expect(explainStop({ exit_code: 0, stop_code: 0 })).toBeUndefined();
  });

  it("says how the application exited (a clean kernel stop adds nothing)", () => {
    expect(explainStop({ stop_reason: 3, exit_code: 1, stop_code: 33024 })).toBe("the application exited with code 1");
    expect(explainStop({ stop_reason: 15, exit_code: 0, stop_code: 33024 })).toBe("a user stopped the instance; the application exited with code 0");
  });

  it("explains a kernel crash", () => {
    expect(explainStop({ stop_reason: 1, stop_code: 0x000c7f04 })).toBe(
      "the kernel stopped: page fault (out of memory: ENOMEM) while running the application",
    );
    expect(explainStop({ stop_reason: 1 })).toBe("the kernel stopped (likely a crash; no stop_code reported)");
  });

  it("explains user, forced, platform and scale-to-zero stops", () => {
    expect(explainStop({ stop_reason: 28 })).toBe("a user stopped the instance without a clean shutdown (forced)");
    expect(explainStop({ stop_reason: 13, stop_code: 33024 })).toBe("a user stopped the instance; the kernel stopped, killing the application during shutdown");
    expect(explainStop({ stop_reason: 13, stop_code: 0x000c7f04 })).toBe(
      "a user stopped the instance; the kernel stopped, killing the application during shutdown: page fault (out of memory: ENOMEM) while running the application",
    );
    expect(explainStop({ stop_reason: 7, exit_code: 0, stop_code: 33024 })).toBe("the platform stopped the instance; the application exited with code 0");
    expect(explainStop({ stop_reason: 39, exit_code: 0, stop_code: 33024 })).toBe("the platform scaled the instance to zero (standby); the application exited with code 0");
    expect(explainStop({ stop_reason: 0 })).toBe("the stop reason is unknown");
  });

  it("reads the platform code when the reason is exactly P", () => {
    expect(explainStop({ stop_reason: 4, stop_code: 1 })).toBe("the platform stopped the instance: no medium (image pull failed)");
    expect(explainStop({ stop_reason: 4, stop_code: 0 })).toBe("the platform stopped the instance");
  });

  it("mentions an unclean kernel stop next to the application's exit", () => {
    expect(explainStop({ stop_reason: 3, exit_code: 137, stop_code: 0x000c7f04 })).toBe(
      "the application exited with code 137; the kernel stopped: page fault (out of memory: ENOMEM) while running the application",
    );
  });

  it("tolerates stop_reason bits it does not know, and rejects garbage", () => {
    expect(explainStop({ stop_reason: 64 + 3, exit_code: 0 })).toBe("the application exited with code 0; unknown stop_reason bits 0x40");
    expect(() => explainStop({ stop_reason: -1 })).toThrow(ValidationError);
  });
});
