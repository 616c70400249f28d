// Behaviour of reading and following instance logs over real HTTP: scripted log bytes served by
// scripted simulator rules (offset/limit/available/range like the API), with resets, 503s and a lost
// answer injected. Every byte the "server" produced must be delivered exactly once.
import { describe, expect, it } from "vitest";
import type { Rule, RuleAction } from "../../../mock/src/simulator/index";
import { scriptedLogs } from "./scenarios";
import { APIConnectionError, APITimeoutError, InternalServerError, lines, type LogEvent } from "../../src/index";
import { collect, sim, simClient, sleep, useSimulator } from "./support";

const UUID = "123e4567-e89b-12d3-a456-426614174000";
const NAME = "funky-town-g756b5d";
// Every log read, by UUID or by name, goes to the batch log endpoint (the by-UUID one reads no
// inputs in the current contract): the reference is in the query, `uuid=` or `name=`.
const LOG_PATH = "/v1/instances/log";

const enc = new TextEncoder();
const dec = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

useSimulator();
const client = simClient();

const logRequests = () => sim.requests.filter((r) => r.path === LOG_PATH);

/** Every request went to the batch log endpoint, naming exactly the one UUID (never by name, never in the path). */
function expectByUuid(uuid = UUID) {
  expect(sim.requests.length).toBeGreaterThan(0);
  for (const r of sim.requests) {
    expect(`${r.method} ${r.path}`).toBe(`GET ${LOG_PATH}`);
    expect(r.query.getAll("uuid")).toEqual([uuid]);
    expect(r.query.getAll("name")).toEqual([]);
  }
}
const offsets = () => logRequests().map((r) => Number(r.query.get("offset")));

/** The text of the data events, and a check that they cover the bytes [from, to) contiguously. */
function dataOf(events: LogEvent[]): { text: string; bytes: number } {
  const data = events.filter((e) => e.type === "data");
  for (let i = 1; i < data.length; i++) expect(data[i]!.start).toBe(data[i - 1]!.end);
  const text = data.map((e) => e.text).join("");
  return { text, bytes: enc.encode(text).length };
}

describe("instances.logs and tail", () => {
  const TEXT = "héllo €uro 😀 done\n";
  const BYTES = enc.encode(TEXT);

  it("logs() reads a range by offset and limit and decodes it", async () => {
    sim.rule(scriptedLogs({ id: "logs", path: LOG_PATH, produced: () => BYTES }));
    const ukc = client();
    const whole = await ukc.instances.logs(UUID);
    expect(whole.text).toBe(TEXT);
    expect([whole.start, whole.end, whole.available]).toEqual([0, BYTES.length, { start: 0, end: BYTES.length }]);
    expect(whole.state).toBe("running");

    // "€uro" is bytes 7..13.
    const part = await ukc.instances.logs(UUID, { offset: 7, limit: 6 });
    expect(part.text).toBe("€uro");
    expect([part.start, part.end]).toEqual([7, 13]);
    expect(Array.from(part.bytes)).toEqual(Array.from(BYTES.subarray(7, 13)));
    expect(logRequests().map((r) => [r.query.get("offset"), r.query.get("limit")])).toEqual([
      ["0", "16383"],
      ["7", "6"],
    ]);
    expectByUuid();
  });

  it("logs() by name uses the batch log endpoint", async () => {
    sim.rule(scriptedLogs({ id: "logs", path: "/v1/instances/log", produced: () => BYTES, state: () => "stopped" }));
    const read = await client().instances.logs(NAME, { offset: -5 });
    expect(read.text).toBe("done\n");
    expect(read.state).toBe("stopped");
    expect(sim.requests).toHaveLength(1);
    expect(`${sim.requests[0]!.method} ${sim.requests[0]!.path}`).toBe(`GET ${LOG_PATH}`);
    expect(sim.requests[0]!.query.getAll("name")).toEqual([NAME]);
    expect(sim.requests[0]!.query.getAll("uuid")).toEqual([]);
    expect([sim.requests[0]!.query.get("offset"), sim.requests[0]!.query.get("limit")]).toEqual(["-5", "16383"]);
  });

  it("tail() reads the last bytes with a negative offset", async () => {
    sim.rule(scriptedLogs({ id: "logs", path: LOG_PATH, produced: () => BYTES }));
    const read = await client().instances.tail(UUID, { bytes: 10 });
    expect(read.text).toBe(dec(BYTES.subarray(BYTES.length - 10)));
    expect(read.text).toBe("😀 done\n");
    expect([read.start, read.end]).toEqual([BYTES.length - 10, BYTES.length]);
    expect(logRequests().map((r) => [r.query.get("offset"), r.query.get("limit")])).toEqual([["-10", "10"]]);
    expectByUuid();
  });
});

