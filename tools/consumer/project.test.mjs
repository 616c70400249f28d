// The consumer project's package discovery and smoke map: nothing is skipped silently.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { listPackages } from "../pack/packages.mjs";
import { consumerPackages, parseSmokeResult, slug } from "./project.mjs";
import { SMOKE } from "./smoke-map.mjs";

const work = mkdtempSync(join(tmpdir(), "ukc-consumer-unit-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tree(name, packages) {
  const root = join(work, name);
  for (const [dir, manifest] of Object.entries(packages)) {
    mkdirSync(join(root, dir), { recursive: true });
    if (manifest) writeFileSync(join(root, dir, "package.json"), JSON.stringify(manifest));
  }
  return root;
}

test("every package of this repository has a smoke entry with all its parts", () => {
  const names = listPackages().map((p) => p.name);
  expect(names).toContain("@ukc/api");
  expect(names).toContain("@ukc/mock");
  for (const name of names) {
    expect(SMOKE[name], `smoke entry for ${name}`).toBeDefined();
    expect(SMOKE[name].exports.length).toBeGreaterThan(0);
    expect(SMOKE[name].types).toContain(`from "${name}"`);
    expect(SMOKE[name].types).toContain("@ts-expect-error");
    expect(SMOKE[name].live).toMatch(/export default async function/);
  }
  expect(() => consumerPackages()).not.toThrow();
});

test("the @ukc/sdk entry uses new UnikraftCloud({ baseUrl, token }) and health()", () => {
  expect(SMOKE["@ukc/sdk"].live).toContain("new UnikraftCloud({ baseUrl, token })");
  expect(SMOKE["@ukc/sdk"].live).toContain("await client.health()");
});

test("a package without a smoke entry fails, naming it", () => {
  const root = tree("unknown", {
    mock: { name: "@ukc/mock", version: "1.0.0" },
    extra: { name: "@ukc/extra", version: "1.0.0" },
  });
  expect(() => consumerPackages(root)).toThrow(/no smoke entry for @ukc\/extra \(packages\/extra\)/);
});

test("a directory without a package.json fails, naming it", () => {
  const root = tree("half", { mock: { name: "@ukc/mock", version: "1.0.0" }, sdk: null });
  expect(() => consumerPackages(root)).toThrow(/packages without a package\.json: .*sdk/);
});

test("a tree without @ukc/mock fails: the live smoke needs it", () => {
  const root = tree("nomock", { api: { name: "@ukc/api", version: "1.0.0" } });
  expect(() => consumerPackages(root)).toThrow(/@ukc\/mock is not in/);
});

test("a private package fails rather than being left out", () => {
  const root = tree("private", { mock: { name: "@ukc/mock", version: "1.0.0" }, p: { name: "@ukc/api", version: "1.0.0", private: true } });
  expect(() => consumerPackages(root)).toThrow(/private packages .*@ukc\/api/);
});

test("helpers", () => {
  expect(slug("@ukc/api")).toBe("ukc-api");
  expect(parseSmokeResult('noise\nSMOKE_RESULT {"runtime":"node 20","results":[]}\n')).toEqual({ runtime: "node 20", results: [] });
  expect(parseSmokeResult("no result")).toBeUndefined();
});
