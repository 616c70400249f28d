// Shared setup of the account-wide tests: one simulator per metro (fra, dal, sin by default),
// each its own URL; a metro can be "down" (the URL of a closed loopback port: connection
// refused). Every simulator is reset before each test and stopped after the file.
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startSimulator, type Fixture, type Simulator } from "../../../mock/src/simulator/index";
import { UnikraftCloud, type ClientOptions } from "../../src/index";
import { accountWide, type AccountWideOptions } from "../../src/metros/index";

export { collect, rejection } from "../contract/support";

/** A journal entry of one metro, with its query parsed. */
export interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** The URL of a loopback port nobody listens on (a connection there is refused). */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Options of {@link Metros.account}: per-metro client options, metros that are down, and the layer's own options. */
export interface AccountSetup extends AccountWideOptions {
  /** Client options per metro (merged over `maxRetries: 0`). */
  clients?: Record<string, Omit<ClientOptions, "baseUrl" | "token">>;
  /** Metros whose client points to a closed port. */
  down?: string[];
}

/** The simulators of a test file and the account-wide clients over them. */
export interface Metros {
  /** The simulator of each metro. */
  sim(code: string): Simulator;
  /** The requests each metro received since the last reset. */
  sent(code: string): Sent[];
  /** Requests per metro, e.g. `{ fra: 2, dal: 1, sin: 0 }`. */
  counts(): Record<string, number>;
  /** An account-wide client over the simulators. */
  account(setup?: AccountSetup): ReturnType<typeof accountWide>;
}

/**
 * Starts one simulator per metro before the file's tests, resets (and seeds each metro's fixture)
 * before each test, and stops them all after the file. Call it at the top level.
 */
export function useMetros(fixtures: Record<string, Fixture>, codes: string[] = ["fra", "dal", "sin"]): Metros {
  const sims = new Map<string, Simulator>();
  let down = "";
  beforeAll(async () => {
    for (const [i, code] of codes.entries()) sims.set(code, await startSimulator({ seed: 100 + i }));
    down = await closedPort();
  });
  beforeEach(() => {
    for (const [code, s] of sims) {
      s.reset();
      if (fixtures[code]) s.seed(fixtures[code]);
    }
  });
  afterAll(async () => {
    await Promise.all([...sims.values()].map((s) => s.stop()));
    sims.clear();
  });
  const sim = (code: string) => sims.get(code) ?? (() => { throw new Error(`no simulator for metro ${code}`); })();
  const sent = (code: string): Sent[] =>
    sim(code).journal().map((e) => {
      const query = new URLSearchParams();
      for (const [k, v] of Object.entries(e.query)) for (const one of Array.isArray(v) ? v : [v]) query.append(k, one);
      return { method: e.method, path: e.path, query, body: e.body };
    });
  return {
    sim,
    sent,
    counts: () => Object.fromEntries(codes.map((c) => [c, sim(c).journal().length])),
    account(setup = {}) {
      const clients = Object.fromEntries(
        codes.map((code) => {
          const baseUrl = setup.down?.includes(code) ? down : sim(code).url;
          return [code, new UnikraftCloud({ baseUrl, token: "test-token", maxRetries: 0, ...setup.clients?.[code] })];
        }),
      );
      return accountWide(clients, { defaultMetro: setup.defaultMetro, concurrency: setup.concurrency });
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
