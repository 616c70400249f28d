// A user's CI suite, written from the @ukc/mock README alone: the tests a deploy pipeline and a
// platform team would write, against startMock() (the simulator behind Prism), with no
// mock-specific code in the code under test. Only the test setup talks to `mock.simulator`.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMock } from "../packages/mock/dist/index.js";
import { BatchError, ConflictError, NotFoundError, UnikraftCloud, lines } from "../packages/sdk/dist/index.js";

let mock;
let ukc;

beforeAll(async () => {
  // Ten times real time: boots, stops and drains are quick, waits still go through the server.
  mock = await startMock({ simulator: { seed: 42, clock: { speed: 10 } } });
  ukc = new UnikraftCloud({ baseUrl: mock.url, token: "test", maxRetries: 4 });
});
afterAll(() => mock?.stop());
beforeEach(() => mock.simulator.reset());

/** The code under test: a deploy pipeline, written against the SDK only. */
async function deploy(ukc, name) {
  const volume = await ukc.volumes.create({ name: `${name}-data`, size_mb: 64 });
  await ukc.volumes.waitUntil(volume.uuid, { state: "available" }, { timeoutMs: 10_000 });
  const group = await ukc.serviceGroups.create({ name: `${name}-sg`, services: [{ port: 443, destination_port: 8080, handlers: ["tls", "http"] }] });
  const instance = await ukc.instances.create({
    name,
    image: "nginx:latest",
    memory_mb: 128,
    volumes: [{ uuid: volume.uuid, at: "/data" }],
    service_group: { uuid: group.uuid },
    autostart: true,
  });
  await ukc.instances.wait(instance.uuid, { state: "running", timeoutMs: 30_000 });
  return { volume, group, instance };
}

async function roll(ukc, ref, memoryMb) {
  await ukc.instances.stop(ref);
  await ukc.instances.wait(ref, { state: "stopped", timeoutMs: 30_000 });
  await ukc.instances.update(ref, { memory_mb: memoryMb });
  await ukc.instances.start(ref);
  return ukc.instances.wait(ref, { state: "running", timeoutMs: 30_000 });
}

describe("a deploy pipeline", () => {
  it("deploys a volume, a service group and an instance, tails its logs, rolls it and cleans up", async () => {
    const { volume, group, instance } = await deploy(ukc, "web");
    const fetched = await ukc.instances.get("web");
    expect(fetched).toMatchObject({ uuid: instance.uuid, state: "running", memory_mb: 128 });
    expect(fetched.service_group?.uuid ?? fetched.service_group?.name).toBeTruthy();

    const tail = await ukc.instances.tail("web", { bytes: 4096 });
    expect(tail.text.length).toBeGreaterThan(0);

    const rolled = await roll(ukc, instance.uuid, 256);
    expect(rolled.state).toBe("running");
    expect((await ukc.instances.get(instance.uuid)).memory_mb).toBe(256);

    await ukc.instances.stop(instance.uuid, { force: true });
    await ukc.instances.wait(instance.uuid, { state: "stopped", timeoutMs: 30_000 });
    await ukc.instances.delete(instance.uuid);
    await ukc.serviceGroups.delete(group.uuid);
    await ukc.volumes.delete(volume.uuid);
    await expect(ukc.instances.get("web")).rejects.toBeInstanceOf(NotFoundError);
    await expect(ukc.volumes.get(volume.uuid)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a second instance with the same name is a ConflictError", async () => {
    await ukc.instances.create({ name: "api", image: "nginx:latest" });
    await expect(ukc.instances.create({ name: "api", image: "nginx:latest" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("a batch with one unknown name reports the others' success and that one failure", async () => {
    await ukc.instances.create({ name: "a", image: "nginx:latest", autostart: true });
    await ukc.instances.create({ name: "b", image: "nginx:latest", autostart: true });
    await ukc.instances.wait(["a", "b"], { state: "running", timeoutMs: 30_000 });
    const error = await ukc.instances.stop(["a", "ghost", "b"]).catch((e) => e);
    expect(error).toBeInstanceOf(BatchError);
    expect(error.succeeded.map((i) => i.name).sort()).toEqual(["a", "b"]);
    expect(error.failed.map((f) => [f.ref, f.code])).toEqual([["ghost", 8]]);
    expect(error.failed[0].error).toBeInstanceOf(NotFoundError);
  });

  it("survives a storm of 503s with its retries", async () => {
    mock.simulator.fault({ method: "GET", path: "/v1/instances", times: 3, action: { type: "status", status: 503, retryAfterS: 0 } });
    await ukc.instances.create({ name: "storm", image: "nginx:latest" });
    const names = [];
    for await (const i of ukc.instances.list()) names.push(i.name);
    expect(names).toEqual(["storm"]);
    const statuses = mock.simulator.journal().filter((e) => e.method === "GET" && e.path === "/v1/instances").map((e) => e.status);
    expect(statuses).toEqual([503, 503, 503, 200]);
  });
});

describe("autoscale tooling", () => {
  it("sets up and tears down a service group's autoscaling", async () => {
    const base = await ukc.instances.create({ name: "base", image: "nginx:latest" });
    const [template] = await ukc.templates.create([base.uuid]);
    const group = await ukc.serviceGroups.create({ name: "scaled", services: [{ port: 443, destination_port: 8080, handlers: ["tls", "http"] }] });
    await ukc.autoscale.createConfiguration(group.uuid, { min_size: 1, max_size: 4, create_args: { template: { uuid: template.uuid } } });
    await ukc.autoscale.addPolicy(group.uuid, { name: "cpu-up", metric: "cpu", adjustment_type: "change", steps: [{ lower_bound: 80, adjustment: 1 }] });
    const config = await ukc.autoscale.getConfiguration(group.uuid);
    expect(config).toMatchObject({ min_size: 1, max_size: 4 });
    expect((await ukc.autoscale.listPolicies(group.uuid)).map((p) => p.name)).toEqual(["cpu-up"]);
    await ukc.autoscale.deletePolicy(group.uuid, "cpu-up");
    await ukc.autoscale.deleteConfiguration(group.uuid);
    await ukc.serviceGroups.delete(group.uuid);
    await ukc.templates.delete(template.uuid);
  });
});

describe("a web app that shows logs to its users", () => {
  it("follows the logs until the instance stops, every line once", async () => {
    const web = await ukc.instances.create({ name: "logs", image: "nginx:latest", autostart: true });
    await ukc.instances.wait(web.uuid, { state: "running", timeoutMs: 30_000 });
    const seen = [];
    const following = (async () => {
      for await (const line of lines(ukc.instances.follow(web.uuid, { from: "start", intervalMs: 50 }))) seen.push(line);
    })();
    for (let i = 1; i <= 3; i++) mock.simulator.appendLog(web.uuid, `request ${i}\n`);
    await new Promise((r) => setTimeout(r, 300));
    await ukc.instances.stop(web.uuid);
    await following;
    const requests = seen.filter((l) => l.startsWith("request "));
    expect(requests).toEqual(["request 1", "request 2", "request 3"]);
  });
});
