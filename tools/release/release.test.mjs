// tools/release/release.mjs: the dry run packs and lists without publishing or touching the
// network; the real run builds before `changeset publish`. `pnpm` is wrapped by a shim on PATH
// that records every call.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";

const script = fileURLToPath(new URL("./release.mjs", import.meta.url));
const realPnpm = spawnSync("sh", ["-c", "command -v pnpm"], { encoding: "utf8" }).stdout.trim();
let work;

function write(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
}

/**
 * A pnpm shim that logs its arguments, then runs the real pnpm; with FAKE_PNPM=1 it runs nothing,
 * and `pnpm build` never runs (the test must not build the repository).
 */
function shim(dir, log) {
  write(
    join(dir, "pnpm"),
    `#!/bin/sh\necho "$*" >> ${JSON.stringify(log)}\nif [ "$FAKE_PNPM" = 1 ] || [ "$1" = build ]; then exit 0; fi\nexec ${JSON.stringify(realPnpm)} "$@"\n`,
  );
  chmodSync(join(dir, "pnpm"), 0o755);
}

function pkg(name, extra = {}) {
  return {
    name,
    version: "1.2.3",
    description: "a fixture package for the release test",
    license: "Apache-2.0",
    type: "module",
    main: "./dist/index.js",
    files: ["dist", "README.md"],
    publishConfig: { access: "public" },
    ...extra,
  };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "ukc-release-test-"));
  const ws = join(work, "ws");
  write(join(ws, "package.json"), { name: "fixture-root", private: true });
  write(join(ws, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
  write(join(ws, "packages/a/package.json"), pkg("@ukc/fixture-a"));
  write(join(ws, "packages/a/dist/index.js"), "export const a = 1;\n");
  write(join(ws, "packages/a/src/index.ts"), "export const a = 1;\n");
  write(join(ws, "packages/a/README.md"), "# a\n");
  write(join(ws, "packages/b/package.json"), pkg("@ukc/fixture-b", { dependencies: { "@ukc/fixture-a": "workspace:*" } }));
  write(join(ws, "packages/b/dist/index.js"), "export const b = 2;\n");
  write(join(ws, "packages/b/README.md"), "# b\n");
  // pnpm resolves `workspace:` ranges from the installed workspace (offline: no external dependency).
  const install = spawnSync(realPnpm, ["install", "--offline"], {
    cwd: ws,
    encoding: "utf8",
    env: { ...process.env, npm_config_registry: "http://127.0.0.1:9/" },
  });
  if (install.status !== 0) throw new Error(`pnpm install in the fixture failed: ${install.stdout}${install.stderr}`);
  // A second tree where one package was not built.
  write(join(work, "unbuilt/packages/c/package.json"), pkg("@ukc/fixture-c"));
  write(join(work, "unbuilt/packages/c/README.md"), "# c\n");
  shim(join(work, "bin"), join(work, "pnpm.log"));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function release(args, extraEnv = {}) {
  rmSync(join(work, "pnpm.log"), { force: true });
  const result = spawnSync(process.execPath, [script, ...args], {
    encoding: "utf8",
    env: {
      ...process.env,
      PATH: `${join(work, "bin")}:${process.env.PATH}`,
      // Nothing may reach a registry: this one refuses every connection.
      npm_config_registry: "http://127.0.0.1:9/",
      ...extraEnv,
    },
    timeout: 120_000,
  });
  const log = existsSync(join(work, "pnpm.log")) ? readFileSync(join(work, "pnpm.log"), "utf8").trim().split("\n") : [];
  return { ...result, calls: log };
}

test("--dry-run packs every package, prints what would be published and publishes nothing", () => {
  const result = release(["--dry-run", "--no-build", "--json", "--packages-dir", join(work, "ws/packages")]);
  expect(result.stderr).not.toContain("release --dry-run:");
  expect(result.status).toBe(0);
  const plan = JSON.parse(result.stdout);
  expect(plan.dryRun).toBe(true);
  expect(plan.problems).toEqual([]);
  expect(plan.packages.map((p) => `${p.name}@${p.version}`)).toEqual(["@ukc/fixture-a@1.2.3", "@ukc/fixture-b@1.2.3"]);
  const [a, b] = plan.packages;
  expect(a.files.sort()).toEqual(["README.md", "dist/index.js", "package.json"]);
  expect(a).toMatchObject({ access: "public", tag: "latest", tarball: "ukc-fixture-a-1.2.3.tgz" });
  expect(b.dependencies).toEqual({ "@ukc/fixture-a": "1.2.3" });
  expect(result.calls.length).toBe(2);
  for (const call of result.calls) expect(call).toMatch(/^pack /);
  expect(result.calls.join("\n")).not.toMatch(/publish|build/);
});

test("--dry-run prints a readable plan", () => {
  const result = release(["--dry-run", "--no-build", "--packages-dir", join(work, "ws/packages")]);
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("nothing is published");
  expect(result.stdout).toMatch(/- @ukc\/fixture-b@1\.2\.3 {2}tag latest, access public, ukc-fixture-b-1\.2\.3\.tgz/);
  expect(result.stdout).toContain("dependencies: @ukc/fixture-a@1.2.3");
  expect(result.stdout).toContain("    dist/index.js");
});

test("--dry-run fails for a package whose tarball has no build", () => {
  const result = release(["--dry-run", "--no-build", "--packages-dir", join(work, "unbuilt/packages")]);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("@ukc/fixture-c: no dist/ in the tarball; build first");
});

test("--dry-run builds first unless --no-build", () => {
  const result = release(["--dry-run", "--packages-dir", join(work, "ws/packages")]);
  expect(result.status).toBe(0);
  expect(result.calls[0]).toBe("build");
  expect(result.calls.slice(1).every((call) => call.startsWith("pack "))).toBe(true);
});

test("without --dry-run it builds, then runs `changeset publish` with the extra arguments", () => {
  const result = release(["--", "--tag", "next"], { FAKE_PNPM: "1" });
  expect(result.status).toBe(0);
  expect(result.calls).toEqual(["build", "exec changeset publish --tag next"]);
});

test("pnpm drops `--`: `pnpm release --tag next` arrives without it and still reaches changeset publish", () => {
  const result = release(["--tag", "next", "--otp", "123456"], { FAKE_PNPM: "1" });
  expect(result.status).toBe(0);
  expect(result.calls).toEqual(["build", "exec changeset publish --tag next --otp 123456"]);
});

test("--dry-run refuses arguments meant for publishing", () => {
  const result = release(["--dry-run", "--no-build", "--tag", "next"], { FAKE_PNPM: "1" });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain("unexpected arguments --tag next");
  expect(result.calls).toEqual([]);
});

test("a failed build stops the release before publishing", () => {
  write(join(work, "bin-failing/pnpm"), `#!/bin/sh\necho "$*" >> ${JSON.stringify(join(work, "pnpm.log"))}\nexit 3\n`);
  chmodSync(join(work, "bin-failing/pnpm"), 0o755);
  const result = release([], { PATH: `${join(work, "bin-failing")}:${process.env.PATH}` });
  expect(result.status).toBe(3);
  expect(result.calls).toEqual(["build"]);
  expect(result.stderr).toContain("'pnpm build' failed");
});
