#!/usr/bin/env node
// The runtime matrix (`pnpm test:runtimes`, not part of `pnpm test`): the consumer project's smoke
// script (tools/consumer/project.mjs, ESM, every package in packages/) against a Prism mock, on
//   Node.js 20 (this machine's node), Node.js 22 and 24 (`npx -y -p node@N node`),
//   Bun (`npx -y bun`) and Deno (`npx -y deno run -A`),
// plus a headless-browser check when Chromium is installed (`apt-get install -y chromium`): the
// packed @ukc/api and @ukc/sdk bundled for the browser with esbuild, loaded in a page on another origin that
// calls Prism (which sends CORS headers). Build first: `pnpm build && pnpm test:runtimes`.
//
// usage: node tools/consumer/runtime-matrix.mjs [--only node20,node22,node24,bun,deno,browser]
//          [--project DIR (a kept consumer project, see UKC_CONSUMER_KEEP)] [--keep] [--json FILE]
// Exit code 1 when a runtime that was run failed; a browser check without Chromium is reported as
// "not run" with the reason.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { packagesDir as defaultPackagesDir } from "../pack/packages.mjs";
import { cleanEnv, createConsumerProject, parseSmokeResult } from "./project.mjs";

const RUNTIMES = [
  { id: "node20", label: "Node.js 20 (machine)", expect: /^node 20\./, command: () => [process.execPath, ["smoke.mjs"]] },
  { id: "node22", label: "Node.js 22", expect: /^node 22\./, command: () => ["npx", ["-y", "-p", "node@22", "node", "smoke.mjs"]] },
  { id: "node24", label: "Node.js 24", expect: /^node 24\./, command: () => ["npx", ["-y", "-p", "node@24", "node", "smoke.mjs"]] },
  { id: "bun", label: "Bun", expect: /^bun /, command: () => ["npx", ["-y", "bun", "smoke.mjs"]] },
  { id: "deno", label: "Deno", expect: /^deno /, command: () => ["npx", ["-y", "deno", "run", "-A", "smoke.mjs"]] },
];

function runCommand(command, args, { cwd, timeoutMs }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd, env: cleanEnv({ NO_COLOR: "1" }), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (error) => (stderr += `\n${error.message}`));
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

async function runRuntime(runtime, project) {
  const [command, args] = runtime.command();
  const result = await runCommand(command, args, { cwd: project, timeoutMs: 15 * 60_000 });
  const smoke = parseSmokeResult(result.stdout);
  const problems = [];
  if (!smoke) problems.push(`no SMOKE_RESULT (exit ${result.code ?? result.signal}): ${(result.stderr || result.stdout).trim().split("\n").slice(-8).join(" | ")}`);
  else {
    if (!runtime.expect.test(smoke.runtime)) problems.push(`ran on '${smoke.runtime}', expected ${runtime.expect}`);
    for (const r of smoke.results) if (!r.ok) problems.push(`${r.name}: ${r.detail.split("\n")[0]}`);
    if (result.code !== 0) problems.push(`exit ${result.code ?? result.signal}`);
  }
  return {
    id: runtime.id,
    label: runtime.label,
    version: smoke?.runtime ?? "?",
    ok: problems.length === 0,
    packages: smoke ? smoke.results.map((r) => `${r.name} ${r.ok ? "ok" : "FAIL"}`).join(", ") : "-",
    seconds: (result.ms / 1000).toFixed(1),
    problems,
  };
}

function findChromium() {
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return undefined;
}

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>@ukc/api and @ukc/sdk in a browser</title></head>
<body><pre id="out">running</pre><script type="module" src="/bundle.js"></script></body></html>`;

const BROWSER_ENTRY = `import { createClient } from "@ukc/api";
import { UnikraftCloud, NotFoundError } from "@ukc/sdk";

