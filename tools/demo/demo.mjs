// `pnpm demo`: the low-level client (@ukc/api, built) through one instance's life: create it, list
// instances, read and decode its logs, stop it, delete it.
//
// Without UKC_TOKEN it runs against a Prism mock of spec/openapi.yaml (started here and always
// stopped at the end): Prism validates every request against the contract and answers the spec's
// examples. With UKC_TOKEN it runs against the real API of UKC_METRO (a metro code such as `fra`,
// or a full URL; default `fra`) and creates a real instance of UKC_DEMO_IMAGE (default nginx:latest).
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createClient, resolveBaseUrl } from "../../packages/api/dist/index.js";
import { startMock } from "../../packages/mock/dist/index.js";

const specFile = fileURLToPath(new URL("../../spec/openapi.yaml", import.meta.url));

/** Returns `data` of an openapi-fetch result, or throws with what the API said. */
function ok(step, { data, error, response }) {
  if (error !== undefined || !response.ok) {
    const status = [response.status, response.statusText].filter(Boolean).join(" ");
    throw new Error(`${step}: HTTP ${status}: ${error?.message ?? JSON.stringify(error)}`);
  }
  // Batch-shaped answers carry per-item failures with HTTP 200: report the first one.
  const items = Object.values(data?.data ?? {}).find(Array.isArray) ?? [];
  const failed = items.find((item) => item?.status === "error");
  if (data?.status === "error" || failed) {
    const code = failed?.error === undefined ? "" : ` (error ${failed.error})`;
    throw new Error(`${step}: ${failed?.message ?? data?.message ?? "status error"}${code}`);
  }
  return data;
}

const short = (uuid) => (uuid ? `${uuid.slice(0, 8)}…` : "?");
const print = (step, line) => console.log(`${step.padEnd(8)} ${line}`);

async function run(api) {
  const name = `ukc-demo-${randomBytes(3).toString("hex")}`;
  const image = process.env.UKC_DEMO_IMAGE ?? "nginx:latest";
  let uuid;
  let failure;
  try {
    // 1. Create and start the instance, waiting up to 5 s for it to run.
    const result = await api.POST("/v1/instances", {
      body: { name, image, memory_mb: 128, autostart: true, wait_timeout_ms: 5000 },
    });
    // Known even when the wait timed out (status error, instance listed): step 5 then deletes it.
    uuid = result.data?.data?.instances?.[0]?.uuid;
    const instance = ok("create", result).data?.instances?.[0];
    if (!uuid || !instance) throw new Error("create: the answer lists no instance");
    print("create", `${instance.name} (${short(uuid)}) ${instance.state}, ${instance.image}, ${instance.memory_mb} MB`);

    // 2. List the instances of the account.
    const listed = ok("list", await api.GET("/v1/instances", { params: { query: { details: true } } }));
    const instances = listed.data?.instances ?? [];
    print("list", `${instances.length} instance(s)`);
    for (const i of instances.slice(0, 5)) console.log(`         - ${i.name} (${short(i.uuid)}) ${i.state}`);
    if (instances.length > 5) console.log(`         … and ${instances.length - 5} more`);

    // 3. Read the last 4 KiB of its log: base64 -> bytes -> UTF-8.
    const logs = ok(
      "logs",
      // The by-UUID log endpoint reads no offset or limit: the batch endpoint with uuid= does.
      await api.GET("/v1/instances/log", { params: { query: { uuid: [uuid], offset: -4096, limit: 4096 } } }),
    );
    const log = logs.data?.instances?.[0];
    const bytes = Uint8Array.from(Buffer.from(log?.output ?? "", "base64"));
    const text = new TextDecoder("utf-8").decode(bytes);
    const { start = 0, end = 0 } = log?.range ?? {};
    print("logs", `bytes ${start}..${end} of ${log?.available?.start ?? 0}..${log?.available?.end ?? 0}, instance ${log?.state}`);
    for (const line of text.split("\n").filter(Boolean)) console.log(`         | ${line}`);

    // 4. Stop it (the call does not wait for the instance to be stopped).
    const stopped = ok("stop", await api.PUT("/v1/instances/{uuid}/stop", { params: { path: { uuid } }, body: {} }));
    const s = stopped.data?.instances?.[0];
    print("stop", `${s?.name} ${s?.previous_state} -> ${s?.state}`);
  } catch (error) {
    failure = error;
  }
  // 5. Delete it, also when a step above failed, so the demo leaves nothing behind.
  if (uuid) {
    try {
      const deleted = ok("delete", await api.DELETE("/v1/instances/{uuid}", { params: { path: { uuid } } }));
      const d = deleted.data?.instances?.[0];
      print("delete", `${d?.name} (${short(d?.uuid)}) deleted, was ${d?.previous_state}`);
    } catch (error) {
      if (failure) console.error(`ukc demo: could not delete ${name} (${uuid}): ${error.message}`);
      else failure = error;
    }
  }
  if (failure) throw failure;
}

async function main() {
  const token = process.env.UKC_TOKEN?.trim();
  let mock;
  const stopMock = async () => {
    const running = mock;
    mock = undefined;
    await running?.stop();
  };
  const onSignal = () => void stopMock().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    let api;
    if (token) {
      const metro = process.env.UKC_METRO?.trim() || "fra";
      api = createClient({ token, metro });
      console.log(`ukc demo: the Unikraft Cloud API at ${resolveBaseUrl(metro)}`);
    } else {
      mock = await startMock({ spec: specFile });
      api = createClient({ token: "demo-token", baseUrl: mock.url });
      console.log(`ukc demo: UKC_TOKEN is not set, using a Prism mock of spec/openapi.yaml at ${mock.url}`);
    }
    await run(api);
    console.log("ukc demo: done");
  } finally {
    await stopMock();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

main().catch((error) => {
  const cause = error?.cause?.message ? ` (${error.cause.message})` : "";
  console.error(`ukc demo failed: ${error instanceof Error ? error.message : String(error)}${cause}`);
  process.exitCode = 1;
});
