// Volumes: create one, wait until it is available, attach it to a (stopped) instance, detach it,
// delete both.
//
//   pnpm build && node examples/volumes.mjs
//
// A new volume becomes `available` once initialized. The mock always answers the spec's example
// volume, which is `mounted` already, so against the mock that state ends the wait too.
import { cleanup, IMAGE, print, run, uniqueName } from "./connect.mjs";

await run(async ({ ukc, mock }) => {
  let volume;
  let instance;
  let attached = false;
  try {
    // 1. A 16 MB volume.
    volume = await ukc.volumes.create({ name: uniqueName("vol"), size_mb: 16 });
    print("create", `volume ${volume.name} (${volume.uuid})`);

    // 2. Wait until it is available (polls GET with backoff; at most 60 s).
    const ready = await ukc.volumes.waitUntil(volume.uuid, { state: mock ? ["available", "mounted"] : "available" }, { timeoutMs: 60_000 });
    print("wait", `volume ${ready.name} ${ready.state}, ${ready.size_mb} MB`);

    // 3. A volume is attached to a stopped instance: create one without starting it.
    instance = await ukc.instances.create({ name: uniqueName("db"), image: IMAGE, memory_mb: 128, autostart: false });
    print("create", `instance ${instance.name} (${instance.uuid}) ${instance.state}`);

    // 4. Attach it at /mnt/data, look, detach it.
    const a = await ukc.volumes.attach(volume.uuid, { to: instance.uuid, at: "/mnt/data" });
    attached = true;
    print("attach", `volume ${a.name}: ${a.status}`);
    const seen = await ukc.volumes.get(volume.uuid);
    print("get", `volume ${seen.name} ${seen.state}, attached to ${(seen.attached_to ?? []).map((i) => i.name ?? i.uuid).join(", ") || "nothing"}`);
    const d = await ukc.volumes.detach(volume.uuid, { from: instance.uuid });
    attached = false;
    print("detach", `volume ${d.name}: ${d.status}`);
  } finally {
    // 5. Clean up, each step even when another failed.
    await cleanup([
      ["detach volume", async () => attached && (await ukc.volumes.detach(volume.uuid, { from: instance.uuid }))],
      ["delete volume", async () => volume && print("delete", `volume ${(await ukc.volumes.delete(volume.uuid)).name}`)],
      ["delete instance", async () => instance && print("delete", `instance ${(await ukc.instances.delete(instance.uuid)).name}`)],
    ]);
  }
});