describe("instances.follow: decoding and gaps", () => {
  it("a character split across two responses is yielded whole, once", async () => {
    // a € b 😀 c \n → bytes a(0) €(1..3) b(4) 😀(5..8) c(9) \n(10); answers of 2 bytes split both.
    const bytes = enc.encode("a€b😀c\n");
    sim.rule(scriptedLogs({ id: "logs", path: LOG_PATH, produced: () => bytes, maxBytes: 2, state: () => "stopped" }));
    const events = await collect(client().instances.follow(UUID, { intervalMs: 1 }));
    expect(events).toEqual([
      { type: "data", text: "a", start: 0, end: 1 },
      { type: "data", text: "€", start: 1, end: 4 },
      { type: "data", text: "b", start: 4, end: 5 },
      { type: "data", text: "😀c", start: 5, end: 10 },
      { type: "data", text: "\n", start: 10, end: 11 },
    ]);
    expect(offsets()).toEqual([0, 2, 4, 6, 8, 10]);
    expectByUuid();
  });

  it("bytes dropped before the first read: a gap with the exact range, then the data", async () => {
    const bytes = enc.encode("0123456789ABCDEFGHIJ");
    sim.rule(scriptedLogs({ id: "logs", path: LOG_PATH, produced: () => bytes, dropBefore: () => 8, state: () => "stopped" }));
    const events = await collect(client().instances.follow(UUID, { from: 0, intervalMs: 1 }));
    expect(events).toEqual([
      { type: "gap", start: 0, end: 8, bytes: 8, reason: expect.stringContaining("0..8") },
      { type: "data", text: "89ABCDEFGHIJ", start: 8, end: 20 },
    ]);
    expect(sim.requests).toHaveLength(1);
    expectByUuid();
  });

  it("from 'start' begins at the oldest byte held: no gap", async () => {
    const bytes = enc.encode("0123456789ABCDEFGHIJ");
    sim.rule(scriptedLogs({ id: "logs", path: LOG_PATH, produced: () => bytes, dropBefore: () => 8, state: () => "stopped" }));
    const events = await collect(client().instances.follow(UUID, { intervalMs: 1 }));
    expect(events).toEqual([{ type: "data", text: "89ABCDEFGHIJ", start: 8, end: 20 }]);
    expectByUuid();
  });

  it("bytes dropped while following: the gap in the middle, then the data", async () => {
    const bytes = enc.encode("0123456789ABCDEFGHIJ");
    let reads = 0;
    sim.rule(
      scriptedLogs({
        id: "logs",
        path: LOG_PATH,
        produced: () => (reads++, bytes),
        dropBefore: () => (reads > 1 ? 12 : 0),
        maxBytes: 5,
        state: () => "stopped",
      }),
    );
    const events = await collect(client().instances.follow(UUID, { from: 0, intervalMs: 1 }));
    expect(events).toEqual([
      { type: "data", text: "01234", start: 0, end: 5 },
      { type: "gap", start: 5, end: 12, bytes: 7, reason: expect.any(String) },
      { type: "data", text: "CDEFG", start: 12, end: 17 },
      { type: "data", text: "HIJ", start: 17, end: 20 },
    ]);
    expect(offsets()).toEqual([0, 5, 17]);
    expectByUuid();
  });
});

