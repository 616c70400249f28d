import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { freePort, prismEntry, specPath } from "../src/index";

const pkgDir = fileURLToPath(new URL("..", import.meta.url));

test("specPath() is the openapi.yaml next to the package, a copy of spec/openapi.yaml", () => {
  const path = specPath();
  expect(path).toBe(join(pkgDir, "openapi.yaml"));
  const repoSpec = readFileSync(join(pkgDir, "..", "..", "spec", "openapi.yaml"), "utf8");
  expect(readFileSync(path, "utf8")).toBe(repoSpec);
  expect(readFileSync(path, "utf8")).toMatch(/^openapi: 3\.1\.\d/);
});

test("prismEntry() is the JavaScript entry of @stoplight/prism-cli 5.14.2", () => {
  const entry = prismEntry();
  expect(existsSync(entry)).toBe(true);
  expect(entry).toMatch(/\.js$/);
  const pkg = JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8"));
  expect(pkg).toMatchObject({ name: "@stoplight/prism-cli", version: "5.14.2" });
});

test("freePort() returns a port that can be bound right away", async () => {
  const port = await freePort();
  expect(Number.isInteger(port)).toBe(true);
  expect(port).toBeGreaterThan(0);
  expect(port).toBeLessThan(65536);
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
});

test("freePort() rejects for an address this machine cannot bind (no packet is sent)", async () => {
  await expect(freePort("203.0.113.1")).rejects.toThrow(/EADDRNOTAVAIL/);
});
