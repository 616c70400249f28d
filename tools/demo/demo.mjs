// `pnpm demo`: the SDK (@ukc/sdk, built) through one instance's life: create it, wait for it to
// run, list instances, read its logs, stop it, wait for the stop, delete it.
//
// Without UKC_TOKEN it runs against the Unikraft Cloud simulator of @ukc/mock (started here and
// always stopped at the end), with Prism in front validating every request and answer against
// spec/openapi.yaml. With UKC_TOKEN it runs against the real API of UKC_METRO (a metro code such as
// `fra`, or a full URL; default `fra`) and creates a real instance of UKC_DEMO_IMAGE (default
// nginx:latest). The code below is the same for both.
import { randomBytes } from "node:crypto";
import { startMock } from "../../packages/mock/dist/index.js";
import { UnikraftCloud, explainStop } from "../../packages/sdk/dist/index.js";

const short = (uuid) => (uuid ? `${uuid.slice(0, 8)}…` : "?");
const print = (step, line) => console.log(`${step.padEnd(8)} ${line}`);

async function run(ukc) {
  const name = `ukc-demo-${randomBytes(3).toString("hex")}`;
  const image = process.env.UKC_DEMO_IMAGE ?? "nginx:latest";
  let created;
  try {
    // 1. Create and start the instance, then wait (server-side) until it runs.
    created = await ukc.instances.create({ name, image, memory_mb: 128, autostart: true });
    print("create", `${created.name} (${short(created.uuid)}) ${created.state}, ${image}`);
    const running = await ukc.instances.wait(created.uuid, { state: "running", timeoutMs: 30_000 });
    print("wait", `${running.name} is ${running.state}`);

    // 2. List the instances of the account.
    let count = 0;
    for await (const instance of ukc.instances.list({ pageSize: 50 })) {
      if (count++ < 5) console.log(`         - ${instance.name} (${short(instance.uuid)}) ${instance.state}`);
    }
    print("list", `${count} instance(s)`);

    // 3. Read the last 4 KiB of its log, decoded.
    const log = await ukc.instances.tail(created.uuid, { bytes: 4096 });
    print("logs", `bytes ${log.start}..${log.end} of ${log.available.start}..${log.available.end}`);
    for (const line of log.text.split("\n").filter(Boolean)) console.log(`         | ${line}`);

    // 4. Stop it and wait for the stop; say why it stopped.
    const stopping = await ukc.instances.stop(created.uuid, { drainTimeoutMs: 1_000 });
    print("stop", `${stopping.name} ${stopping.previous_state ?? "?"} -> ${stopping.state}`);
    await ukc.instances.wait(created.uuid, { state: "stopped", timeoutMs: 30_000 });
    print("stopped", explainStop(await ukc.instances.get(created.uuid)));
  } finally {
    // 5. Delete it, whatever happened above.
    if (created) {
      const deleted = await ukc.instances.delete(created.uuid);
      print("delete", `${deleted.name} (${short(deleted.uuid)}) deleted`);
    }
  }
}

let mock;
try {
  let ukc;
  if (process.env.UKC_TOKEN) {
    ukc = new UnikraftCloud();
    console.log(`ukc demo: talking to the Unikraft Cloud API at ${ukc.baseUrl}`);
  } else {
    mock = await startMock();
    ukc = new UnikraftCloud({ baseUrl: mock.url, token: "demo" });
    console.log(`ukc demo: UKC_TOKEN is not set, talking to the Unikraft Cloud simulator at ${mock.url} (validated by Prism)`);
  }
  await run(ukc);
  console.log("ukc demo: done");
} catch (error) {
  console.error(`ukc demo: failed: ${error?.message ?? error}`);
  process.exitCode = 1;
} finally {
  await mock?.stop();
}
