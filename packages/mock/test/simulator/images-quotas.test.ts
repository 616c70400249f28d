import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMock, type Mock } from "../../src/index.js";
import { call } from "./support.js";

let mock: Mock;
const sim = () => mock.simulator!;

beforeAll(async () => {
  mock = await startMock({ simulator: { seed: 9, clock: { manual: true }, quotas: { instances: 10, live_memory_mb: 2048, volumes: 5, total_volume_mb: 1000, service_groups: 4 } } });
});
afterAll(async () => {
  await mock?.stop();
});
beforeEach(() => {
  sim().reset();
});

describe("images", () => {
  it("answers the seeded catalogue with deterministic sha256 digests", async () => {
    const r = await call(mock, "GET", "/v1/images");
    expect(r.status).toBe(200);
    const tags = r.body.data.images.map((i: { tag: string }) => i.tag);
    expect(tags).toEqual(["nginx:latest", "redis:7.2", "python:3.12", "node:22"]);
    for (const img of r.body.data.images) expect(img.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    sim().reset();
    const again = await call(mock, "GET", "/v1/images");
    expect(again.body.data.images.map((i: { digest: string }) => i.digest)).toEqual(r.body.data.images.map((i: { digest: string }) => i.digest));
  });

  it("filters by tag and digest; no match is an empty list", async () => {
    const nginx = (await call(mock, "GET", "/v1/images", { query: { tag: "nginx:latest" } })).body.data.images;
    expect(nginx).toHaveLength(1);
    expect(nginx[0]).toMatchObject({ tag: "nginx:latest", ports: ["80/tcp"], persistent: false });
    const short = (await call(mock, "GET", "/v1/images", { query: { tag: "nginx" } })).body.data.images;
    expect(short.map((i: { tag: string }) => i.tag)).toEqual(["nginx:latest"]);
    const byDigest = (await call(mock, "GET", "/v1/images", { query: { digest: nginx[0].digest } })).body.data.images;
    expect(byDigest.map((i: { tag: string }) => i.tag)).toEqual(["nginx:latest"]);
    const none = await call(mock, "GET", "/v1/images", { query: { tag: "nope:1" } });
    expect(none.body).toMatchObject({ status: "success", data: { images: [] } });
  });

  it("pins and unpins; the image store holds the pinned images", async () => {
    expect((await call(mock, "GET", "/v1/image-store")).body.data.images).toEqual([]);
    const pin = await call(mock, "POST", "/v1/images", { body: [{ url: "redis:7.2", timeout_s: 10 }, { url: "unikraft.io/acme/app:1.0", timeout_s: 10 }, { url: "ghost:1", timeout_s: 10, pull_policy: "never" }] });
    expect(pin.body.status).toBe("partial_success");
    expect(pin.body.data.images[0]).toMatchObject({ status: "success", name: "redis:7.2", state: "pinned", persistent: true });
    expect(pin.body.data.images[1]).toMatchObject({ status: "success", name: "acme/app:1.0" });
    expect(pin.body.data.images[2]).toMatchObject({ status: "error", error: 8 });
    const store = (await call(mock, "GET", "/v1/image-store")).body.data.images;
    expect(store.map((i: { tag: string }) => i.tag)).toEqual(["redis:7.2", "acme/app:1.0"]);
    expect((await call(mock, "GET", "/v1/image-store", { query: { tag: "redis:7.2" } })).body.data.images).toHaveLength(1);
    const unpin = await call(mock, "DELETE", "/v1/images", { body: [{ uuid: pin.body.data.images[0].uuid }, { uuid: "00000000-0000-4000-8000-0000000000ff" }] });
    expect(unpin.body.status).toBe("partial_success");
    expect(unpin.body.data.images[0]).toMatchObject({ status: "success", name: "redis:7.2" });
    expect(unpin.body.data.images[1]).toMatchObject({ status: "error", error: 8 });
    expect((await call(mock, "GET", "/v1/image-store")).body.data.images.map((i: { tag: string }) => i.tag)).toEqual(["acme/app:1.0"]);
  });
});

describe("quotas", () => {
  it("answers used and hard limits computed from the state", async () => {
    const empty = await call(mock, "GET", "/v1/users/quotas");
    expect(empty.status).toBe(200);
    const q = empty.body.data.quotas[0];
    expect(q).toMatchObject({ status: "success", used: { instances: 0, live_instances: 0, volumes: 0, total_volume_mb: 0, service_groups: 0, services: 0 }, hard: { instances: 10, live_memory_mb: 2048, volumes: 5, total_volume_mb: 1000, service_groups: 4 } });
    expect(q.limits).toMatchObject({ min_memory_mb: 16, min_vcpus: 1 });

    sim().seed({ instances: [{ name: "a", state: "running", memory_mb: 256, vcpus: 2 }, { name: "b", state: "stopped", memory_mb: 512 }] });
    await call(mock, "POST", "/v1/volumes", { body: { size_mb: 100 } });
    await call(mock, "POST", "/v1/volumes", { body: { size_mb: 50 } });
    await call(mock, "POST", "/v1/services", { body: { services: [{ port: 443 }, { port: 80 }] } });
    const used = (await call(mock, "GET", `/v1/users/${q.uuid}/quotas`)).body.data.quotas[0].used;
    expect(used).toEqual({ instances: 2, live_instances: 1, live_vcpus: 2, live_memory_mb: 256, service_groups: 1, services: 2, volumes: 2, total_volume_mb: 150 });

    const over = await call(mock, "POST", "/v1/volumes", { body: { size_mb: 900 } });
    expect(over.body.data.volumes[0]).toMatchObject({ status: "error", error: 19 });
    const stranger = await call(mock, "GET", "/v1/users/00000000-0000-4000-8000-00000000beef/quotas");
    expect(stranger.body.status).toBe("error");
    expect(stranger.body.data.quotas[0]).toMatchObject({ status: "error", error: 8 });
  });
});
