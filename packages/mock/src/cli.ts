/**
 * `ukc-mock`: start the Unikraft Cloud simulator (behind Prism) from the command line, or, with
 * `--mode examples`, a Prism mock that answers with the spec's examples.
 *
 *   npx ukc-mock --port 4010 [--host 127.0.0.1] [--mode simulator|examples] [--seed 42] [--speed 10]
 *                [--spec ./openapi.yaml] [--dynamic] [--verbose]
 *
 * SIGINT and SIGTERM stop the servers (and are forwarded to Prism); if this process is killed
 * outright, Prism's watchdog ends Prism too.
 *
 * Exit codes: 0 after SIGINT/SIGTERM, 1 when the server fails to start or dies, 2 for a usage error.
 */
import { parseArgs } from "node:util";
import { startMock } from "./index.js";

const usage =
  "usage: ukc-mock [--port 4010] [--host 127.0.0.1] [--mode simulator|examples] [--seed N] [--speed N] [--spec path/to/openapi.yaml] [--dynamic] [--verbose]";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

function usageError(message: string): never {
  console.error(`ukc-mock: ${message}\n${usage}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string", short: "p" },
        host: { type: "string", short: "h" },
        spec: { type: "string" },
        mode: { type: "string", default: "simulator" },
        seed: { type: "string" },
        speed: { type: "string" },
        dynamic: { type: "boolean", default: false },
        verbose: { type: "boolean", short: "v", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  let port: number | undefined;
  if (values.port !== undefined) {
    port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : Number.NaN;
    if (!(port >= 0 && port <= 65535)) usageError(`--port must be an integer from 0 to 65535, got '${values.port}'`);
  }
  if (values.host !== undefined && !LOOPBACK.has(values.host)) {
    usageError(`--host must be a loopback address (127.0.0.1, ::1 or localhost), got '${values.host}'`);
  }
  if (values.mode !== "simulator" && values.mode !== "examples") usageError(`--mode must be simulator or examples, got '${values.mode}'`);
  const number = (flag: string, value: string | undefined, ok: (n: number) => boolean) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!ok(n)) usageError(`${flag} must be ${flag === "--seed" ? "an integer" : "a positive number"}, got '${value}'`);
    return n;
  };
  const seed = number("--seed", values.seed, Number.isSafeInteger);
  const speed = number("--speed", values.speed, (n) => Number.isFinite(n) && n > 0);
  if (values.mode === "examples" && (seed !== undefined || speed !== undefined)) usageError("--seed and --speed apply to the simulator, not to --mode examples");
  const mock = await startMock({
    mode: values.mode,
    port,
    host: values.host,
    spec: values.spec,
    dynamic: values.dynamic,
    ...(values.mode === "simulator" ? { simulator: { ...(seed !== undefined ? { seed } : {}), ...(speed !== undefined ? { clock: { speed } } : {}) } } : {}),
    onLog: values.verbose ? (line) => console.error(line) : undefined,
  });
  const what = mock.simulator ? "Unikraft Cloud simulator (validated by Prism)" : "Unikraft Cloud API mock (the spec's examples)";
  console.log(`ukc-mock: ${what} listening on ${mock.url} (pid ${mock.pid})`);
  if (mock.simulator) console.log(`ukc-mock: simulator controls at ${mock.simulator.url}/_sim/ (reset, seed, state, clock, faults, journal)`);
  console.log(`ukc-mock: point the SDK at it with UKC_METRO=${mock.url} UKC_TOKEN=test`);
  let stopping = false;
  const shutdown = () => {
    stopping = true;
    void mock.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  const { code, signal } = await mock.exited;
  if (!stopping) {
    console.error(`ukc-mock: the Prism server exited unexpectedly (code ${code}, signal ${signal})`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(`ukc-mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
