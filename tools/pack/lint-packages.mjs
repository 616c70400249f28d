#!/usr/bin/env node
// Checks every package in packages/ as it would be published: packs it with `pnpm pack`, then runs
// publint (any error, warning or suggestion fails), `attw` (@arethetypeswrong/cli, "strict" profile:
// node10, node16 CJS/ESM and bundler resolution) on the tarball, and this project's own rules
// (ESM+CJS+types exports, sideEffects, files, metadata, nothing but the build in the tarball), and
// that every name the declarations export as a value is exported by the build that import() and
// require() load (./value-exports.mjs: types that promise what the JavaScript lacks).
// Build first: `pnpm build && pnpm lint:packages`.
//
// usage: node tools/pack/lint-packages.mjs [--packages-dir DIR]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { listPackages, packagesDir as defaultPackagesDir, pnpmPack, referencedFiles } from "./packages.mjs";
import { valueExportProblems } from "./value-exports.mjs";

export { declarationEntries, declaredValueExports, valueExportProblems } from "./value-exports.mjs";

const require = createRequire(import.meta.url);
const attwBin = join(require.resolve("@arethetypeswrong/cli/package.json"), "..", "dist", "index.js");

const CODE_FILE = /\.(c|m)?js$|\.d\.(c|m)?ts$|\.json$/;
const NOT_PUBLISHED = [/^src\//, /^test\//, /(^|\/)node_modules\//, /\.test\.|\.spec\./, /^tsconfig.*\.json$/, /\.config\.(c|m)?[jt]s$/, /\.tsbuildinfo$/, /\.tgz$/];

/** This project's packaging rules, checked on package.json and the list of packed files. */
export function policyProblems(pkg, rel, files) {
  const problems = [];
  const need = (ok, message) => ok || problems.push(message);
  need(typeof pkg.name === "string" && /^@ukc\/[a-z0-9-]+$/.test(pkg.name), `name '${pkg.name}' is not an @ukc/ scoped name`);
  need(typeof pkg.version === "string" && /^\d+\.\d+\.\d+/.test(pkg.version), "version is missing");
  need(typeof pkg.description === "string" && pkg.description.length > 20, "description is missing or too short");
  need(pkg.license === "Apache-2.0", `license is '${pkg.license}', expected 'Apache-2.0'`);
  need(pkg.repository?.type === "git" && typeof pkg.repository?.url === "string", "repository { type: git, url } is missing");
  need(pkg.repository?.directory === rel, `repository.directory is '${pkg.repository?.directory}', expected '${rel}'`);
  need(pkg.type === "module", 'type should be "module" (ESM build in .js, CommonJS build in .cjs)');
  need(pkg.sideEffects === false, "sideEffects should be false");
  need(Array.isArray(pkg.files) && pkg.files.length > 0, "files should list what is published");
  need(!pkg.files?.some((entry) => /^(\.\/)?(src|test)(\/|$)/.test(entry)), "files should not publish src/ or test/");
  need(pkg.publishConfig?.access === "public", 'publishConfig.access should be "public" (scoped package)');
  need(typeof pkg.engines?.node === "string", "engines.node is missing");
  const root = pkg.exports?.["."];
  for (const [condition, ext] of [["import", /\.js$/], ["require", /\.cjs$/]]) {
    need(typeof root?.[condition]?.types === "string", `exports["."].${condition}.types is missing`);
    need(ext.test(root?.[condition]?.default ?? ""), `exports["."].${condition}.default should be a ${ext.source.slice(1, -1)} file`);
  }
  need(pkg.exports?.["./package.json"] === "./package.json", 'exports["./package.json"] is missing');
  for (const field of ["main", "types"]) need(typeof pkg[field] === "string", `${field} (for node10 resolution) is missing`);
  const packed = new Set(files);
  for (const file of referencedFiles(pkg)) need(packed.has(file), `${file} is referenced by package.json but not in the tarball`);
  need(packed.has("README.md"), "README.md is not in the tarball");
  for (const file of files) need(!NOT_PUBLISHED.some((re) => re.test(file)), `${file} should not be published`);
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [dep, range] of Object.entries(pkg[field] ?? {})) {
      need(!String(range).startsWith("workspace:"), `${field}.${dep} is '${range}' in the tarball`);
    }
  }
  return problems;
}

/** Subpaths of the exports map that point at data files (e.g. ./openapi.yaml): attw only checks modules. */
export function dataEntrypoints(pkg) {
  if (!pkg.exports || typeof pkg.exports !== "object") return [];
  return Object.entries(pkg.exports)
    .filter(([subpath]) => subpath.startsWith("."))
    .filter(([, target]) => {
      const targets = [];
      const walk = (value) => (typeof value === "string" ? targets.push(value) : value && Object.values(value).forEach(walk));
      walk(target);
      return targets.length > 0 && targets.every((file) => !CODE_FILE.test(file));
    })
    .map(([subpath]) => subpath);
}

