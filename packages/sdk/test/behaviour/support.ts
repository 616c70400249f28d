// Shared setup of the SDK behaviour tests: the simulator of the API (packages/mock, started
// in-process for each test file, without Prism: several tests answer deliberately malformed or
// non-envelope bodies), its scripted rules and journal, clients that talk to it, and small helpers
// for timing. A request no rule scripts is answered by the simulated platform.
import { afterAll, beforeAll, beforeEach } from "vitest";
import {
  startSimulator,
  type Fixture,
  type JournalEntry,
  type Rule,
  type RuleHandle,
  type Simulator,
} from "../../../mock/src/simulator/index";
import { UnikraftCloud, type ClientOptions } from "../../src/index";

export { collect, rejection } from "../contract/support";

/** A journal entry with its query parsed (repeated keys kept: `query.getAll("name")`). */
export type RecordedRequest = Omit<JournalEntry, "query"> & { query: URLSearchParams };

let simulator: Simulator | undefined;
let fixture: Fixture | undefined;

function running(): Simulator {
  if (!simulator) throw new Error("behaviour tests: call useSimulator() at the top level of the test file");
  return simulator;
}

function toRecorded(entry: JournalEntry): RecordedRequest {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(entry.query)) for (const one of Array.isArray(v) ? v : [v]) query.append(k, one);
  return { ...entry, query };
}

/** The simulator of the running test file (set by {@link useSimulator} before its tests). */
export const sim = {
  /** Base URL of the simulator. */
  get url(): string {
    return running().url;
  },
  /** Every request received since the last reset, in arrival order (authorization redacted). */
  get requests(): RecordedRequest[] {
    return running().journal().map(toRecorded);
  },
  /** Adds a scripted rule (first match with times left applies). */
  rule(rule: Rule): RuleHandle {
    return running().rule(rule);
  },
  /** Adds resources to the simulated platform. */
  seed(f: Fixture): void {
    running().seed(f);
  },
  /** Resets the simulator (state, rules, faults, journal) and seeds the file's fixture again. */
  reset(): void {
    running().reset();
    if (fixture) running().seed(fixture);
  },
  /** The simulator itself (clock, faults, state, …). */
  get simulator(): Simulator {
    return running();
  },
};

/**
 * Starts the simulator before the tests of the calling file, resets it (and seeds `options.fixture`)
 * before each test, and stops it after the last one. Call it at the top level.
 */
export function useSimulator(options: { fixture?: Fixture } = {}): void {
  beforeAll(async () => {
    fixture = options.fixture;
    simulator = await startSimulator({ seed: 1 });
  });
  beforeEach(() => sim.reset());
  afterAll(async () => {
    await simulator?.stop();
    simulator = undefined;
  });
}

/** The example instance the files that need one seed: running, with the UUID and name the tests use. */
export const EXAMPLE_INSTANCE = { uuid: "123e4567-e89b-12d3-a456-426614174000", name: "funky-town-g756b5d", state: "running", image: "nginx:latest", memory_mb: 128, vcpus: 1 };

/** Options a test may give a client (the address and the token are the file's). */
export type SimClientOptions = Omit<ClientOptions, "baseUrl" | "token">;

/**
 * Makes the `client()` of a test file: a client of the simulator with token "test-token" and
 * `defaults` (a file's own `token`, `maxRetries: 0`, …), then the options of the test.
 */
export function simClient(defaults: Omit<ClientOptions, "baseUrl"> = {}): (options?: SimClientOptions) => UnikraftCloud {
  return (options = {}) => new UnikraftCloud({ baseUrl: sim.url, token: "test-token", ...defaults, ...options });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the simulator has recorded `n` requests (so an abort hits a request in flight). */
export async function arrived(n: number): Promise<void> {
  while (running().journal().length < n) await sleep(2);
}

/** The rule that answered each recorded request, "sim" for those the simulated platform answered unscripted. */
export const ids = () => sim.requests.map((r) => r.ruleId ?? "sim");
