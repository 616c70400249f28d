// Shared setup of the SDK behaviour tests: the fault proxy in front of Prism (started for each
// test file, cleared before each test), clients that talk to it, and small helpers for timing.
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { startFaultProxy, type FaultProxy } from "../../../../tools/faults/index";
import { UnikraftCloud, type ClientOptions } from "../../src/index";

export { collect, rejection } from "../contract/support";

/** The fault proxy of the running test file, set by {@link useFaultProxy} before its tests. */
export let proxy: FaultProxy;

/**
 * Starts the fault proxy (in front of Prism) before the tests of the calling file, clears its
 * rules and record before each test, and stops it after the last one. Call it at the top level.
 */
export function useFaultProxy(): void {
  beforeAll(async () => {
    proxy = await startFaultProxy({ target: inject("prismUrl") });
  });
  beforeEach(() => proxy.reset());
  afterAll(() => proxy.stop());
}

/** Options a test may give a proxy client (the address and the token are the file's). */
export type ProxyClientOptions = Omit<ClientOptions, "baseUrl" | "token">;

/**
 * Makes the `client()` of a test file: a client of the fault proxy with token "test-token" and
 * `defaults` (a file's own `token`, `maxRetries: 0`, …), then the options of the test.
 */
export function proxyClient(defaults: Omit<ClientOptions, "baseUrl"> = {}): (options?: ProxyClientOptions) => UnikraftCloud {
  return (options = {}) => new UnikraftCloud({ baseUrl: proxy.url, token: "test-token", ...defaults, ...options });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the proxy has recorded `n` requests (so an abort hits a request in flight). */
export async function arrived(n: number): Promise<void> {
  while (proxy.requests.length < n) await sleep(2);
}

/** The rule that answered each recorded request, "prism" for those forwarded unchanged. */
export const ids = () => proxy.requests.map((r) => r.ruleId ?? "prism");
