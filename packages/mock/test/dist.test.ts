// The built package, as a consumer loads it: the CommonJS and the ESM build each find the
// openapi.yaml next to the package and Prism's entry, and start a working mock.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const pkgDir = fileURLToPath(new URL("..", import.meta.url));

const body = `
  const out = { specPath: m.specPath(), prismEntry: m.prismEntry(), exports: Object.keys(m).sort() };
  const mock = await m.startMock();
  const res = await fetch(mock.url + "/v1/healthz", { headers: { Authorization: "Bearer t" } });
  out.status = res.status;
  out.body = await res.json();
  await mock.stop();
  console.log(JSON.stringify(out));
`;

function run(args: string[]): Record<string, unknown> {
  const stdout = execFileSync(process.execPath, args, { cwd: pkgDir, encoding: "utf8", timeout: 60_000 });
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

const expected = {
  specPath: join(pkgDir, "openapi.yaml"),
  exports: ["freePort", "prismEntry", "specPath", "startMock", "startSimulator"],
  status: 200,
  // The simulator's health answer, through Prism.
  body: { status: "success", data: { versions: { platform: "simulator" } } },
};

test("dist/index.cjs works from require()", () => {
  const code = `const m = require(${JSON.stringify(join(pkgDir, "dist/index.cjs"))}); (async () => { ${body} })().catch((e) => { console.error(e); process.exit(1); });`;
  const out = run(["-e", code]);
  expect(out).toMatchObject(expected);
  expect(out.prismEntry).toMatch(/@stoplight[\\/]prism-cli[\\/]dist[\\/]index\.js$/);
});

test("dist/index.js works from import", () => {
  const code = `const m = await import(${JSON.stringify(join(pkgDir, "dist/index.js"))}); ${body}`;
  const out = run(["--input-type=module", "-e", code]);
  expect(out).toMatchObject(expected);
  expect(out.prismEntry).toMatch(/@stoplight[\\/]prism-cli[\\/]dist[\\/]index\.js$/);
});

test("the package name resolves to the builds through its exports map", () => {
  const viaRequire = execFileSync(process.execPath, ["-p", "require.resolve('@ukc/mock')"], { cwd: pkgDir, encoding: "utf8" });
  expect(viaRequire.trim()).toBe(join(pkgDir, "dist", "index.cjs"));
  const viaImport = execFileSync(process.execPath, ["--input-type=module", "-e", "console.log(import.meta.resolve('@ukc/mock'))"], {
    cwd: pkgDir,
    encoding: "utf8",
  });
  expect(fileURLToPath(viaImport.trim())).toBe(join(pkgDir, "dist", "index.js"));
});
