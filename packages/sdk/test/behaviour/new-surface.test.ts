// Behaviour of the newer SDK surface against the simulator: checkpoints and their history, volume
// clones, volume templates, certificate updates, and pinned images. Each flow asserts what the
// simulated platform really did (UUIDs, names, states) and one failure path; invalid inputs are
// refused before any request.
import { describe, expect, test } from "vitest";
import { add, APIError, BatchError, NotFoundError, UnikraftCloud, ValidationError } from "../../src/index";
import { EXAMPLE_INSTANCE, rejection, sim, simClient, useSimulator } from "./support";

const WEB = EXAMPLE_INSTANCE;
const DB = { uuid: "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13", name: "db", state: "stopped" };
const DATA = { uuid: "c1d2e3f4-5678-90ab-cdef-1234567890ab", name: "data", state: "available", size_mb: 64, tags: ["db"] };
const CERT = { uuid: "5b0c9d8e-7f6a-4b5c-8d9e-0f1a2b3c4d5e", name: "example", common_name: "example.com" };
const CHAIN = "-----BEGIN CERTIFICATE-----\nMIIBrenewed\n-----END CERTIFICATE-----\n";
const PKEY = "-----BEGIN PRIVATE KEY-----\nMIGHrenewed\n-----END PRIVATE KEY-----\n";
const UNKNOWN_UUID = "0f0e0d0c-0b0a-4909-8807-060504030201";

useSimulator({ fixture: { instances: [WEB, DB], volumes: [DATA], certificates: [CERT] } });
const client = simClient({ maxRetries: 0 });

/** A client whose fetch fails the test: for inputs that must be refused before sending. */
function offline(): UnikraftCloud {
  return new UnikraftCloud({
    baseUrl: "http://127.0.0.1:9",
    token: "test-token",
    maxRetries: 0,
    fetch: async () => {
      throw new Error("no request may be sent for an invalid input");
    },
  });
}

/** Expects the call to be refused with a ValidationError on `field` (a sync throw counts too). */
async function refused(call: (ukc: UnikraftCloud) => Promise<unknown>, field: string | RegExp): Promise<void> {
  const error = await rejection(Promise.resolve().then(() => call(offline())));
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).field).toMatch(field);
}

describe("checkpoints", () => {
  test("taken of a running and a stopped instance, listed, read, tagged, traced and deleted", async () => {
    const ukc = client();
    const first = await ukc.checkpoints.create(WEB.name, { name: "web-nightly", tags: ["nightly"] });
    expect(first).toMatchObject({ status: "success", name: "web-nightly", state: "checkpoint" });
    expect(first.uuid).toMatch(/^[0-9a-f-]{36}$/);

    // Several in one request: names are generated, each result belongs to its instance by position.
    const [second, ofDb] = await ukc.checkpoints.create([{ uuid: WEB.uuid }, DB.name], { tags: ["weekly"] });
    expect(second!.name).toBe(`${WEB.name}-ckpt-2`);
    expect(ofDb!.name).toBe(`${DB.name}-ckpt-1`);
    expect([second!.state, ofDb!.state]).toEqual(["checkpoint", "checkpoint"]);

    const listed = [];
    for await (const c of ukc.checkpoints.list()) listed.push(c.name);
    expect(listed).toEqual(["web-nightly", `${WEB.name}-ckpt-2`, `${DB.name}-ckpt-1`]);
    const nightly = [];
    for await (const c of ukc.checkpoints.list({ tags: ["nightly"] })) nightly.push(c.uuid);
    expect(nightly).toEqual([first.uuid]);

    const read = await ukc.checkpoints.get("web-nightly");
    expect(read).toMatchObject({ uuid: first.uuid, state: "checkpoint", image: "nginx:latest", tags: ["nightly"] });

    const updated = await ukc.checkpoints.update(first.uuid, { tags: add(["keep"]) });
    expect(updated).toMatchObject({ status: "success", uuid: first.uuid, name: "web-nightly" });
    expect((await ukc.checkpoints.get(first.uuid)).tags).toEqual(["nightly", "keep"]);

    // The lineage of the second checkpoint of web: both of web's, oldest first; db's is not in it.
    const lineage = await ukc.checkpoints.history(second!.uuid);
    expect(lineage.history?.map((h) => h.uuid)).toEqual([first.uuid, second!.uuid]);
    const [webHistory, dbHistory] = await ukc.instances.history([WEB.name, { uuid: DB.uuid }]);
    expect(webHistory!.history?.map((h) => h.name)).toEqual(["web-nightly", `${WEB.name}-ckpt-2`]);
    expect(dbHistory!.history?.map((h) => h.uuid)).toEqual([ofDb!.uuid]);

    const deleted = await ukc.checkpoints.delete(["web-nightly", ofDb!.uuid]);
    expect(deleted.map((d) => d.uuid)).toEqual([first.uuid, ofDb!.uuid]);
    expect(await rejection(ukc.checkpoints.get("web-nightly"))).toBeInstanceOf(NotFoundError);
    expect((await ukc.instances.history(WEB.uuid)).history?.map((h) => h.uuid)).toEqual([second!.uuid]);
  });

  test("of an unknown instance: NotFoundError alone, a BatchError naming it among others", async () => {
    const ukc = client();
    expect(await rejection(ukc.checkpoints.create("ghost"))).toBeInstanceOf(NotFoundError);
    const error = await rejection(ukc.checkpoints.create([WEB.name, "ghost"]));
    expect(error).toBeInstanceOf(BatchError);
    const batch = error as BatchError<{ uuid: string; name: string }>;
    expect(batch.succeeded.map((c) => c.name)).toEqual([`${WEB.name}-ckpt-1`]);
    expect(batch.failed.map((f) => [f.ref, f.code])).toEqual([["ghost", 8]]);
    expect(batch.failed[0]!.error).toBeInstanceOf(NotFoundError);
  });

  test("a locked checkpoint is not deleted (error 14) until unlocked", async () => {
    const ukc = client();
    const ckpt = await ukc.checkpoints.create(DB.uuid, { name: "db-locked" });
    await ukc.checkpoints.update("db-locked", { delete_lock: true });
    const error = await rejection(ukc.checkpoints.delete(ckpt.uuid));
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).code).toBe(14);
    await ukc.checkpoints.update(ckpt.uuid, { delete_lock: false });
    expect((await ukc.checkpoints.delete("db-locked")).uuid).toBe(ckpt.uuid);
  });

  test("bad settings and patches are refused before any request", async () => {
    await refused((ukc) => ukc.checkpoints.create(WEB.name, { colour: "red" } as never), "params");
    await refused((ukc) => ukc.checkpoints.create(WEB.name, { timeout_s: "soon" } as never), "params.timeout_s");
    await refused((ukc) => ukc.checkpoints.create([WEB.name, DB.name], { name: "one-name" }), "params.name");
    await refused((ukc) => ukc.checkpoints.update(WEB.name, { image: "nginx:1.25" } as never), "patch.image");
    await refused((ukc) => ukc.checkpoints.update(WEB.name, { delete_lock: 1 } as never), "patch.delete_lock");
  });
});

