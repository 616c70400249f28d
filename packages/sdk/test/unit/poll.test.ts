import { afterEach, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  APIConnectionError,
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ValidationError,
  WaitTimeoutError,
} from "../../src/core/errors";
import { pollDelays, waitFor } from "../../src/internal/poll";

function take<T>(iterator: Iterator<T>, n: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(iterator.next().value as T);
  return out;
}

/** No jitter and tiny fixed delays: the tests do not depend on timing. */
const FAST = { intervalMs: 1, maxIntervalMs: 5, factor: 2, jitter: 0 };

afterEach(() => {
  vi.useRealTimers();
});

describe("pollDelays", () => {
  it("backs off exponentially up to the maximum", () => {
    expect(take(pollDelays({ intervalMs: 100, maxIntervalMs: 1000, factor: 2, jitter: 0 }), 6)).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it("uses the defaults 500 ms, x2, at most 5000 ms", () => {
    expect(take(pollDelays({ jitter: 0 }), 6)).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
    // A first interval above the default maximum is not cut.
    expect(take(pollDelays({ intervalMs: 8000, jitter: 0 }), 2)).toEqual([8000, 8000]);
  });

  it("applies jitter as a factor in [1 - jitter, 1]", () => {
    expect(take(pollDelays({ intervalMs: 100, maxIntervalMs: 1000, jitter: 0.5, random: () => 0.5 }), 6)).toEqual([75, 150, 300, 600, 750, 750]);
    expect(take(pollDelays({ intervalMs: 100, jitter: 0.2, random: () => 0 }), 3)).toEqual([100, 200, 400]);
    expect(take(pollDelays({ intervalMs: 1000, jitter: 0.2, random: () => 0.999999 }), 1)).toEqual([800]);
    const delays = take(pollDelays({ intervalMs: 1000, maxIntervalMs: 1000, jitter: 0.2 }), 200);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(800);
      expect(d).toBeLessThanOrEqual(1000);
    }
  });

  it.each([
    [{ jitter: 1.5 }],
    [{ jitter: -0.1 }],
    [{ factor: 0.5 }],
    [{ intervalMs: -1 }],
    [{ maxIntervalMs: Number.NaN }],
  ])("rejects %j with a ValidationError", (options) => {
    expect(() => pollDelays(options).next()).toThrow(ValidationError);
  });
});

describe("waitFor", () => {
  it("resolves with the first value that satisfies the condition (3rd check)", async () => {
    let n = 0;
    const check = vi.fn(async (signal: AbortSignal) => {
      expect(signal).toBeInstanceOf(AbortSignal);
      expect(signal.aborted).toBe(false);
      return { state: ++n >= 3 ? "available" : "busy", n };
    });
    const result = await waitFor(check, (v) => v.state === "available", { ...FAST, timeoutMs: 10_000 });
    expect(result).toEqual({ state: "available", n: 3 });
    expect(check).toHaveBeenCalledTimes(3);
  });

  it("resolves at once when the first value is right", async () => {
    const check = vi.fn(async () => 42);
    await expect(waitFor(check, (v) => v === 42, { timeoutMs: 10 })).resolves.toBe(42);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it("rejects at the deadline with WaitTimeoutError, lastSeen and elapsedMs, and a bounded number of checks", async () => {
    let n = 0;
    const check = vi.fn(async () => ({ n: ++n }));
    const timeoutMs = 60;
    const error = await waitFor(check, () => false, {
      timeoutMs,
      intervalMs: 10,
      factor: 1,
      jitter: 0,
      description: "volume 'data' to be available",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    const timeout = error as WaitTimeoutError<{ n: number }>;
    expect(timeout.message).toContain("volume 'data' to be available");
    expect(timeout.message).toMatch(/timed out after \d+ ms/);
    expect(timeout.lastSeen).toEqual({ n: check.mock.calls.length });
    expect(timeout.elapsedMs).toBeGreaterThanOrEqual(timeoutMs);
    expect(timeout.elapsedMs).toBeLessThan(timeoutMs + 5000);
    // Checks at 0, 10, …, 50 and a final one at 60: never more, however late the timers fire.
    expect(check.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(check.mock.calls.length).toBeLessThanOrEqual(timeoutMs / 10 + 1);
    expect(timeout.cause).toBeUndefined();
  });

  it("makes one check and gives up with timeoutMs 0", async () => {
    const check = vi.fn(async (signal: AbortSignal) => (signal.aborted ? "aborted" : "busy"));
    const error = await waitFor(check, () => false, { timeoutMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).lastSeen).toBe("busy");
    expect(check).toHaveBeenCalledTimes(1);
  });

  it("aborts a check in flight at the deadline, even one that ignores its signal", async () => {
    let seen: AbortSignal | undefined;
    const check = vi.fn((signal: AbortSignal) => {
      seen = signal;
      return new Promise<string>(() => {});
    });
    const error = await waitFor(check, () => true, { ...FAST, timeoutMs: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(check).toHaveBeenCalledTimes(1);
    expect(seen?.aborted).toBe(true);
    expect((seen?.reason as DOMException).name).toBe("TimeoutError");
  });

  it("rejects with AbortError when the signal aborts, and aborts the check in flight", async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const check = vi.fn((signal: AbortSignal) => {
      seen = signal;
      setTimeout(() => controller.abort(new Error("user gave up")), 5);
      return new Promise<string>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    });
    const error = await waitFor(check, () => true, { ...FAST, timeoutMs: 10_000, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error("user gave up"));
    expect(check).toHaveBeenCalledTimes(1);
    expect(seen?.aborted).toBe(true);
  });

  it("rejects with AbortError when the signal aborts between checks", async () => {
    const controller = new AbortController();
    const check = vi.fn(async () => {
      if (check.mock.calls.length === 2) controller.abort();
      return "busy";
    });
    const error = await waitFor(check, () => false, { ...FAST, timeoutMs: 10_000, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it("does not call check when the signal is already aborted", async () => {
    const check = vi.fn(async () => "x");
    await expect(waitFor(check, () => true, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(check).not.toHaveBeenCalled();
  });

  it.each([
    ["401", () => new AuthenticationError({ status: 401 })],
    ["403", () => new PermissionDeniedError({ status: 403 })],
    ["404", () => new NotFoundError({ status: 404 })],
    ["a ValidationError", () => new ValidationError("ref", "bad")],
  ])("rejects at once, after one call, on %s", async (_, make) => {
    const failure = make();
    const check = vi.fn(async () => {
      throw failure;
    });
    await expect(waitFor(check, () => true, { ...FAST, timeoutMs: 10_000 })).rejects.toBe(failure);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it("retries transient errors (connection, 5xx, 429) until a value satisfies the condition", async () => {
    const failures = [
      new APIConnectionError("connection refused"),
      new InternalServerError({ status: 503 }),
      new RateLimitError({ status: 429 }),
    ];
    const check = vi.fn(async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return "ready";
    });
    await expect(waitFor(check, (v) => v === "ready", { ...FAST, timeoutMs: 10_000 })).resolves.toBe("ready");
    expect(check).toHaveBeenCalledTimes(4);
  });

  it("attaches the last error as cause when no value was ever seen", async () => {
    const check = vi.fn(async () => {
      throw new InternalServerError({ status: 500, message: `boom ${check.mock.calls.length}` });
    });
    const error = await waitFor(check, () => true, { ...FAST, timeoutMs: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    const timeout = error as WaitTimeoutError;
    expect(timeout.lastSeen).toBeUndefined();
    expect(timeout.cause).toBeInstanceOf(InternalServerError);
    expect((timeout.cause as Error).message).toContain(`boom ${check.mock.calls.length}`);
    expect(timeout.message).toContain("no value seen");
  });

  it("keeps the last value (and no cause) when values were seen before errors", async () => {
    const check = vi.fn(async () => {
      if (check.mock.calls.length === 1) return "busy";
      throw new APIConnectionError("reset");
    });
    const error = await waitFor(check, () => false, { ...FAST, timeoutMs: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).lastSeen).toBe("busy");
    expect((error as WaitTimeoutError).cause).toBeUndefined();
  });

  it("rejects at once when the condition throws", async () => {
    const check = vi.fn(async () => 1);
    const bug = new TypeError("bug");
    await expect(
      waitFor(check, () => {
        throw bug;
      }),
    ).rejects.toBe(bug);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it("rejects invalid options with a ValidationError before any check", async () => {
    const check = vi.fn(async () => 1);
    await expect(waitFor(check, () => true, { timeoutMs: -1 })).rejects.toBeInstanceOf(ValidationError);
    await expect(waitFor(check, () => true, { jitter: 2 })).rejects.toBeInstanceOf(ValidationError);
    expect(check).not.toHaveBeenCalled();
  });

  it("accepts options set to undefined (the defaults apply)", async () => {
    const check = vi.fn(async () => 1);
    await expect(waitFor(check, () => true, { timeoutMs: undefined, intervalMs: undefined, signal: undefined })).resolves.toBe(1);
  });

  it("follows the backoff schedule with jitter and cuts the last sleep to the deadline (fake clock)", async () => {
    vi.useFakeTimers();
    const start = Date.now();
    const at: number[] = [];
    const check = vi.fn(async () => {
      at.push(Date.now() - start);
      return "busy";
    });
    const done = waitFor(check, () => false, { timeoutMs: 1000, intervalMs: 100, factor: 2, jitter: 0.2, random: () => 0.5 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5000);
    const error = await done;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    // Delays 90, 180, 360, then 720 cut to the 370 ms left: a final check at the deadline.
    expect(at).toEqual([0, 90, 270, 630, 1000]);
    expect((error as WaitTimeoutError).elapsedMs).toBe(1000);
  });

  it("gives the final check at the deadline time to answer (fake clock)", async () => {
    vi.useFakeTimers();
    const start = Date.now();
    const check = vi.fn(
      (signal: AbortSignal) =>
        new Promise<number>((resolve, reject) => {
          const t = setTimeout(() => resolve(Date.now() - start), 50);
          signal.addEventListener("abort", () => {
            clearTimeout(t);
            reject(signal.reason);
          });
        }),
    );
    // Each check takes 50 ms: at 0 (-> 50), sleep 100 -> 150 (-> 200), sleep cut to 100 -> 300 (final, -> 350).
    const done = waitFor(check, (v) => v >= 350, { timeoutMs: 300, intervalMs: 100, factor: 2, jitter: 0 });
    await vi.advanceTimersByTimeAsync(2000);
    await expect(done).resolves.toBe(350);
    expect(check).toHaveBeenCalledTimes(3);
  });
});
