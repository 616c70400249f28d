// The packages as a consumer gets them: packed with `pnpm pack`, installed with plain npm into a
// fresh project, then imported (ESM and CommonJS), type-checked (nodenext and bundler) and run
// against a Prism mock started by the installed @ukc/mock. See tools/consumer/project.mjs.
// Set UKC_CONSUMER_KEEP=1 to keep the temporary project, UKC_PACKAGES_DIR to test the packages of
// another directory than packages/ (every package there is tested all the same).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listPackages, packagesDir as packagesDirDefault } from "../pack/packages.mjs";
import { cleanEnv, consumerPackages, createConsumerProject, parseSmokeResult, slug, typecheck } from "./project.mjs";
import { SMOKE } from "./smoke-map.mjs";

const packagesDir = process.env.UKC_PACKAGES_DIR || packagesDirDefault;
if (packagesDir !== packagesDirDefault) console.log(`[consumer] packages from UKC_PACKAGES_DIR=${packagesDir}`);
const packages = listPackages(packagesDir);
let consumer;

beforeAll(() => {
  consumer = createConsumerProject({ packagesDir, log: (line) => console.log(`[consumer] ${line}`) });
});

afterAll(() => {
  if (!consumer) return;
  if (process.env.UKC_CONSUMER_KEEP) console.log(`[consumer] kept ${consumer.root}`);
  else rmSync(consumer.root, { recursive: true, force: true });
});

test("every package in packages/ has a smoke entry and was packed", () => {
  expect(packages.filter((p) => !SMOKE[p.name]).map((p) => p.name)).toEqual([]);
  expect(() => consumerPackages(packagesDir)).not.toThrow();
  expect(Object.keys(consumer.tarballs).sort()).toEqual(packages.map((p) => p.name).sort());
});

const node = (args, options = {}) =>
  spawnSync(process.execPath, args, { cwd: consumer.project, encoding: "utf8", env: cleanEnv(), timeout: 120_000, ...options });

describe.each(packages.map((p) => [p.name]))("%s", (name) => {
  test("import (ESM) loads dist/index.js with its exports", () => {
    const result = node([join("esm", `${slug(name)}.mjs`)]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ ok: true, kind: "esm", resolved: `node_modules/${name}/dist/index.js` });
  });

  test("require (CommonJS) loads dist/index.cjs with its exports", () => {
    const result = node([join("cjs", `${slug(name)}.cjs`)]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ ok: true, kind: "cjs", resolved: `node_modules/${name}/dist/index.cjs` });
  });
});

test.each([["nodenext", "tsconfig.nodenext.json"], ["bundler", "tsconfig.bundler.json"]])(
  "TypeScript 5.9 type-checks the packages under moduleResolution %s (skipLibCheck off)",
  (_, config) => {
    const result = typecheck(consumer.project, config);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  },
);

test("the type check can fail: a misuse of @ukc/api is reported under nodenext", () => {
  const dir = join(consumer.project, "negative");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "misuse.mts"), `import { createClient } from "@ukc/api";\ncreateClient({ baseUrl: "http://127.0.0.1:1" });\n`);
  writeFileSync(
    join(consumer.project, "tsconfig.negative.json"),
    JSON.stringify({ extends: "./tsconfig.nodenext.json", include: ["negative/*.mts"] }),
  );
  const result = typecheck(consumer.project, "tsconfig.negative.json");
  expect(result.status).not.toBe(0);
  expect(result.stdout).toMatch(/misuse\.mts.*error TS2345.*'token'/s);
});

test("the smoke script calls every package against a Prism mock started by the installed @ukc/mock", () => {
  const result = node(["smoke.mjs"]);
  const smoke = parseSmokeResult(result.stdout);
  expect(smoke, result.stdout + result.stderr).toBeDefined();
  expect(smoke.mockStartedHere).toBe(true);
  expect(smoke.results.map((r) => r.name).sort()).toEqual(packages.map((p) => p.name).sort());
  for (const r of smoke.results) expect(r, `${r.name}: ${r.detail}`).toMatchObject({ ok: true });
  expect(result.status).toBe(0);
});

test("the installed `ukc-mock` bin starts a mock, serves requests and exits 0 on SIGTERM", async () => {
  const child = spawn(join(consumer.project, "node_modules", ".bin", "ukc-mock"), ["--port", "0"], {
    cwd: consumer.project,
    env: cleanEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk) => {
        out += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1]);
      });
      child.once("exit", (code) => reject(new Error(`ukc-mock exited ${code}: ${out}`)));
    });
    const res = await fetch(`${url}/v1/healthz`, { headers: { Authorization: "Bearer test" } });
    expect(res.status).toBe(200);
    const exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
});