describe("volume clones", () => {
  test("a copy is a new volume with its own UUID and name; the source is unchanged", async () => {
    const ukc = client();
    const copy = await ukc.volumes.clone(DATA.name, { vol_name: "data-copy" });
    expect(copy).toMatchObject({ status: "success", name: "data-copy" });
    expect(copy.uuid).not.toBe(DATA.uuid);
    const ready = await ukc.volumes.waitUntil(copy.uuid, { state: "available" }, { timeoutMs: 5_000, intervalMs: 50 });
    expect(ready).toMatchObject({ name: "data-copy", size_mb: DATA.size_mb, tags: DATA.tags });
    expect((await ukc.volumes.get(DATA.uuid)).state).toBe("available");

    // By UUID, with generated names, several at once.
    const [a, b] = await ukc.volumes.clone([DATA.uuid, "data-copy"], { tags: ["copy"] });
    expect(new Set([a!.uuid, b!.uuid, copy.uuid, DATA.uuid]).size).toBe(4);
  });

  test("of an unknown volume: NotFoundError; a BatchError among others", async () => {
    const ukc = client();
    expect(await rejection(ukc.volumes.clone("ghost-vol"))).toBeInstanceOf(NotFoundError);
    const error = await rejection(ukc.volumes.clone([DATA.name, "ghost-vol"]));
    expect(error).toBeInstanceOf(BatchError);
    expect((error as BatchError).failed.map((f) => f.ref)).toEqual(["ghost-vol"]);
    expect((error as BatchError).succeeded).toHaveLength(1);
  });

  test("bad settings are refused before any request", async () => {
    await refused((ukc) => ukc.volumes.clone(DATA.name, { size_mb: 128 } as never), "params");
    await refused((ukc) => ukc.volumes.clone(DATA.name, { tags: "copy" } as never), "params.tags");
  });
});

