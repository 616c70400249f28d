// Creates an instance, waits until it is running, prints it, and deletes it.
//
//   pnpm build && node examples/create-and-wait.mjs
//
// Without UKC_TOKEN it runs against a local mock (see examples/README.md); the mock answers the
// spec's example instance, which is already `running`, so the wait returns at once.
import { IMAGE, print, run, uniqueName } from "./connect.mjs";

await run(async ({ ukc }) => {
  let uuid;
  try {
    // Create and start it. The call returns once the platform accepted it; the instance boots after.
    const created = await ukc.instances.create({ name: uniqueName("web"), image: IMAGE, memory_mb: 128, autostart: true });
    uuid = created.uuid;
    print("create", `${created.name} (${created.uuid}) ${created.state}`);

    // Wait until it runs: the server holds the request until the state is reached (or 60 s pass).
    const waited = await ukc.instances.wait(uuid, { state: "running", timeoutMs: 60_000 });
    print("wait", `${waited.name} ${waited.state}`);

    // Read it back.
    const instance = await ukc.instances.get(uuid);
    print(
      "get",
      `${instance.name} ${instance.state}, ${instance.image}, ${instance.memory_mb} MB, ${instance.vcpus} vCPU, ` +
        `fqdn ${instance.fqdn ?? instance.private_fqdn ?? "-"}, boot ${instance.boot_time_us ?? "?"} µs`,
    );
  } finally {
    // Delete it, also when a step above failed (running instances are stopped first).
    if (uuid) {
      const deleted = await ukc.instances.delete(uuid);
      print("delete", `${deleted.name} (was ${deleted.previous_state})`);
    }
  }
});
