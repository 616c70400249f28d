// Unknown body fields are refused as the API refuses them (`'x' is not a valid member`), by the
// simulator itself (without Prism in front, e.g. startSimulator() in the SDK's behaviour tests).
import { afterAll, beforeAll, expect, test } from "vitest";
import { startSimulator, type Simulator } from "../../src/index";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 3, clock: { manual: true } });
});
afterAll(() => sim.stop());

const send = (method: string, path: string, body: unknown) =>
  fetch(sim.url + path, { method, headers: { Authorization: "Bearer t", "content-type": "application/json" }, body: JSON.stringify(body) });

test("a misspelt field of a create is a 400 naming it, and nothing is created", async () => {
  const res = await send("POST", "/v1/instances", { name: "web", image: "nginx:latest", memroy_mb: 256 });
  expect(res.status).toBe(400);
  expect((await res.json()).message).toBe("'memroy_mb' is not a valid member");
  expect(sim.state().instances).toEqual([]);
});

test("each item of a batch is checked, by-UUID bodies too", async () => {
  const created = await (await send("POST", "/v1/instances", { name: "api", image: "nginx:latest" })).json();
  const uuid = created.data.instances[0].uuid;
  const batch = await send("PUT", "/v1/instances/stop", [{ name: "api", forse: true }]);
  expect(batch.status).toBe(400);
  expect((await batch.json()).message).toBe("'forse' is not a valid member");
  const one = await send("PUT", `/v1/instances/${uuid}/stop`, { drain_timeout: 5 });
  expect(one.status).toBe(400);
  expect((await one.json()).message).toBe("'drain_timeout' is not a valid member");
  const ok = await send("PUT", `/v1/instances/${uuid}/start`, {});
  expect(ok.status).toBe(200);
});
