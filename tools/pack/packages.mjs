// The publishable packages of the monorepo, found by listing packages/*, and packing them with pnpm.
// Shared by tools/pack/lint-packages.mjs, tools/consumer/* and tools/release/release.mjs.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const packagesDir = join(repoRoot, "packages");

/**
 * Every directory under `dir`, with its package.json. A directory without a package.json is an
 * error, not something to pass over: the checks that use this list must not skip a package.
 *
 * @returns {{ dir: string, rel: string, name: string, version: string, private: boolean, pkg: Record<string, any> }[]}
 */
export function listPackages(dir = packagesDir) {
  const entries = readdirSync(dir)
    .filter((name) => !name.startsWith(".") && statSync(join(dir, name)).isDirectory())
    .sort();
  const missing = entries.filter((name) => !existsSync(join(dir, name, "package.json")));
  if (missing.length > 0) {
    throw new Error(
      `packages without a package.json: ${missing.map((name) => join(dir, name)).join(", ")}. ` +
        "Every directory under packages/ must be a package (add its package.json) or be removed.",
    );
  }
  return entries.map((name) => {
    const pkg = JSON.parse(readFileSync(join(dir, name, "package.json"), "utf8"));
    return {
      dir: join(dir, name),
      rel: `packages/${name}`,
      name: pkg.name,
      version: pkg.version,
      private: pkg.private === true,
      pkg,
    };
  });
}

/**
 * Packs a package with `pnpm pack` (which turns `workspace:` ranges into versions) into `destination`.
 *
 * @returns {{ filename: string, files: string[] }}
 */
export function pnpmPack(dir, destination) {
  const stdout = execFileSync("pnpm", ["pack", "--json", "--pack-destination", destination], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const start = stdout.indexOf("{");
  if (start < 0) throw new Error(`pnpm pack in ${dir} printed no JSON:\n${stdout}`);
  const result = JSON.parse(stdout.slice(start));
  return { filename: result.filename, files: result.files.map((file) => file.path) };
}

/** The files that an exports map, main/module/types and bin point at (without "./"). */
export function referencedFiles(pkg) {
  const found = new Set();
  const walk = (value) => {
    if (typeof value === "string") found.add(value.replace(/^\.\//, ""));
    else if (value && typeof value === "object") for (const inner of Object.values(value)) walk(inner);
  };
  walk(pkg.exports);
  for (const field of ["main", "module", "types", "typings"]) if (typeof pkg[field] === "string") walk(pkg[field]);
  walk(pkg.bin);
  return [...found].filter((file) => !file.includes("*"));
}
