/**
 * A simulator of the Unikraft Cloud Platform API, validated by Prism.
 *
 * `startMock()` starts, by default, a stateful simulator of the platform (instances boot and stop,
 * volumes attach, logs grow, waits are held by the server) and `@stoplight/prism-cli` in front of it
 * in proxy mode: every request and every simulated answer is validated against the Unikraft Cloud
 * OpenAPI document that ships in this package. With `mode: "examples"`, Prism alone answers every
 * call with the spec's examples. Either way the processes end with the one that started them.
 *
 * @packageDocumentation
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startSimulator, type Simulator, type SimulatorOptions } from "./simulator/index.js";

export type { Simulator, SimulatorOptions, Fixture, FaultRule, FaultAction, JournalEntry, Timings, Rule, RuleAction, RuleHandle, ScriptAnswer, ScriptRequest, SimAnswer } from "./simulator/index.js";
export { startSimulator } from "./simulator/index.js";

/** Options of {@link startMock}. */
export interface MockOptions {
  /**
   * `"simulator"` (default): the stateful simulator behind Prism in proxy mode. `"examples"`: Prism
   * alone, answering every call with the spec's examples.
   */
  mode?: "simulator" | "examples";
  /** Options of the simulator (seed, clock, timings, quotas, fixture); simulator mode only. */
  simulator?: SimulatorOptions;
  /** Port to listen on. Default: a free port chosen by the OS. */
  port?: number;
  /** Loopback host to bind. Default `127.0.0.1`. Only loopback addresses are accepted. */
  host?: string;
  /** Path of the OpenAPI document. Default: the Unikraft Cloud spec shipped in this package. */
  spec?: string;
  /** Examples mode: generate responses from the schemas instead of the spec's examples. Default `false`. */
  dynamic?: boolean;
  /** Milliseconds to wait for the server to listen before failing. Default 30000. */
  startTimeoutMs?: number;
  /** Receives every line Prism prints. Default: ignored. */
  onLog?: (line: string) => void;
  /**
   * The Node.js executable that runs Prism. Default: the current `node` (`process.execPath`); under
   * Bun or Deno, which cannot run Prism themselves, the `node` found on `PATH`.
   */
  node?: string;
}

