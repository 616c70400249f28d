#!/usr/bin/env node
// `pnpm release`: builds every package, then publishes the ones whose version is not on the
// registry yet with `changeset publish` (run `pnpm version-packages` and commit before).
//
// `pnpm release --dry-run` publishes nothing and needs no network: after the build it packs every
// package in packages/ with `pnpm pack` (which replaces `workspace:` ranges, exactly as publishing
// does) into a temporary directory and prints what would be published: name, version, tag, access,
// dependencies and the files of each tarball.
//
// usage: node tools/release/release.mjs [--dry-run] [--no-build] [--json] [--packages-dir DIR]
//          [other arguments go to changeset publish, e.g. --tag next --otp 123456]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { listPackages, packagesDir as defaultPackagesDir, pnpmPack, repoRoot } from "../pack/packages.mjs";

function sh(command, args, options = {}) {
  console.log(`$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`release: '${command} ${args.join(" ")}' failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

/** The `access` of .changeset/config.json, which `changeset publish` uses for packages without publishConfig.access. */
function changesetAccess() {
  const file = join(repoRoot, ".changeset", "config.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).access : undefined;
}

/** What `pnpm publish` would upload for each package, from `pnpm pack` tarballs; no network. */
export function dryRun(packagesDir = defaultPackagesDir) {
  const work = mkdtempSync(join(tmpdir(), "ukc-release-dry-run-"));
  const defaultAccess = changesetAccess();
  try {
    return listPackages(packagesDir).map((entry) => {
      if (entry.private) return { name: entry.name, version: entry.version, private: true, files: [] };
      const { filename, files } = pnpmPack(entry.dir, work);
      const packed = JSON.parse(execFileSync("tar", ["-xzOf", filename, "package/package.json"], { encoding: "utf8" }));
      return {
        name: packed.name,
        version: packed.version,
        private: false,
        tag: packed.publishConfig?.tag ?? "latest",
        access: packed.publishConfig?.access ?? defaultAccess ?? (packed.name.startsWith("@") ? "restricted" : "public"),
        tarball: basename(filename),
        bytes: statSync(filename).size,
        dependencies: packed.dependencies ?? {},
        files,
      };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function printDryRun(plan) {
  console.log("\nrelease --dry-run: nothing is published. `pnpm release` would publish:\n");
  for (const p of plan) {
    if (p.private) {
      console.log(`- ${p.name}@${p.version}: private, not published`);
      continue;
    }
    console.log(`- ${p.name}@${p.version}  tag ${p.tag}, access ${p.access}, ${p.tarball} (${(p.bytes / 1024).toFixed(1)} KiB)`);
    const deps = Object.entries(p.dependencies).map(([name, range]) => `${name}@${range}`);
    console.log(`    dependencies: ${deps.length > 0 ? deps.join(", ") : "none"}`);
    for (const file of p.files) console.log(`    ${file}`);
  }
  console.log("\n(`changeset publish` skips a package whose version is already on the registry.)");
}

/**
 * Splits the arguments into this script's options and the rest, which goes to `changeset publish`
 * (pnpm drops a `--` before script arguments, so `pnpm release -- --tag next` arrives as `--tag next`).
 */
export function parseReleaseArgs(argv) {
  const values = { "dry-run": false, "no-build": false, json: false, "packages-dir": undefined };
  const passthrough = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      passthrough.push(...argv.slice(i + 1));
      break;
    } else if (arg === "--dry-run" || arg === "--no-build" || arg === "--json") {
      values[arg.slice(2)] = true;
    } else if (arg === "--packages-dir") {
      values["packages-dir"] = argv[++i];
    } else if (arg.startsWith("--packages-dir=")) {
      values["packages-dir"] = arg.slice("--packages-dir=".length);
    } else {
      passthrough.push(arg);
    }
  }
  return { values, passthrough };
}

function main() {
  const { values, passthrough } = parseReleaseArgs(process.argv.slice(2));
  if (values["dry-run"] && passthrough.length > 0) {
    console.error(`release --dry-run: unexpected arguments ${passthrough.join(" ")}`);
    process.exit(2);
  }
  if (!values["no-build"]) sh("pnpm", ["build"]);
  if (values["dry-run"]) {
    const plan = dryRun(values["packages-dir"] ?? defaultPackagesDir);
    const problems = plan.flatMap((p) =>
      p.private
        ? []
        : [
            ...(p.files.some((file) => file.startsWith("dist/")) ? [] : [`${p.name}: no dist/ in the tarball; build first`]),
            ...Object.entries(p.dependencies)
              .filter(([, range]) => String(range).startsWith("workspace:"))
              .map(([name, range]) => `${p.name}: dependency ${name}@${range} would be published as is`),
          ],
    );
    if (values.json) console.log(JSON.stringify({ dryRun: true, packages: plan, problems }, null, 2));
    else printDryRun(plan);
    for (const problem of problems) console.error(`release --dry-run: ${problem}`);
    process.exit(problems.length === 0 ? 0 : 1);
  }
  sh("pnpm", ["exec", "changeset", "publish", ...passthrough]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
