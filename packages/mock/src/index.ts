/**
 * A Prism mock server of the Unikraft Cloud Platform API.
 *
 * `startMock()` starts `@stoplight/prism-cli` on a free loopback port with the Unikraft Cloud
 * OpenAPI document that ships in this package, waits until it listens, and returns its URL and a
 * `stop()` that ends the server process by its id. Every request is validated against the
 * contract: Prism answers 401 without a bearer token and 422 for a request the spec does not allow.
 *
 * @packageDocumentation
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Options of {@link startMock}. */
export interface MockOptions {
  /** Port to listen on. Default: a free port chosen by the OS. */
  port?: number;
  /** Loopback host to bind. Default `127.0.0.1`. Only loopback addresses are accepted. */
  host?: string;
  /** Path of the OpenAPI document. Default: the Unikraft Cloud spec shipped in this package. */
  spec?: string;
  /** Generate responses from the schemas instead of the spec's examples. Default `false`. */
  dynamic?: boolean;
  /** Milliseconds to wait for the server to listen before failing. Default 30000. */
  startTimeoutMs?: number;
  /** Receives every line Prism prints. Default: ignored. */
  onLog?: (line: string) => void;
}

/** A running mock server. */
export interface Mock {
  /** Base URL, for example `http://127.0.0.1:4010`. Point the SDK's `baseUrl` here. */
  url: string;
  /** The port the server listens on. */
  port: number;
  /** Process id of the Prism server. */
  pid: number;
  /** Stops the server and waits until its process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

/** Path of the Unikraft Cloud OpenAPI document shipped with this package. */
export function specPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, "..", "openapi.yaml"), join(here, "..", "..", "..", "spec", "openapi.yaml")]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error("@ukc/mock: openapi.yaml not found next to the package; reinstall @ukc/mock or pass { spec }");
}

/** Resolves the JavaScript entry of the Prism CLI, so it can run under `node` directly. */
export function prismEntry(): string {
  const require = createRequire(import.meta.url);
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
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
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
  const spec = options.spec ?? specPath();
  if (!existsSync(spec)) throw new Error(`@ukc/mock: spec file '${spec}' does not exist`);
  const port = options.port ?? (await freePort(host));
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const args = [prismEntry(), "mock", spec, "--host", host, "--port", String(port)];
  if (options.dynamic) args.push("--dynamic");
  const child = spawn(process.execPath, args, {
    env: { ...process.env, SCARF_ANALYTICS: "false", NO_COLOR: "1", FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
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
  };

  await new Promise<void>((resolve, reject) => {
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
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off("data", check);
      child.stderr?.off("data", check);
      child.off("exit", onExit);
    };
    child.stdout?.on("data", check);
    child.stderr?.on("data", check);
    child.once("exit", onExit);
  });

  const urlHost = host.includes(":") ? `[${host}]` : host;
  return { url: `http://${urlHost}:${port}`, port, pid: child.pid ?? -1, stop };
}
