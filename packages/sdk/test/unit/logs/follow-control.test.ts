import { describe, expect, it } from "vitest";
import { AbortError, NotFoundError, ValidationError } from "../../../src/core/errors";
import { followLogs, type LogEvent } from "../../../src/logs/follow";
import type { LogPage } from "../../../src/logs/page";
import { collect, expectContiguous, logServer, TEXT, textOf } from "./support";

describe("followLogs: retries, abort, options", () => {
  it("retries a fetchPage that fails on every 3rd call and still delivers every byte once", async () => {
    const server = logServer();
    server.write(TEXT);
    server.state = "stopped";
    let n = 0;
    const errors: [unknown, number][] = [];
    const flaky = (offset: number, limit: number, signal?: AbortSignal) => {
      n++;
      if (n % 3 === 0) return Promise.reject(new Error(`boom ${n}`));
      return server.fetchPage(offset, limit, signal);
    };
    const events = await collect(
      followLogs(flaky, { limit: 7, intervalMs: 1, onError: (error, attempt) => errors.push([error, attempt]) }),
    );
    expect(textOf(events)).toBe(TEXT);
    expectContiguous(events, 0, server.log.length);
    const pages = Math.ceil(server.log.length / 7);
    expect(server.calls.length).toBe(pages);
    // Each failed call repeats the same offset: successful calls are 2 of every 3.
    expect(n).toBe(pages + Math.floor((pages - 1) / 2));
    expect(errors.length).toBe(n - pages);
    expect(errors.every(([, attempt]) => attempt === 1)).toBe(true);
    expect((errors[0]![0] as Error).message).toBe("boom 3");
  });

  it("rethrows after `retries` consecutive failures", async () => {
    let calls = 0;
    const attempts: number[] = [];
    const failing = async () => {
      calls++;
      throw new Error(`down ${calls}`);
    };
    await expect(collect(followLogs(failing, { intervalMs: 1, retries: 3, onError: (_e, a) => attempts.push(a) }))).rejects.toThrow(
      "down 4",
    );
    expect(calls).toBe(4);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it("retries 5 times by default, and not at all for a not-found instance", async () => {
    let calls = 0;
    await expect(
      collect(
        followLogs(
          async () => {
            calls++;
            throw new Error("down");
          },
          { intervalMs: 1, maxIntervalMs: 2 },
        ),
      ),
    ).rejects.toThrow("down");
    expect(calls).toBe(6);

    calls = 0;
    const gone = new NotFoundError({ status: 404, message: "No instance with name 'web'" });
    await expect(
      collect(
        followLogs(async () => {
          calls++;
          throw gone;
        }),
      ),
    ).rejects.toBe(gone);
    expect(calls).toBe(1);
  });

  it("with untilStopped false keeps polling a stopped instance until aborted", async () => {
    const controller = new AbortController();
    const server = logServer({
      before(call, s) {
        if (call === 3) s.write("late\n");
        if (call === 8) controller.abort(new Error("enough"));
      },
    });
    server.write("early\n");
    server.state = "stopped";
    const seen: LogEvent[] = [];
    const run = (async () => {
      for await (const e of followLogs(server.fetchPage, { untilStopped: false, intervalMs: 1, maxIntervalMs: 2, signal: controller.signal })) {
        seen.push(e);
      }
    })();
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error("enough"));
    expect(textOf(seen)).toBe("early\nlate\n");
    expect(server.calls.length).toBe(8);
  });

  it("abort ends promptly and aborts the fetch in flight", async () => {
    const controller = new AbortController();
    let fetchSignal: AbortSignal | undefined;
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const hanging = (_offset: number, _limit: number, signal?: AbortSignal) =>
      new Promise<LogPage>((_resolve, reject) => {
        fetchSignal = signal;
        started();
        signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    const it = followLogs(hanging, { signal: controller.signal });
    const next = it.next();
    await inFlight;
    expect(fetchSignal?.aborted).toBe(false);
    controller.abort();
    await expect(next).rejects.toBeInstanceOf(AbortError);
    expect(fetchSignal?.aborted).toBe(true);
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it("abort ends promptly even when fetchPage ignores the signal", async () => {
    const controller = new AbortController();
    let calls = 0;
    const deaf = () => {
      calls++;
      return new Promise<LogPage>(() => {});
    };
    const it = followLogs(deaf, { signal: controller.signal });
    const next = it.next();
    await Promise.resolve();
    controller.abort();
    await expect(next).rejects.toBeInstanceOf(AbortError);
    expect(calls).toBe(1);
  });

  it("abort ends a long pause between polls at once", async () => {
    const controller = new AbortController();
    const server = logServer();
    server.write("x");
    const it = followLogs(server.fetchPage, { signal: controller.signal, intervalMs: 3_600_000 });
    expect(await it.next()).toEqual({ done: false, value: { type: "data", text: "x", start: 0, end: 1 } });
    const next = it.next(); // now sleeping for an hour
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(next).rejects.toBeInstanceOf(AbortError);
    expect(server.calls.length).toBe(1);
  });

  it("an already aborted signal rejects before any request", async () => {
    const server = logServer();
    const it = followLogs(server.fetchPage, { signal: AbortSignal.abort() });
    await expect(it.next()).rejects.toBeInstanceOf(AbortError);
    expect(server.calls.length).toBe(0);
  });

  it("breaking out of the loop stops polling", async () => {
    const server = logServer({
      before(_call, s) {
        s.write("tick\n");
      },
    });
    const seen: string[] = [];
    for await (const e of followLogs(server.fetchPage, { intervalMs: 1, untilStopped: false })) {
      if (e.type === "data") seen.push(e.text);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(["tick\n", "tick\n", "tick\n"]);
    const calls = server.calls.length;
    expect(calls).toBe(3);
    await new Promise((r) => setTimeout(r, 20));
    expect(server.calls.length).toBe(calls);
  });

  it("passes the signal to fetchPage", async () => {
    const controller = new AbortController();
    const server = logServer();
    server.state = "stopped";
    await collect(followLogs(server.fetchPage, { signal: controller.signal }));
    expect(server.signals).toEqual([controller.signal]);
  });

  it("checks its options before any request", () => {
    const server = logServer();
    const bad: Parameters<typeof followLogs>[1][] = [
      { from: 1.5 },
      { from: "middle" as "start" },
      { limit: 0 },
      { limit: 2.5 },
      { intervalMs: -1 },
      { maxIntervalMs: Number.NaN },
      { retries: -1 },
    ];
    for (const options of bad) expect(() => followLogs(server.fetchPage, options), JSON.stringify(options)).toThrow(ValidationError);
    expect(server.calls.length).toBe(0);
  });
});