/**
 * A log that grows while it is followed: one more chunk on every second read, the instance
 * `running` until the last chunk is out, then `stopped`.
 */
function growingLog(chunks: string[]) {
  const all = enc.encode(chunks.join(""));
  const ends: number[] = [];
  let total = 0;
  for (const c of chunks) ends.push((total += enc.encode(c).length));
  let reads = 0;
  let shown = 0;
  return {
    text: chunks.join(""),
    bytes: all,
    produced: () => {
      if (reads++ % 2 === 0 && shown < chunks.length) shown++;
      return all.subarray(0, shown === 0 ? 0 : ends[shown - 1]);
    },
    state: () => (shown >= chunks.length ? "stopped" : "running"),
    reads: () => reads,
  };
}

const CHUNKS = Array.from(
  { length: 30 },
  (_, i) => `line ${i}: héllo wörld € ${"😀".repeat(i % 3)}${i % 5 === 4 ? "" : i % 7 === 3 ? "\r\n" : "\n"}`,
);

/**
 * Log rules with faults: every third log request is reset or answered 503 (alternately), by
 * rules with `times`; the 10th request's answer is produced but held longer than the client's
 * timeout (lost in transit). A final rule serves whatever comes after the scripted faults.
 */
function faultyLogRules(log: Rule, delayMs: number): Rule[] {
  const serve = (log.action as Extract<RuleAction, { type: "handle" }>).handler;
  const lost: Rule = {
    id: "lost",
    path: LOG_PATH,
    times: 1,
    action: {
      type: "handle",
      async handler(req, forward) {
        const answer = await serve(req, forward); // the server read (and produced) the bytes…
        await sleep(delayMs); // …but the answer arrives after the client gave up.
        return answer;
      },
    },
  };
  const reset: Rule = { id: "reset", path: LOG_PATH, times: 1, action: { type: "reset" } };
  const unavailable: Rule = {
    id: "503",
    path: LOG_PATH,
    times: 1,
    action: {
      type: "respond",
      status: 503,
      headers: { "retry-after": "0" },
      body: { status: "error", message: "Service unavailable", errors: [{ status: 503 }] },
    },
  };
  const rules: Rule[] = [];
  for (let cycle = 0; cycle < 150; cycle++) {
    // Requests 3c+1, 3c+2 are served (the 10th, in cycle 3, is lost); 3c+3 is a fault.
    if (cycle === 3) rules.push({ ...lost }, { ...log, id: "log", times: 1 });
    else rules.push({ ...log, id: "log", times: 2 });
    rules.push(cycle % 2 === 0 ? { ...reset } : { ...unavailable });
  }
  rules.push({ ...log, id: "log-rest" });
  return rules;
}

