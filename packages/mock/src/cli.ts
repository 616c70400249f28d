/**
 * `ukc-mock`: start a Prism mock of the Unikraft Cloud API from the command line.
 *
 *   npx ukc-mock --port 4010 [--host 127.0.0.1] [--spec ./openapi.yaml] [--dynamic]
 */
import { parseArgs } from "node:util";
import { startMock } from "./index.js";

const usage = "usage: ukc-mock [--port 4010] [--host 127.0.0.1] [--spec path/to/openapi.yaml] [--dynamic]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", short: "p" },
      host: { type: "string", short: "h" },
      spec: { type: "string" },
      dynamic: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    console.error(`ukc-mock: --port must be an integer from 0 to 65535, got '${values.port}'\n${usage}`);
    process.exit(2);
  }
  const mock = await startMock({ port, host: values.host, spec: values.spec, dynamic: values.dynamic });
  console.log(`ukc-mock: Unikraft Cloud API mock listening on ${mock.url} (pid ${mock.pid})`);
  console.log(`ukc-mock: point the SDK at it with UKC_METRO=${mock.url} UKC_TOKEN=test`);
  const shutdown = () => {
    void mock.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
