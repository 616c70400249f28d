import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { freePort, startMock, type Mock } from "../src/index";
import { acceptsConnections, auth, eventually, pidAlive } from "./helpers";

const specFile = fileURLToPath(new URL("../../../spec/openapi.yaml", import.meta.url));
const tinySpec = fileURLToPath(new URL("./fixtures/tiny.yaml", import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const spec = parse(readFileSync(specFile, "utf8")) as any;
const exampleOf = (path: string, method: string, status = "200") =>
  spec.paths[path][method].responses[status].content["application/json"].example;

describe("a running mock of the Unikraft Cloud spec", () => {
  let mock: Mock;
  beforeAll(async () => {
    mock = await startMock({ mode: "examples", spec: specFile });
  });
  afterAll(async () => {
    await mock?.stop();
  });

  test("listens on a loopback URL with the port it reports", async () => {
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    expect(mock.port).toBeGreaterThan(0);
    expect(pidAlive(mock.pid)).toBe(true);
    expect(await acceptsConnections(mock.port)).toBe(true);
  });

  test("answers an operation with the spec's example", async () => {
    const list = await fetch(`${mock.url}/v1/instances`, { headers: auth });
    expect(list.status).toBe(200);
    const body = await list.json();
    expect(body).toEqual(exampleOf("/v1/instances", "get"));
    expect(body.data.instances[0].name).toBe("funky-town-g756b5d");

    const health = await fetch(`${mock.url}/v1/healthz`, { headers: auth });
    expect(await health.json()).toEqual(exampleOf("/v1/healthz", "get"));
  });

  test("answers 401 without a bearer token", async () => {
    const res = await fetch(`${mock.url}/v1/healthz`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ status: "error", errors: [{ status: 401 }] });
  });

  test("rejects a request the spec does not allow, listing the violation (the spec declares 400)", async () => {
    const res = await fetch(`${mock.url}/v1/instances?count=abc`, { headers: auth });
    expect(res.status).toBe(400);
    expect((await res.json()).status).toBe("error");
    const violations = JSON.parse(res.headers.get("sl-violations") ?? "[]") as { location: string[] }[];
    expect(violations.map((v) => v.location.join("."))).toContain("request.query.count");
  });

  test("`Prefer: code=404` returns the documented error answer", async () => {
    const res = await fetch(`${mock.url}/v1/healthz`, { headers: { ...auth, Prefer: "code=404" } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: "error", errors: [{ status: 404 }] });
  });

  test("sends CORS headers, so a browser page may call it", async () => {
    const res = await fetch(`${mock.url}/v1/healthz`, { headers: { ...auth, Origin: "http://page.test" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("http://page.test");
  });
});

test("answers 422 on a bad request when the operation declares 422 (the `spec` option)", async () => {
  const mock = await startMock({ mode: "examples", spec: tinySpec });
  try {
    const ok = await fetch(`${mock.url}/echo?n=3`, { headers: auth });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ n: 7 });
    const bad = await fetch(`${mock.url}/echo?n=0`, { headers: auth });
    expect(bad.status).toBe(422);
    const unauthenticated = await fetch(`${mock.url}/echo?n=3`);
    expect(unauthenticated.status).toBe(401);
  } finally {
    await mock.stop();
  }
});

test("stop() ends the process: the port refuses connections and the pid is gone; stop twice is safe", async () => {
  const mock = await startMock({ spec: specFile });
  expect(await acceptsConnections(mock.port)).toBe(true);
  await mock.stop();
  expect(await eventually(() => !pidAlive(mock.pid))).toBe(true);
  expect(await acceptsConnections(mock.port)).toBe(false);
  await expect(mock.stop()).resolves.toBeUndefined();
  await expect(Promise.all([mock.stop(), mock.stop()])).resolves.toHaveLength(2);
  await expect(mock.exited).resolves.toMatchObject({ signal: "SIGTERM" });
});

test("an explicit port is used", async () => {
  const port = await freePort();
  const mock = await startMock({ spec: specFile, port });
  try {
    expect(mock.port).toBe(port);
    expect(mock.url).toBe(`http://127.0.0.1:${port}`);
    expect((await fetch(`${mock.url}/v1/healthz`, { headers: auth })).status).toBe(200);
  } finally {
    await mock.stop();
  }
});

test("a busy port fails with Prism's output instead of hanging", async () => {
  const first = await startMock({ spec: specFile });
  try {
    await expect(startMock({ spec: specFile, port: first.port })).rejects.toThrow(/Prism exited .* before listening/);
  } finally {
    await first.stop();
  }
});

test("refuses a non-loopback host", async () => {
  await expect(startMock({ host: "0.0.0.0" })).rejects.toThrow(/'0\.0\.0\.0' is not a loopback address/);
  await expect(startMock({ host: "192.168.1.10" })).rejects.toThrow(/not a loopback address/);
});

test("refuses a port out of range", async () => {
  await expect(startMock({ port: 70000 })).rejects.toThrow(RangeError);
  await expect(startMock({ port: 1.5 })).rejects.toThrow(/integer from 0 to 65535/);
});

test("a missing spec file is a clear error", async () => {
  await expect(startMock({ spec: "/nonexistent/openapi.yaml" })).rejects.toThrow(
    "@ukc/mock: spec file '/nonexistent/openapi.yaml' does not exist",
  );
});

test("a `node` that cannot be run is a clear error", async () => {
  await expect(startMock({ spec: specFile, node: "/nonexistent/node" })).rejects.toThrow(
    /could not start Prism with '\/nonexistent\/node'/,
  );
});

test("`dynamic` generates answers from the schemas instead of the examples", async () => {
  const mock = await startMock({ mode: "examples", spec: specFile, dynamic: true });
  try {
    const res = await fetch(`${mock.url}/v1/instances`, { headers: auth });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Array.isArray(body.data.instances)).toBe(true);
    expect(body).not.toEqual(exampleOf("/v1/instances", "get"));
  } finally {
    await mock.stop();
  }
});

test("onLog receives Prism's lines", async () => {
  const lines: string[] = [];
  const mock = await startMock({ spec: specFile, onLog: (line) => lines.push(line) });
  await mock.stop();
  expect(lines.some((line) => /listening on/i.test(line))).toBe(true);
});

test("an unknown mode is refused before anything starts", async () => {
  await expect(startMock({ mode: "live" as never })).rejects.toThrow(/mode must be "simulator" or "examples"/);
});

test("the default mode is the simulator behind Prism: state persists between calls, and the controls work", async () => {
  const mock = await startMock({ simulator: { seed: 1 } });
  try {
    expect(mock.simulator).toBeDefined();
    const health = await fetch(`${mock.url}/v1/healthz`, { headers: { Authorization: "Bearer test" } });
    expect(health.status).toBe(200);
    expect(health.headers.get("sl-violations")).toBeNull();
    expect(mock.simulator!.journal().map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(["GET /v1/healthz 200"]);
    mock.simulator!.clearJournal();
    expect(mock.simulator!.journal()).toEqual([]);
    // Prism validates the request before the simulator sees it: no token, no request.
    expect((await fetch(`${mock.url}/v1/healthz`)).status).toBe(401);
    expect(mock.simulator!.journal()).toEqual([]);
  } finally {
    await mock.stop();
  }
  expect(await acceptsConnections(mock.port)).toBe(false);
});