describe("instances.follow under faults", () => {
  // Generous, so that only the held answer times out, even on a loaded machine.
  const TIMEOUT_MS = 400;

  async function followWithFaults() {
    const log = growingLog(CHUNKS);
    const rule = scriptedLogs({ path: LOG_PATH, produced: log.produced, state: log.state, maxBytes: 11 });
    for (const r of faultyLogRules(rule, TIMEOUT_MS + 250)) sim.rule(r);
    // maxRetries 0: every fault reaches follow's own retry (no transport backoff), so the test stays fast.
    const ukc = client({ timeoutMs: TIMEOUT_MS, maxRetries: 0 });
    const errors: unknown[] = [];
    const iterator = ukc.instances.follow(UUID, { from: 0, intervalMs: 1, maxIntervalMs: 4, onError: (e) => errors.push(e) });
    return { log, ukc, errors, iterator };
  }

  it("delivers every byte the server produced exactly once and stops when the instance stops", async () => {
    const { log, errors, iterator } = await followWithFaults();
    const events = await collect(iterator);

    expect(events.every((e) => e.type === "data")).toBe(true); // no gap: nothing was dropped
    const { text, bytes } = dataOf(events);
    expect(text).toBe(log.text);
    expect(bytes).toBe(log.bytes.length);
    expect(events[0]!.start).toBe(0);
    expect(events.at(-1)!.end).toBe(log.bytes.length);
    expect(text).not.toContain("\uFFFD");

    const reqs = logRequests();
    expectByUuid();
    expect(reqs).toHaveLength(sim.requests.length);
    const resets = reqs.filter((r) => r.ruleId === "reset").length;
    const unavailable = reqs.filter((r) => r.ruleId === "503").length;
    const lost = reqs.filter((r) => r.ruleId === "lost").length;
    expect(lost).toBe(1);
    expect(resets).toBeGreaterThan(3);
    expect(unavailable).toBeGreaterThan(3);
    // Every third log request was a fault.
    reqs.forEach((r, i) => expect(r.ruleId === "reset" || r.ruleId === "503", `request ${i + 1}`).toBe((i + 1) % 3 === 0));
    expect(reqs.some((r) => r.ruleId === "log-rest")).toBe(false);
    // Each fault was heard and retried: resets as connection errors, 503s as InternalServerError, the lost answer as a timeout.
    expect(errors.filter((e) => e instanceof APITimeoutError)).toHaveLength(lost);
    expect(errors.filter((e) => e instanceof APIConnectionError && !(e instanceof APITimeoutError))).toHaveLength(resets);
    expect(errors.filter((e) => e instanceof InternalServerError)).toHaveLength(unavailable);
    expect(errors).toHaveLength(resets + unavailable + lost);
    // A failed read is asked again from the same offset: the offset only moves by what arrived.
    const offs = offsets();
    reqs.forEach((r, i) => {
      if (r.ruleId !== "log" && r.ruleId !== "log-rest" && i + 1 < reqs.length) expect(offs[i + 1], `after ${r.ruleId}`).toBe(offs[i]);
    });
    // It stopped because the instance stopped: the last answer said "stopped", nothing after it.
    expect(log.state()).toBe("stopped");
    const served = reqs.filter((r) => r.ruleId === "log").length;
    expect(served).toBe(log.reads() - lost);

    console.log(
      `MEASURE: follow under faults: requests=${reqs.length} (answered=${served}, faults=${resets + unavailable + lost}: ` +
        `resets=${resets}, 503=${unavailable}, lost-to-timeout=${lost}) bytesProduced=${log.bytes.length} ` +
        `bytesDelivered=${bytes} textEqual=${text === log.text} events=${events.length} gaps=0 duplicates=0 ` +
        `chunks=${CHUNKS.length} pageBytes=11 timeoutMs=${TIMEOUT_MS}`,
    );
  });

  it("lines() over follow yields exactly the lines written (CRLF and LF), under the same faults", async () => {
    const { log, iterator } = await followWithFaults();
    const got = await collect(lines(iterator));
    const expected = log.text.split("\n").map((l) => l.replace(/\r$/, ""));
    if (expected.at(-1) === "") expected.pop();
    expect(got).toEqual(expected);
    expect(got).toHaveLength(CHUNKS.filter((c) => c.endsWith("\n")).length + (log.text.endsWith("\n") ? 0 : 1));
    expectByUuid();
  });

  it("keeps polling while the instance runs, even when caught up", async () => {
    let state = "running";
    let reads = 0;
    sim.rule(
      scriptedLogs({
        id: "logs",
        path: LOG_PATH,
        produced: () => (reads++, enc.encode("ready\n")),
        state: () => (reads >= 5 ? (state = "stopped") : state),
      }),
    );
    const events = await collect(client().instances.follow(UUID, { intervalMs: 1, maxIntervalMs: 2 }));
    expect(events).toEqual([{ type: "data", text: "ready\n", start: 0, end: 6 }]);
    expect(offsets()).toEqual([0, 6, 6, 6, 6]);
    expectByUuid();
  });
});