const baseUrl = new URLSearchParams(location.search).get("api");
const out = { origin: location.origin, baseUrl, userAgent: navigator.userAgent };
try {
  const api = createClient({ baseUrl, token: "test" });
  const health = await api.GET("/v1/healthz");
  out.health = health.response.status;
  const list = await api.GET("/v1/instances");
  out.names = (list.data?.data?.instances ?? []).map((instance) => instance.name);
  const missing = await api.GET("/v1/healthz", { headers: { Prefer: "code=404" } });
  out.notFound = missing.response.status;
  // The SDK in the page: typed resources, log decoding, typed errors.
  const ukc = new UnikraftCloud({ baseUrl, token: "test", maxRetries: 0 });
  out.sdkHealth = typeof (await ukc.health()) === "object";
  const instance = await ukc.instances.get("funky-town-g756b5d");
  out.sdkInstance = instance.name;
  const logs = await ukc.instances.logs("funky-town-g756b5d", { offset: 0, limit: 4096 });
  out.sdkLogBytes = logs.end - logs.start;
  out.sdkLogText = logs.text.length > 0;
  try {
    await ukc.instances.get("funky-town-g756b5d", { headers: { Prefer: "code=404" } });
    out.sdkNotFound = "no error";
  } catch (error) {
    out.sdkNotFound = error instanceof NotFoundError ? "NotFoundError" : String(error);
  }
  out.ok =
    out.health === 200 && out.names.includes("funky-town-g756b5d") && out.notFound === 404 &&
    out.sdkHealth && out.sdkInstance === "funky-town-g756b5d" && out.sdkLogBytes > 0 && out.sdkLogText &&
    out.sdkNotFound === "NotFoundError";
} catch (error) {
  out.ok = false;
  out.error = String(error && error.stack ? error.stack : error);
}
document.getElementById("out").textContent = JSON.stringify(out, null, 2);
await fetch("/result", { method: "POST", body: JSON.stringify(out) });
`;

/** Bundles the installed @ukc/api for the browser and loads it in headless Chromium against Prism. */
async function runBrowser(project) {
  const base = { id: "browser", label: "Chromium (headless)", packages: "@ukc/api + @ukc/sdk (esbuild bundle)" };
  const chromium = findChromium();
  if (!chromium) {
    return { ...base, version: "-", ok: undefined, seconds: "-", problems: ["not run: no chromium on PATH (Debian: apt-get install -y chromium)"] };
  }
  const started = Date.now();
  const version = spawnSync(chromium, ["--version"], { encoding: "utf8" }).stdout.trim();
  const dir = join(project, "browser");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "entry.mjs"), BROWSER_ENTRY);
  const esbuild = await import("esbuild");
  const built = await esbuild.build({
    absWorkingDir: project,
    entryPoints: [join(dir, "entry.mjs")],
    outfile: join(dir, "bundle.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.keys(built.metafile.inputs);
  const bundleKb = (readFileSync(join(dir, "bundle.js")).length / 1024).toFixed(1);
  const problems = [];
  for (const pkg of ["api", "sdk"]) {
    if (!inputs.some((input) => input.includes(`node_modules/@ukc/${pkg}/dist/index.js`))) {
      problems.push(`the bundle did not use the installed @ukc/${pkg} ESM build: ${inputs.join(", ")}`);
    }
  }

  const { startMock } = await import(pathToFileURL(join(project, "node_modules", "@ukc", "mock", "dist", "index.js")).href);
  // The page checks the spec's example data (and `Prefer: code=`): examples mode.
  const mock = await startMock({ mode: "examples", startTimeoutMs: 60_000 });
  let resolveResult;
  const result = new Promise((resolve) => (resolveResult = resolve));
  const server = createServer((req, res) => {
    if (req.method === "POST" && req.url === "/result") {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        res.end("ok");
        resolveResult(JSON.parse(body));
      });
    } else if (req.url === "/bundle.js") {
      res.setHeader("content-type", "text/javascript");
      res.end(readFileSync(join(dir, "bundle.js")));
    } else if (req.url?.startsWith("/?") || req.url === "/") {
      res.setHeader("content-type", "text/html");
      res.end(PAGE);
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const pageUrl = `http://127.0.0.1:${server.address().port}/?api=${encodeURIComponent(mock.url)}`;
  const profile = mkdtempSync(join(tmpdir(), "ukc-chromium-"));
  const browser = spawn(
    chromium,
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-domain-reliability",
      `--user-data-dir=${profile}`,
      pageUrl,
    ],
    { stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let browserLog = "";
  browser.stderr.on("data", (chunk) => (browserLog = (browserLog + chunk).slice(-4000)));
  let page;
  try {
    page = await Promise.race([result, new Promise((resolve) => setTimeout(() => resolve(undefined), 90_000))]);
  } finally {
    // The browser's process group was started here (detached): end it by its id.
    try {
      process.kill(-browser.pid, "SIGTERM");
    } catch {}
    await new Promise((resolve) => (browser.exitCode !== null ? resolve() : browser.once("exit", resolve)));
    server.close();
    await mock.stop();
    rmSync(profile, { recursive: true, force: true });
  }
  if (!page) problems.push(`the page reported nothing within 90 s; chromium said: ${browserLog.trim().split("\n").slice(-5).join(" | ")}`);
  else if (!page.ok) problems.push(`the page failed: ${JSON.stringify(page)}`);
  return {
    ...base,
    version,
    ok: problems.length === 0,
    packages: `@ukc/api + @ukc/sdk (esbuild bundle, ${bundleKb} KiB) from ${page?.origin ?? "?"} to Prism ${mock.url}`,
    seconds: ((Date.now() - started) / 1000).toFixed(1),
    problems,
    page,
  };
}

