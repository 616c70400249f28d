// tools/pack/lint-packages.mjs: its own rules, and a whole run on fixture packages (one right,
// one wrong) so that a problem of each checker is shown to fail the run.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, test } from "vitest";
import { dataEntrypoints, declarationEntries, policyProblems, valueExportProblems } from "./lint-packages.mjs";

const script = fileURLToPath(new URL("./lint-packages.mjs", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "ukc-lint-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
}

const manifest = (dir, extra = {}) => ({
  name: `@ukc/fixture-${dir}`,
  version: "1.0.0",
  description: "A fixture package for the packaging lint test.",
  license: "Apache-2.0",
  repository: { type: "git", url: "git+https://example.test/ukc.git", directory: `packages/${dir}` },
  type: "module",
  sideEffects: false,
  main: "./dist/index.cjs",
  module: "./dist/index.js",
  types: "./dist/index.d.ts",
  exports: {
    ".": {
      import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
      require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
    },
    "./package.json": "./package.json",
  },
  files: ["dist", "README.md"],
  engines: { node: ">=20" },
  publishConfig: { access: "public" },
  ...extra,
});
const files = ["README.md", "dist/index.cjs", "dist/index.d.cts", "dist/index.d.ts", "dist/index.js", "package.json"];

test("a package that follows every rule has no policy problem", () => {
  expect(policyProblems(manifest("good"), "packages/good", files)).toEqual([]);
});

test("each broken rule is reported", () => {
  const bad = manifest("bad", {
    sideEffects: undefined,
    publishConfig: undefined,
    files: ["dist", "src"],
    exports: { ".": { import: "./dist/index.js" } },
    dependencies: { "@ukc/api": "workspace:*" },
  });
  bad.repository.directory = "packages/elsewhere";
  const problems = policyProblems(bad, "packages/bad", [...files, "src/index.ts"]);
  expect(problems).toEqual(
    expect.arrayContaining([
      "sideEffects should be false",
      'publishConfig.access should be "public" (scoped package)',
      "files should not publish src/ or test/",
      'exports["."].import.types is missing',
      'exports["."].require.default should be a .cjs file',
      'exports["./package.json"] is missing',
      "repository.directory is 'packages/elsewhere', expected 'packages/bad'",
      "src/index.ts should not be published",
      "dependencies.@ukc/api is 'workspace:*' in the tarball",
    ]),
  );
  expect(policyProblems(manifest("x"), "packages/x", files.filter((f) => f !== "dist/index.cjs"))).toEqual([
    "dist/index.cjs is referenced by package.json but not in the tarball",
  ]);
});

test("data files of the exports map are not checked by attw, modules are", () => {
  const pkg = manifest("m", { exports: { ...manifest("m").exports, "./openapi.yaml": "./openapi.yaml" } });
  expect(dataEntrypoints(pkg)).toEqual(["./openapi.yaml"]);
  expect(dataEntrypoints(manifest("n"))).toEqual([]);
});

function fixturePackage(root, dir, { types = true, extra = {} } = {}) {
  const base = join(root, dir);
  write(join(base, "package.json"), manifest(dir, extra));
  write(join(base, "README.md"), `# ${dir}\n`);
  write(join(base, "dist/index.js"), "export const answer = 42;\n");
  write(join(base, "dist/index.cjs"), '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.answer = 42;\n');
  if (types) {
    write(join(base, "dist/index.d.ts"), "export declare const answer: number;\n");
    write(join(base, "dist/index.d.cts"), "export declare const answer: number;\n");
  }
}

test("a run passes on a right package and fails on a wrong one, naming the checker", () => {
  const good = join(work, "good-tree");
  fixturePackage(good, "good");
  const ok = spawnSync(process.execPath, [script, "--packages-dir", good], { encoding: "utf8", timeout: 120_000 });
  expect(ok.stdout).toMatch(/@ukc\/fixture-good +✓ +✓ +✓ +✓/);
  expect(ok.stdout).toContain('values: exports["."].require: ./dist/index.d.cts exports 1 value(s), 1 in ./dist/index.cjs');
  expect(ok.stdout).toContain("lint:packages: 1 package(s) OK");
  expect(ok.status).toBe(0);

  const mixed = join(work, "mixed-tree");
  fixturePackage(mixed, "good");
  // No declarations (attw, publint, policy) and no "module" for an ESM package is fine, but a
  // `module` field pointing at a CommonJS file is a publint problem.
  fixturePackage(mixed, "wrong", { types: false, extra: { module: "./dist/index.cjs" } });
  const failed = spawnSync(process.execPath, [script, "--packages-dir", mixed], { encoding: "utf8", timeout: 120_000 });
  expect(failed.status).toBe(1);
  expect(failed.stdout).toMatch(/@ukc\/fixture-good +✓ +✓ +✓/);
  expect(failed.stdout).toMatch(/@ukc\/fixture-wrong +✗ +✗ +✗/);
  expect(failed.stdout).toContain("attw: the package does not contain types");
  expect(failed.stdout).toMatch(/publint error: .*index\.d\.ts.*does not exist/);
  expect(failed.stderr).toContain("lint:packages: 1 package(s) with problems: @ukc/fixture-wrong");
});

test("a directory under packages/ without a package.json fails the run", () => {
  const tree = join(work, "no-manifest-tree");
  mkdirSync(join(tree, "half-made", "src"), { recursive: true });
  const result = spawnSync(process.execPath, [script, "--packages-dir", tree], { encoding: "utf8" });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("packages without a package.json");
  expect(result.stderr).toContain("half-made");
});

// A tiny package whose declarations are `dts` (ESM) and the same text as .d.cts (CJS), and whose
// builds export `names` (ESM and CJS). `types.d.ts` / `types.d.cts` hold types and one value that
// is re-exported with `export type *`, so never a value of the package.
function valuesFixture(dir, { dts, names }) {
  const base = join(work, "values", dir);
  write(join(base, "package.json"), manifest(dir));
  for (const ext of ["ts", "cts"]) {
    write(join(base, `dist/index.d.${ext}`), dts.replaceAll("{js}", ext === "ts" ? "js" : "cjs"));
    write(join(base, `dist/types.d.${ext}`), "export interface Question { text: string }\nexport declare const phantom: number;\n");
    write(join(base, `dist/extra.d.${ext}`), "export declare const extra: number;\n");
  }
  const value = (name) => (name === "Oracle" ? "class Oracle {}" : name === "ask" ? "function () { return 42; }" : "42");
  write(join(base, "dist/index.js"), names.map((name) => (name === "Oracle" ? "export class Oracle {}\n" : `export const ${name} = ${value(name)};\n`)).join(""));
  write(join(base, "dist/index.cjs"), `"use strict";\n${names.map((name) => `exports.${name} = ${value(name)};\n`).join("")}`);
  return { dir: base, pkg: manifest(dir) };
}

const typesAndValues = `export type * from "./types.{js}";
export declare const answer: number;
export declare function ask(): number;
export declare class Oracle {}
export type Answer = number;
export { type Oracle as OracleType };
export declare const enum Inlined { A = 1 }
`;

test("the value-exports check passes when the build has every value the declarations export", async () => {
  const good = valuesFixture("values-good", { dts: typesAndValues, names: ["answer", "ask", "Oracle"] });
  expect(declarationEntries(good.pkg)).toEqual([
    { subpath: ".", loader: "import", types: "./dist/index.d.ts", js: "./dist/index.js" },
    { subpath: ".", loader: "require", types: "./dist/index.d.cts", js: "./dist/index.cjs" },
  ]);
  const { entries, problems } = await valueExportProblems(good.dir, good.pkg);
  expect(problems).toEqual([]);
  // Types, type-only exports (OracleType, `export type *`: phantom) and const enums are not values.
  expect(entries.map((entry) => [entry.loader, entry.values, entry.missing])).toEqual([
    ["import", ["Oracle", "answer", "ask"], []],
    ["require", ["Oracle", "answer", "ask"], []],
  ]);
});

test("the value-exports check fails on a value the declarations export and the build lacks, naming it", async () => {
  // The bug this check is for: `export *` of another module (another package, in the SDK) in the
  // declarations only, plus a plain declaration the build does not have.
  const bad = valuesFixture("values-bad", {
    dts: `${typesAndValues}export * from "./extra.{js}";\nexport declare function createClient(): void;\n`,
    names: ["answer", "ask", "Oracle"],
  });
  const { entries, problems } = await valueExportProblems(bad.dir, bad.pkg);
  expect(entries.map((entry) => [entry.loader, entry.missing])).toEqual([
    ["import", ["createClient", "extra"]],
    ["require", ["createClient", "extra"]],
  ]);
  expect(problems).toEqual([
    '@ukc/fixture-values-bad exports["."].import: ./dist/index.d.ts declares 2 value export(s) that import() of ./dist/index.js does not have: createClient, extra',
    '@ukc/fixture-values-bad exports["."].require: ./dist/index.d.cts declares 2 value export(s) that require() of ./dist/index.cjs does not have: createClient, extra',
  ]);

  // The ESM build lacking one name the CJS build has is reported for that entry only.
  const half = valuesFixture("values-half", { dts: typesAndValues, names: ["answer", "ask", "Oracle"] });
  write(join(half.dir, "dist/index.js"), "export const answer = 42;\nexport class Oracle {}\n");
  const result = await valueExportProblems(half.dir, half.pkg);
  expect(result.problems).toEqual([
    '@ukc/fixture-values-half exports["."].import: ./dist/index.d.ts declares 1 value export(s) that import() of ./dist/index.js does not have: ask',
  ]);
});