describe("volume templates", () => {
  test("a volume becomes a template (same UUID and name), is listed, updated, used and deleted", async () => {
    const ukc = client();
    const tpl = await ukc.volumeTemplates.create(DATA.name);
    expect(tpl).toMatchObject({ status: "success", uuid: DATA.uuid, name: DATA.name, state: "template" });
    // It is a template now, no longer a volume.
    expect(await rejection(ukc.volumes.get(DATA.name))).toBeInstanceOf(NotFoundError);

    const listed = [];
    for await (const t of ukc.volumeTemplates.list({ tags: ["db"] })) listed.push([t.uuid, t.state]);
    expect(listed).toEqual([[DATA.uuid, "template"]]);
    expect(await ukc.volumeTemplates.get(DATA.uuid)).toMatchObject({ name: DATA.name, size_mb: DATA.size_mb, state: "template" });

    await ukc.volumeTemplates.update(DATA.name, { tags: add(["base"]), delete_lock: true });
    expect(await ukc.volumeTemplates.get(DATA.name)).toMatchObject({ tags: ["db", "base"], delete_lock: true });

    const fromTemplate = await ukc.volumes.create({ name: "restored", template: { name: DATA.name } });
    expect(fromTemplate.name).toBe("restored");

    const locked = await rejection(ukc.volumeTemplates.delete(DATA.uuid));
    expect(locked).toBeInstanceOf(APIError);
    expect((locked as APIError).code).toBe(14);
    await ukc.volumeTemplates.update(DATA.uuid, { delete_lock: false });
    expect((await ukc.volumeTemplates.delete(DATA.name)).uuid).toBe(DATA.uuid);
    expect(await rejection(ukc.volumeTemplates.get(DATA.uuid))).toBeInstanceOf(NotFoundError);
  });

  test("of an unknown volume: NotFoundError; a BatchError among others", async () => {
    const ukc = client();
    expect(await rejection(ukc.volumeTemplates.create("ghost-vol"))).toBeInstanceOf(NotFoundError);
    const error = await rejection(ukc.volumeTemplates.create([DATA.uuid, "ghost-vol"]));
    expect(error).toBeInstanceOf(BatchError);
    expect((error as BatchError<{ uuid: string }>).succeeded.map((t) => t.uuid)).toEqual([DATA.uuid]);
    expect((error as BatchError).failed.map((f) => f.ref)).toEqual(["ghost-vol"]);
  });

  test("bad references and patches are refused before any request", async () => {
    await refused((ukc) => ukc.volumeTemplates.create({ uuid: "not-a-uuid" }), "refs");
    await refused((ukc) => ukc.volumeTemplates.update(DATA.name, { size_mb: 128 } as never), "patch.size_mb");
    await refused((ukc) => ukc.volumeTemplates.update(DATA.name, { tags: [1] } as never), /^patch\.tags/);
  });
});

describe("certificate update", () => {
  test("a new chain and key are taken and the certificate is validated again", async () => {
    const ukc = client();
    const cert = await ukc.certificates.update(CERT.name, { chain: CHAIN, pkey: PKEY });
    expect(cert).toMatchObject({ uuid: CERT.uuid, name: CERT.name, common_name: CERT.common_name });
    expect(["pending", "valid"]).toContain(cert.state);
    const valid = await ukc.certificates.waitUntil(CERT.uuid, { state: "valid" }, { timeoutMs: 5_000, intervalMs: 50 });
    expect(valid.uuid).toBe(CERT.uuid);
  });

  test("of an unknown certificate: NotFoundError", async () => {
    expect(await rejection(client().certificates.update(UNKNOWN_UUID, { chain: CHAIN, pkey: PKEY }))).toBeInstanceOf(NotFoundError);
  });

  test("a missing key or an unknown field is refused before any request", async () => {
    await refused((ukc) => ukc.certificates.update(CERT.name, { chain: CHAIN } as never), "params.pkey");
    await refused((ukc) => ukc.certificates.update(CERT.name, { chain: CHAIN, pkey: PKEY, name: "x" } as never), "params");
  });
});

describe("pinned images", () => {
  test("pin puts an image in the store, unpin takes it out again", async () => {
    const ukc = client();
    const pinned = await ukc.images.pin({ url: "nginx:latest", timeout_s: 60 });
    expect(pinned).toMatchObject({ status: "success", name: "nginx:latest", persistent: true });
    expect(pinned.uuid).toMatch(/^[0-9a-f-]{36}$/);

    const stored = await ukc.images.store("nginx:latest");
    expect(stored).toMatchObject({ tag: "nginx:latest", persistent: true });
    expect(await ukc.images.store(stored.digest ?? "")).toMatchObject({ tag: "nginx:latest" });

    const unpinned = await ukc.images.unpin(pinned.uuid);
    expect(unpinned).toMatchObject({ status: "success", uuid: pinned.uuid });
    expect(await rejection(ukc.images.store("nginx:latest"))).toBeInstanceOf(NotFoundError);
    // Still in the registry, only no longer pinned.
    expect((await ukc.images.get("nginx:latest")).persistent).toBe(false);
  });

  test("several images in one request; one that cannot be pulled is a BatchError naming it", async () => {
    const ukc = client();
    const error = await rejection(
      ukc.images.pin([
        { url: "redis:7.2", timeout_s: 60 },
        { url: "nobody/missing:1", timeout_s: 60, pull_policy: "never" },
      ]),
    );
    expect(error).toBeInstanceOf(BatchError);
    const batch = error as BatchError<{ name: string }>;
    expect(batch.succeeded.map((i) => i.name)).toEqual(["redis:7.2"]);
    expect(batch.failed.map((f) => f.code)).toEqual([8]);
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/images"]);
  });

  test("unpinning an unknown UUID is a NotFoundError", async () => {
    expect(await rejection(client().images.unpin(UNKNOWN_UUID))).toBeInstanceOf(NotFoundError);
  });

  test("bad items are refused before any request", async () => {
    await refused((ukc) => ukc.images.pin({ url: "nginx:latest" } as never), "params.timeout_s");
    await refused((ukc) => ukc.images.unpin("nginx:latest"), "uuid");
  });
});