/** Runs attw on a tarball: JSON for the verdict (a package without types is a problem too), the table for people. */
function runAttw(tarball, exclude) {
  // --no-definitely-typed: the packages ship their own types; no @types look-up on the registry.
  const base = [attwBin, tarball, "--profile", "strict", "--no-definitely-typed"];
  if (exclude.length > 0) base.push("--exclude-entrypoints", ...exclude);
  const json = spawnSync(process.execPath, [...base, "--format", "json"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  let report;
  try {
    report = JSON.parse(json.stdout);
  } catch {
    return [`attw printed no JSON (exit ${json.status}): ${json.stderr || json.stdout}`.trim()];
  }
  const problems = [];
  if (report.analysis?.types === false) problems.push("the package does not contain types");
  for (const problem of report.analysis?.problems ?? []) {
    problems.push(`${problem.kind}${problem.entrypoint ? ` at '${problem.entrypoint}'` : ""}${problem.resolutionKind ? ` (${problem.resolutionKind})` : ""}`);
  }
  if (json.status !== 0 && problems.length === 0) problems.push(`attw exited ${json.status}`);
  if (report.analysis?.types) {
    const table = spawnSync(process.execPath, [...base, "--format", "table", "--no-color", "--no-emoji"], { encoding: "utf8" });
    console.log(table.stdout.trim());
  }
  return problems;
}

function packedPackageJson(tarball) {
  return JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }));
}

async function lintOne(entry, work) {
  const result = { name: entry.name ?? entry.rel, publint: "-", attw: "-", policy: "-", values: "-", problems: [] };
  if (entry.private) {
    console.log(`\n== ${entry.rel}: private, not published: not checked`);
    result.publint = result.attw = result.policy = result.values = "private";
    return result;
  }
  console.log(`\n== ${entry.name} (${entry.rel})`);
  let tarball;
  let files;
  try {
    ({ filename: tarball, files } = pnpmPack(entry.dir, work));
  } catch (error) {
    result.problems.push(`pnpm pack failed: ${error.stderr ?? error.message}`);
    result.publint = result.attw = result.policy = result.values = "✗";
    return result;
  }
  console.log(`packed ${basename(tarball)}: ${files.join(", ")}`);
  const pkg = packedPackageJson(tarball);

  const policy = policyProblems(pkg, entry.rel, files);
  result.policy = policy.length === 0 ? "✓" : "✗";
  result.problems.push(...policy.map((problem) => `policy: ${problem}`));

  const data = readFileSync(tarball);
  const { messages } = await publint({ pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) }, strict: true, level: "suggestion" });
  result.publint = messages.length === 0 ? "✓" : "✗";
  for (const message of messages) result.problems.push(`publint ${message.type}: ${formatMessage(message, pkg) ?? message.code}`);

  const exclude = dataEntrypoints(pkg);
  if (exclude.length > 0) console.log(`attw: not checking data entrypoints ${exclude.join(", ")} (not modules)`);
  const attwProblems = runAttw(tarball, exclude);
  result.attw = attwProblems.length === 0 ? "✓" : "✗";
  result.problems.push(...attwProblems.map((problem) => `attw: ${problem}`));

  // The built files in the package directory are the ones packed; there the workspace resolves the
  // package's own dependencies, for the compiler and for import()/require().
  const values = await valueExportProblems(entry.dir, pkg);
  for (const e of values.entries) {
    console.log(`values: exports["${e.subpath}"].${e.loader}: ${e.types} exports ${e.values.length} value(s), ${e.values.length - e.missing.length} in ${e.js}`);
  }
  result.values = values.problems.length === 0 ? "✓" : "✗";
  result.problems.push(...values.problems.map((problem) => `values: ${problem}`));
  for (const problem of result.problems) console.log(`  ✗ ${problem}`);
  return result;
}

export async function lintPackages(dir = defaultPackagesDir) {
  const work = mkdtempSync(join(tmpdir(), "ukc-lint-packages-"));
  try {
    const packages = listPackages(dir);
    if (packages.length === 0) throw new Error(`no packages found in ${dir}`);
    const results = [];
    for (const entry of packages) results.push(await lintOne(entry, work));
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { "packages-dir": { type: "string" } } });
  let results;
  try {
    results = await lintPackages(values["packages-dir"]);
  } catch (error) {
    console.error(`lint:packages: ${error.message}`);
    process.exit(1);
  }
  const width = Math.max("package".length, ...results.map((r) => r.name.length));
  console.log(`\n${"package".padEnd(width)}  publint  attw  policy  values`);
  for (const r of results) console.log(`${r.name.padEnd(width)}  ${r.publint.padEnd(7)}  ${r.attw.padEnd(4)}  ${r.policy.padEnd(6)}  ${r.values}`);
  const failed = results.filter((r) => r.problems.length > 0);
  if (failed.length > 0) {
    console.error(`\nlint:packages: ${failed.length} package(s) with problems: ${failed.map((r) => r.name).join(", ")}`);
    process.exit(1);
  }
  console.log(`\nlint:packages: ${results.length} package(s) OK`);
}
