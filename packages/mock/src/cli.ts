/**
 * `ukc-mock`: start a Prism mock of the Unikraft Cloud API from the command line.
 *
 *   npx ukc-mock --port 4010 [--host 127.0.0.1] [--spec ./openapi.yaml] [--dynamic] [--verbose]
 *
 * Exit codes: 0 after SIGINT/SIGTERM, 1 when the server fails to start or dies, 2 for a usage error.
 */
import { parseArgs } from "node:util";
import { startMock } from "./index.js";

const usage =
  "usage: ukc-mock [--port 4010] [--host 127.0.0.1] [--spec path/to/openapi.yaml] [--dynamic] [--verbose]";

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
  const mock = await startMock({
    port,
    host: values.host,
    spec: values.spec,
    dynamic: values.dynamic,
    onLog: values.verbose ? (line) => console.error(line) : undefined,
  });
  console.log(`ukc-mock: Unikraft Cloud API mock listening on ${mock.url} (pid ${mock.pid})`);
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