function printTable(rows) {
  const head = ["runtime", "version", "result", "seconds", "checks"];
  const body = rows.map((r) => [r.label, r.version, r.ok === undefined ? "not run" : r.ok ? "PASS" : "FAIL", r.seconds, r.packages]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => String(row[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
  console.log(`\n${line(head)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of body) console.log(line(row));
  for (const r of rows) for (const problem of r.problems) console.log(`  ${r.label}: ${problem}`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      project: { type: "string" },
      keep: { type: "boolean", default: false },
      json: { type: "string" },
    },
  });
  const ids = values.only ? values.only.split(",").map((s) => s.trim()) : [...RUNTIMES.map((r) => r.id), "browser"];
  const unknown = ids.filter((id) => id !== "browser" && !RUNTIMES.some((r) => r.id === id));
  if (unknown.length > 0) {
    console.error(`test:runtimes: unknown runtime(s) ${unknown.join(", ")}`);
    process.exit(2);
  }
  let project = values.project;
  let root;
  if (project) {
    if (!existsSync(join(project, "smoke.mjs"))) throw new Error(`${project} is not a consumer project (no smoke.mjs)`);
  } else {
    const packagesDir = process.env.UKC_PACKAGES_DIR || defaultPackagesDir;
    ({ project, root } = createConsumerProject({ packagesDir, log: (line) => console.log(`[consumer] ${line}`) }));
  }
  const rows = [];
  try {
    for (const runtime of RUNTIMES.filter((r) => ids.includes(r.id))) {
      console.log(`[runtimes] ${runtime.label} ...`);
      rows.push(await runRuntime(runtime, project));
    }
    if (ids.includes("browser")) {
      console.log("[runtimes] headless browser ...");
      rows.push(await runBrowser(project).catch((error) => ({ id: "browser", label: "Chromium (headless)", version: "?", ok: false, seconds: "-", packages: "-", problems: [String(error.stack ?? error)] })));
    }
  } finally {
    if (root && !values.keep) rmSync(root, { recursive: true, force: true });
    else if (root) console.log(`[runtimes] kept ${root}`);
  }
  printTable(rows);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(rows, null, 2)}\n`);
  const failed = rows.filter((r) => r.ok === false);
  console.log(failed.length === 0 ? "\ntest:runtimes: all runtimes that ran passed" : `\ntest:runtimes: ${failed.length} failed: ${failed.map((r) => r.label).join(", ")}`);
  process.exit(failed.length === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`test:runtimes: ${error.stack ?? error}`);
  process.exit(1);
});
