// Per-package smoke code for the consumer test and the runtime matrix, keyed by package name.
// Every package in packages/ needs an entry here: tools/consumer/project.mjs fails on a package
// without one, so a new package is never skipped silently.
//
// Each entry:
//   exports  named exports that `import` (ESM) and `require` (CJS) of the package must both have;
//   esm/cjs  optional extra statements run after loading, with `m` (the module), `assert`, `path`,
//            `fs` and `pkgDir` (the installed package directory) in scope;
//   types    a TypeScript module type-checked under moduleResolution nodenext (as .mts and .cts)
//            and bundler (as .ts), with skipLibCheck off; its `@ts-expect-error` lines prove the
//            declarations are real types and not `any`;
//   live     an ES module whose default export runs against a running mock (the simulator behind Prism):
//            `async ({ baseUrl, token }) => summary` — it throws on any unexpected answer.

/** @type {Record<string, { exports: string[], esm?: string, cjs?: string, types: string, live: string }>} */
export const SMOKE = {
  "@ukc/api": {
    exports: ["createClient", "bearerAuth", "resolveBaseUrl", "METROS", "DEFAULT_METRO"],
    esm: `assert.equal(m.resolveBaseUrl("fra"), "https://api.fra.unikraft.cloud");`,
    cjs: `assert.equal(m.resolveBaseUrl("http://127.0.0.1:4010/v1/"), "http://127.0.0.1:4010");`,
    types: `
import { createClient, resolveBaseUrl, type GetInstancesResponse, type UnikraftCloudClient } from "@ukc/api";

export async function check(baseUrl: string): Promise<string | undefined> {
  const api: UnikraftCloudClient = createClient({ baseUrl: resolveBaseUrl(baseUrl), token: "test" });
  const { data } = await api.GET("/v1/instances/{uuid}", {
    params: { path: { uuid: "123e4567-e89b-12d3-a456-426614174000" } },
  });
  const listing: GetInstancesResponse | undefined = data;
  const name: string | undefined = listing?.data?.instances?.[0]?.name;
  // @ts-expect-error: not a path of the API
  await api.GET("/v1/nope");
  // @ts-expect-error: the token is required
  createClient({ baseUrl });
  return name;
}
`,
    live: `
import { createClient } from "@ukc/api";

export default async function ({ baseUrl, token }) {
  const api = createClient({ baseUrl, token });
  const health = await api.GET("/v1/healthz");
  if (health.response.status !== 200 || health.data?.status !== "success") {
    throw new Error("healthz: " + health.response.status + " " + JSON.stringify(health.error ?? health.data));
  }
  // The mock is the stateful simulator: a created instance is listed, an unknown one is a 404.
  const created = await api.POST("/v1/instances", { body: { name: "smoke-api", image: "nginx:latest" } });
  const uuid = created.data?.data?.instances?.[0]?.uuid;
  const list = await api.GET("/v1/instances", { params: { query: { details: true } } });
  const names = (list.data?.data?.instances ?? []).map((instance) => instance.name);
  if (!names.includes("smoke-api")) throw new Error("listInstances: unexpected " + JSON.stringify(names));
  await api.DELETE("/v1/instances/{uuid}", { params: { path: { uuid } } });
  const missing = await api.GET("/v1/nope");
  if (missing.response.status !== 404) throw new Error("an unknown path: got " + missing.response.status);
  const anonymous = await fetch(baseUrl + "/v1/healthz");
  if (anonymous.status !== 401) throw new Error("without a token the mock answered " + anonymous.status);
  return "healthz 200, " + names.length + " instance(s) after a create, 404 for an unknown path, 401 without token";
}
`,
  },

  "@ukc/mock": {
    exports: ["startMock", "startSimulator", "specPath", "freePort", "prismEntry"],
    esm: `
assert.equal(m.specPath(), path.join(pkgDir, "openapi.yaml"));
assert.ok(fs.existsSync(m.prismEntry()), "prism entry " + m.prismEntry());`,
    cjs: `
assert.equal(m.specPath(), path.join(pkgDir, "openapi.yaml"));
assert.ok(fs.existsSync(m.prismEntry()), "prism entry " + m.prismEntry());
assert.match(fs.readFileSync(m.specPath(), "utf8"), /^openapi: 3\\.1/);`,
    types: `
import { freePort, specPath, startMock, type Mock, type MockOptions } from "@ukc/mock";

export async function check(): Promise<number> {
  const options: MockOptions = { mode: "examples", dynamic: true, host: "127.0.0.1", startTimeoutMs: 10_000 };
  const mock: Mock = await startMock(options);
  const url: string = mock.url;
  const spec: string = specPath();
  const port: number = await freePort();
  // @ts-expect-error: the port is a number
  await startMock({ port: "4010" });
  await mock.stop();
  return url.length + spec.length + port;
}
`,
    live: `
import { readFileSync } from "node:fs";
import { specPath, startMock } from "@ukc/mock";

export default async function ({ baseUrl, token }) {
  if (!readFileSync(specPath(), "utf8").startsWith("openapi: 3.1")) throw new Error("specPath() is not the spec");
  const generated = await startMock({ mode: "examples", dynamic: true });
  try {
    const res = await fetch(generated.url + "/v1/instances", { headers: { Authorization: "Bearer " + token } });
    const body = await res.json();
    if (res.status !== 200 || !Array.isArray(body.data?.instances)) throw new Error("dynamic mock: " + res.status);
  } finally {
    await generated.stop();
  }
  let refused = false;
  await fetch(generated.url + "/v1/healthz").catch(() => (refused = true));
  if (!refused) throw new Error("the stopped mock still answers on " + generated.url);
  const main = await fetch(baseUrl + "/v1/healthz", { headers: { Authorization: "Bearer " + token } });
  if (main.status !== 200) throw new Error("mock at " + baseUrl + " answered " + main.status);
  return "a second (dynamic) mock started and stopped; the first answers 200";
}
`,
  },

  "@ukc/sdk": {
    exports: ["UnikraftCloud", "withResponse", "add", "del", "lines", "explainStop", "ValidationError", "BatchError", "NotFoundError"],
    types: `
import { UnikraftCloud, add, type Instance } from "@ukc/sdk";

export async function check(baseUrl: string): Promise<string[]> {
  const ukc = new UnikraftCloud({ baseUrl, token: "test" });
  await ukc.health();
  const names: string[] = [];
  for await (const instance of ukc.instances.list()) names.push(instance.name);
  const web: Instance = await ukc.instances.create({ image: "nginx:latest", memory_mb: 256 });
  const uuid: string = web.uuid;
  await ukc.instances.update(uuid, { memory_mb: 512, tags: add(["blue"]) });
  // @ts-expect-error: memory_mb is a number
  await ukc.instances.update(uuid, { memory_mb: "512" });
  // @ts-expect-error: a forced stop does not drain
  await ukc.instances.stop(uuid, { force: true, drainTimeoutMs: 100 });
  // @ts-expect-error: not an instance state
  await ukc.instances.wait(uuid, { state: "runing" });
  // @ts-expect-error: the token is a string
  new UnikraftCloud({ token: 42 });
  return names;
}
`,
    live: `
import { UnikraftCloud } from "@ukc/sdk";

export default async function ({ baseUrl, token }) {
  const client = new UnikraftCloud({ baseUrl, token });
  const health = await client.health();
  if (health === null || typeof health !== "object") throw new Error("health(): " + JSON.stringify(health));
  // The mock is the stateful simulator: what is created is listed.
  const name = "smoke-" + Math.random().toString(16).slice(2, 8);
  const created = await client.instances.create({ name, image: "nginx:latest" });
  const names = [];
  for await (const instance of client.instances.list()) names.push(instance.name);
  if (!names.includes(name)) throw new Error("instances.list(): unexpected " + JSON.stringify(names));
  await client.instances.delete(created.uuid);
  return "health() ok, create + instances.list() gave " + names.length;
}
`,
  },
};