/** A running mock server. */
export interface Mock {
  /** Base URL, for example `http://127.0.0.1:4010`. Point the SDK's `baseUrl` here. */
  url: string;
  /** The simulator's controls (reset, seed, clock, faults, logs, crashes, journal); simulator mode only. */
  simulator?: Simulator;
  /** The port the server listens on. */
  port: number;
  /** Process id of the Prism server. */
  pid: number;
  /** Settles when the Prism process has exited, for whatever reason (after `stop()` or a crash). */
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** Stops the server and waits until its process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

declare const __dirname: string | undefined;

/** Directory of this module, in the ESM build (`import.meta.url`) and in the CommonJS build (`__dirname`). */
function moduleDir(): string {
  return typeof __dirname === "string" ? __dirname : dirname(fileURLToPath(import.meta.url));
}

/** `process.execPath` when it is Node.js, else the `node` on `PATH` (Bun and Deno cannot run Prism). */
function nodeExecutable(): string {
  const versions = process.versions as NodeJS.ProcessVersions & { bun?: string; deno?: string };
  return versions.bun || versions.deno ? "node" : process.execPath;
}

/** Path of the Unikraft Cloud OpenAPI document shipped with this package. */
export function specPath(): string {
  const here = moduleDir();
  for (const candidate of [join(here, "..", "openapi.yaml"), join(here, "..", "..", "..", "spec", "openapi.yaml")]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error("@ukc/mock: openapi.yaml not found next to the package; reinstall @ukc/mock or pass { spec }");
}

/** Path of the watchdog preloaded into Prism: it ends Prism when its parent process is gone. */
function watchdogPath(): string | undefined {
  const here = moduleDir();
  for (const candidate of [join(here, "watchdog.cjs"), join(here, "..", "src", "watchdog.cjs")]) if (existsSync(candidate)) return candidate;
  return undefined;
}

/** Resolves the JavaScript entry of the Prism CLI, so it can run under `node` directly. */
export function prismEntry(): string {
  const require = createRequire(join(moduleDir(), "index.js"));
  const pkgPath = require.resolve("@stoplight/prism-cli/package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { bin?: string | Record<string, string> };
  const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin?.prism;
  if (!bin) throw new Error("@ukc/mock: @stoplight/prism-cli has no prism bin entry");
  return join(dirname(pkgPath), bin);
}

/** Asks the OS for a free TCP port on the host. */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Starts a Prism mock of the Unikraft Cloud API on a loopback port.
 *
 * @example
 * ```ts
 * const mock = await startMock();
 * const ukc = new UnikraftCloud({ baseUrl: mock.url, token: "test" });
 * // ... your tests ...
 * await mock.stop();
 * ```
 */
export async function startMock(options: MockOptions = {}): Promise<Mock> {
  const host = options.host ?? "127.0.0.1";
  if (!LOOPBACK.has(host)) {
    throw new Error(`@ukc/mock: host '${host}' is not a loopback address; use 127.0.0.1, ::1 or localhost`);
  }
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port >= 0 && options.port <= 65535)) {
    throw new RangeError(`@ukc/mock: port must be an integer from 0 to 65535, got ${String(options.port)}`);
  }
  const spec = options.spec ?? specPath();
  if (!existsSync(spec)) throw new Error(`@ukc/mock: spec file '${spec}' does not exist`);
  // Port 0 (like no port) means "any free port": Prism needs the actual number to report it.
  const port = options.port ? options.port : await freePort(host);
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const mode = options.mode ?? "simulator";
  if (mode !== "simulator" && mode !== "examples") throw new TypeError(`@ukc/mock: mode must be "simulator" or "examples", got ${JSON.stringify(mode)}`);
  const simulator = mode === "simulator" ? await startSimulator({ host, spec, ...options.simulator }) : undefined;
  const watchdog = watchdogPath();
  const args = [...(watchdog ? ["--require", watchdog] : []), prismEntry()];
  if (simulator) args.push("proxy", spec, simulator.url, "--errors", "--host", host, "--port", String(port));
  else args.push("mock", spec, "--host", host, "--port", String(port));
  if (options.dynamic && !simulator) args.push("--dynamic");
  const child = spawn(options.node ?? nodeExecutable(), args, {
    env: { ...process.env, SCARF_ANALYTICS: "false", NO_COLOR: "1", FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exitedPromise = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  // A spawn failure (for example no `node` on PATH) arrives as an 'error' event, then 'exit' may never come.
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });
  let output = "";
  const onData = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output = (output + text).slice(-4000);
    if (options.onLog) for (const line of text.split("\n")) if (line.trim()) options.onLog(line);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited(child);
      clearTimeout(timer);
    }
    await simulator?.stop();
  };

  await waitUntilListening().catch(async (error: unknown) => {
    await simulator?.stop();
    throw error;
  });

  function waitUntilListening() {
    return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      void stop();
      reject(new Error(`@ukc/mock: Prism did not listen on ${host}:${port} within ${timeoutMs} ms. Output:\n${output}`));
    }, timeoutMs);
    const check = (chunk: Buffer) => {
      if (/Prism is listening on/i.test(output) || /listening on/i.test(chunk.toString("utf8"))) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`@ukc/mock: Prism exited (code ${code}) before listening. Output:\n${output}`));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new Error(`@ukc/mock: could not start Prism with '${String(child.spawnfile)}': ${error.message}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off("data", check);
      child.stderr?.off("data", check);
      child.off("exit", onExit);
      child.off("error", onError);
    };
    if (spawnError) return onError(spawnError);
    child.stdout?.on("data", check);
    child.stderr?.on("data", check);
    child.once("exit", onExit);
    child.once("error", onError);
  });
  }

  const urlHost = host.includes(":") ? `[${host}]` : host;
  return { url: `http://${urlHost}:${port}`, port, pid: child.pid ?? -1, exited: exitedPromise, stop, ...(simulator ? { simulator } : {}) };
}
