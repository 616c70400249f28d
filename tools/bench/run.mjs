// `pnpm bench`: benchmarks of the BUILT packages (packages/*/dist; run `pnpm build` first).
// Not a test: it prints a results table and writes it to tools/bench/RESULTS.md.
//
//   a. Overhead per call of the SDK (`ukc.instances.get(uuid)`), of the low-level client
//      (`api.GET("/v1/instances/{uuid}")`) and of the vendor's SDK (@unikraft/cloud,
//      `ukc.instances.get({ uuid })`) over a bare `fetch` + `res.json()`, against a tiny
//      node:http server on 127.0.0.1 (tools/bench/server.mjs, in a worker thread). Then the same
//      for listing one page of instances (`for await … of ukc.instances.list()`).
//      The vendor's SDK is never a dependency of the workspace: it is installed on demand with
//      `npm install` into os.tmpdir()/ukc-bench-vendor-<version> (reused when present). When that
//      fails (no network, …), its rows say "not measured: <why>" and the rest still runs.
//   b. Log decoding throughput of the SDK's internal decoders (decodeBase64 + createUtf8Decoder, and decodeLogPage, bundled from packages/sdk/src)
//      against Node's Buffer.from(b64, "base64") + TextDecoder, on the same 16,383-byte pages.
//   c. Bundle size, minified and gzipped, of each package and of two tree-shaken imports (esbuild).
//   d. Cold import time of each package, in a fresh `node` process each time.
//   e. Requests and wall time to stop 1,000 instances by name: one batch call against 1,000 calls.
//
// Every ratio compares numbers measured in the same run. Options (environment):
//   BENCH_CALL_ROUNDS and BENCH_CALLS (a: rounds, and sequential calls per round and variant;
//   default 100 x 100; the listings do a quarter of BENCH_CALLS per round), BENCH_ROUNDS (b:
//   rounds, default 10; e: at most 3), BENCH_IMPORT_RUNS (processes per package in d, default 15),
//   BENCH_ONLY (e.g. "a,e"; default all), BENCH_VENDOR=0 (a: skip the vendor's SDK, no install).
// Flags: --check exits 1 when a target is missed; --no-write does not write RESULTS.md.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, cpus, platform, release, arch, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const dist = (pkg) => join(root, "packages", pkg, "dist", "index.js");
const args = new Set(process.argv.slice(2));

// a: many short rounds with the variants interleaved in each: on a small shared machine this was
// much steadier from run to run than a few long rounds (drift and GC pauses land on every variant
// alike). 100 x 100 = 10,000 timed calls per variant.
const CALL_ROUNDS = positiveInt("BENCH_CALL_ROUNDS", 100);
const CALLS = positiveInt("BENCH_CALLS", 100);
const ROUNDS = positiveInt("BENCH_ROUNDS", 10);
const IMPORT_RUNS = positiveInt("BENCH_IMPORT_RUNS", 15);
const ONLY = new Set((process.env.BENCH_ONLY ?? "a,b,c,d,e").split(",").map((s) => s.trim()));
const STOP_COUNT = 1000;
const LIST_SIZE = 50; // instances in the page the server lists (both SDKs ask for pages of 100)
const LIST_CALLS = Math.max(1, Math.round(CALLS / 4));
const UUID = "123e4567-e89b-12d3-a456-426614174000";
const TOKEN = "bench-token";

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return n;
}

const median = (values) => {
  const s = [...values].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n, digits = 1) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kB = (bytes) => `${fmt(bytes / 1000, 2)} kB`;
const ratio = (x) => `${fmt(x, 2)}x`;
const log = (line) => process.stderr.write(`${line}\n`);

/** Loads the built packages, with a clear message when `pnpm build` was not run. */
async function load(pkg) {
  try {
    return await import(pathToFileURL(dist(pkg)).href);
  } catch (error) {
    throw new Error(`cannot import packages/${pkg}/dist/index.js (run \`pnpm build\` first): ${error.message}`);
  }
}

const { createClient } = await load("api");
const sdk = await load("sdk");
const { UnikraftCloud } = sdk;

/**
 * The SDK's log decoders are internal (not exported): b bundles them from packages/sdk/src with
 * esbuild into a temporary module, the same code the built SDK runs.
 */
async function logInternals() {
  const esbuild = await import("esbuild");
  const out = join(tmpdir(), `ukc-bench-logs-${process.pid}.mjs`);
  const contents = [
    'export { decodeBase64 } from "./packages/sdk/src/logs/base64.ts";',
    'export { createUtf8Decoder } from "./packages/sdk/src/logs/utf8.ts";',
    'export { decodeLogPage, MAX_LOG_PAGE_BYTES } from "./packages/sdk/src/logs/page.ts";',
  ].join("\n");
  await esbuild.build({ stdin: { contents, resolveDir: root, loader: "ts" }, bundle: true, format: "esm", target: "es2022", outfile: out, logLevel: "silent" });
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    rmSync(out, { force: true });
  }
}
const { decodeBase64, createUtf8Decoder, decodeLogPage, MAX_LOG_PAGE_BYTES } = await logInternals();

const rows = [];
/** One line of the results table. `met` is true/false for a target, undefined for none. */
function row(id, measure, result, baseline = "", r = "", target = "", met = undefined) {
  rows.push({ id, measure, result, baseline, ratio: r, target, met });
}

// ---------------------------------------------------------------------------------------------
// The vendor's SDK, for a: installed on demand outside the workspace, never a dependency of it.
// ---------------------------------------------------------------------------------------------
const VENDOR = {
  name: "@unikraft/cloud",
  version: "0.2.0",
  // 0.2.0 asks for a version of its sandbox plugin that is not published; 1.0.0 is. The benchmark
  // never touches sandboxes, but the entry point imports the plugin, so it must resolve.
  overrides: { "@unikraft/cloud-plugin-sandbox-api": "1.0.0" },
};
const vendorDir = join(tmpdir(), `ukc-bench-vendor-${VENDOR.version}`);

/** The installed version of `name` in vendorDir, or undefined. */
function installedVersion(name) {
  try {
    return JSON.parse(readFileSync(join(vendorDir, "node_modules", ...name.split("/"), "package.json"), "utf8")).version;
  } catch {
    return undefined;
  }
}

/** ": <code>: <message>" from npm's error output (not its stack or the path of its log), or "". */
function npmReason(output) {
  const lines = output.split("\n").map((l) => l.replace(/^npm (error|ERR!) ?/, "").trim()).filter(Boolean);
  const code = lines.find((l) => /^code \S+$/.test(l))?.slice(5);
  const message = lines.find((l) => !/^(code|syscall|errno|path|dest|signal|command|cwd)\b|^at |^[{}]|complete log of this run|^A complete log/.test(l));
  const reason = [code, message].filter(Boolean).join(": ");
  return reason ? `: ${reason.length > 240 ? `${reason.slice(0, 239)}…` : reason}` : "";
}

/**
 * Installs (or reuses) the vendor's SDK in vendorDir and imports it.
 * Resolves { module, note } or { error } (why it cannot be measured); never throws.
 */
async function loadVendor() {
  if (process.env.BENCH_VENDOR === "0") return { error: "BENCH_VENDOR=0" };
  const wanted = { [VENDOR.name]: VENDOR.version, ...VENDOR.overrides };
  const present = () => Object.entries(wanted).every(([name, version]) => installedVersion(name) === version);
  let note = `reused ${vendorDir}`;
  if (!present()) {
    log(`a. installing ${VENDOR.name}@${VENDOR.version} into ${vendorDir} (npm) …`);
    try {
      mkdirSync(vendorDir, { recursive: true });
      const manifest = {
        name: "ukc-bench-vendor",
        private: true,
        description: "Written by tools/bench/run.mjs of ukc-ts: the vendor's SDK, for comparison only.",
        dependencies: { [VENDOR.name]: VENDOR.version },
        overrides: VENDOR.overrides,
      };
      writeFileSync(join(vendorDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    } catch (error) {
      return { error: `cannot write ${vendorDir}: ${error.message}` };
    }
    // Run under pnpm/npx, the environment carries npm_config_* settings of the workspace (its
    // prefix among them, which would make npm install there): keep only how to reach the registry.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k) || /registry|proxy|cafile|ca$|strict_ssl|userconfig|cache$/i.test(k)));
    const r = spawnSync(
      "npm",
      ["install", "--legacy-peer-deps", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error", "--fetch-retries=1"],
      { cwd: vendorDir, env, encoding: "utf8", timeout: 180_000, killSignal: "SIGKILL", shell: process.platform === "win32" },
    );
    if (r.error || r.status !== 0) {
      const why = r.error?.code === "ETIMEDOUT" ? "timed out after 180 s" : r.error ? r.error.message : `exit ${r.status ?? r.signal}`;
      return { error: `\`npm install ${VENDOR.name}@${VENDOR.version}\` failed (${why})${npmReason(r.stderr || r.stdout || "")}` };
    }
    if (!present()) return { error: `\`npm install\` in ${vendorDir} did not install ${JSON.stringify(wanted)}` };
    note = `installed into ${vendorDir}`;
  }
  try {
    const entry = createRequire(join(vendorDir, "package.json")).resolve(VENDOR.name);
    return { module: await import(pathToFileURL(entry).href), note };
  } catch (error) {
    return { error: `cannot import ${VENDOR.name}@${VENDOR.version} from ${vendorDir}: ${error.message}` };
  }
}

// ---------------------------------------------------------------------------------------------
// c. Bundle sizes (esbuild, minified, gzip level 9). Dependencies are bundled, node builtins not.
// ---------------------------------------------------------------------------------------------
async function bundleSizes() {
  log("c. bundle sizes …");
  const esbuild = await import("esbuild");
  const cases = [
    { id: "c", what: "@ukc/api, whole ESM entry", code: `export * from ${JSON.stringify(dist("api"))};` },
    { id: "c", what: "@ukc/sdk, whole ESM entry", code: `export * from ${JSON.stringify(dist("sdk"))};`, limit: 20000 },
    { id: "c", what: "@ukc/mock, whole ESM entry", code: `export * from ${JSON.stringify(dist("mock"))};` },
    {
      id: "c",
      what: '`import { createClient } from "@ukc/api"`',
      code: `export { createClient } from ${JSON.stringify(dist("api"))};`,
      limit: 8000,
    },
    {
      id: "c",
      what: '`import { UnikraftCloud } from "@ukc/sdk"`',
      code: `export { UnikraftCloud } from ${JSON.stringify(dist("sdk"))};`,
      limit: 20000,
    },
  ];
  for (const c of cases) {
    const out = await esbuild.build({
      stdin: { contents: c.code, resolveDir: root, loader: "js", sourcefile: "entry.js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "node",
      target: "es2022",
      conditions: ["import", "module"],
      write: false,
      logLevel: "silent",
      legalComments: "none",
    });
    const code = out.outputFiles[0].contents;
    const gz = gzipSync(code, { level: 9 }).length;
    const met = c.limit === undefined ? undefined : gz <= c.limit;
    row(c.id, `Bundle size: ${c.what}`, `${kB(gz)} min+gz`, `${kB(code.length)} min`, "", c.limit ? `≤ ${kB(c.limit)} min+gz` : "", met);
  }
}

// ---------------------------------------------------------------------------------------------
// d. Cold import time: a fresh `node` process per import, packages interleaved.
// ---------------------------------------------------------------------------------------------
function coldImports() {
  log(`d. cold imports (${IMPORT_RUNS} processes each) …`);
  const targets = [
    { what: "baseline: an empty module (`data:` URL)", url: "data:text/javascript,export{}" },
    { what: "@ukc/api", url: pathToFileURL(dist("api")).href },
    { what: "@ukc/sdk (imports @ukc/api)", url: pathToFileURL(dist("sdk")).href },
    { what: "@ukc/mock", url: pathToFileURL(dist("mock")).href },
  ];
  const times = targets.map(() => []);
  for (let run = 0; run < IMPORT_RUNS; run++) {
    targets.forEach((t, i) => {
      const code = `const t = performance.now(); await import(${JSON.stringify(t.url)}); console.log(performance.now() - t);`;
      const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8", cwd: root });
      const ms = Number(r.stdout.trim());
      if (r.status !== 0 || !Number.isFinite(ms)) throw new Error(`import of ${t.what} failed: ${r.stderr || r.stdout}`);
      times[i].push(ms);
    });
  }
  targets.forEach((t, i) => row("d", `Cold import: ${t.what}`, `${fmt(median(times[i]), 2)} ms`, `min ${fmt(Math.min(...times[i]), 2)} ms`));
}

// ---------------------------------------------------------------------------------------------
// The local server (a worker thread), with a shared request counter.
// ---------------------------------------------------------------------------------------------
async function startServer() {
  const shared = new SharedArrayBuffer(4);
  const counter = new Int32Array(shared);
  const worker = new Worker(new URL("./server.mjs", import.meta.url), {
    workerData: { counter: shared, token: TOKEN, listSize: LIST_SIZE },
  });
  const port = await new Promise((resolve, reject) => {
    worker.once("message", (m) => resolve(m.port));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`bench server exited (${code}) before listening`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => Atomics.load(counter, 0),
    async stop() {
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.postMessage("close");
      const timer = setTimeout(() => worker.terminate(), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// a. Per-call overhead: bare fetch vs the low-level client vs the SDK vs the vendor's SDK.
// ---------------------------------------------------------------------------------------------
/**
 * Checks each variant once (`check(result)` throws on a wrong answer, and the call must cost
 * exactly one request to the server), warms them up, then times them: `rounds` rounds of `calls`
 * sequential calls per variant, interleaved and rotated each round so drift hits every variant
 * alike. Resolves the median µs per call of each variant.
 */
async function interleaved(server, variants, { rounds, calls, warmup, check }) {
  for (const v of variants) {
    const before = server.requests();
    const result = await v.call();
    const requests = server.requests() - before;
    check(result, v.name);
    if (requests !== 1) throw new Error(`${v.name}: ${requests} requests reached the bench server for one call, expected 1`);
  }
  for (const v of variants) for (let i = 0; i < warmup; i++) await v.call();
  const perCall = variants.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (round + k) % variants.length;
      const v = variants[i];
      const t0 = performance.now();
      for (let n = 0; n < calls; n++) await v.call();
      perCall[i].push(((performance.now() - t0) * 1000) / calls);
    }
  }
  return perCall.map(median);
}

/** Collects an async iterable into an array. */
async function collect(iterable) {
  const out = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const TARGET_API = 1.05; // low-level client, over bare fetch
const TARGET_SDK = 1.1; // SDK, over bare fetch (and below the vendor's SDK)

async function callOverhead(server, vendor) {
  log(`a. per-call overhead (${CALL_ROUNDS} rounds x ${CALLS} calls per variant; listings ${LIST_CALLS} calls) …`);
  const headers = { Accept: "application/json", Authorization: `Bearer ${TOKEN}` };
  const api = createClient({ token: TOKEN, baseUrl: server.url });
  const ukc = new UnikraftCloud({ token: TOKEN, baseUrl: server.url });
  // Pinned to the local server: `baseUrl` is the one endpoint there is (no metro discovery, one
  // request per get). No proxy from the environment: the requests go straight to 127.0.0.1.
  const vukc = vendor.module ? new vendor.module.UnikraftCloud({ token: TOKEN, baseUrl: server.url, proxyFromEnv: false }) : undefined;
  const vendorName = `${VENDOR.name}@${VENDOR.version}`;

  // --- GET one instance ----------------------------------------------------------------------
  const url = `${server.url}/v1/instances/${UUID}`;
  const get = [
    {
      name: "bare `fetch` + `res.json()`",
      call: async () => {
        const res = await fetch(url, { headers });
        const body = await res.json();
        return body.data.instances[0];
      },
    },
    {
      name: 'low-level client `api.GET("/v1/instances/{uuid}")`',
      call: async () => {
        const { data } = await api.GET("/v1/instances/{uuid}", { params: { path: { uuid: UUID } } });
        return data.data.instances[0];
      },
    },
    { name: "SDK `ukc.instances.get(uuid)`", call: () => ukc.instances.get(UUID) },
  ];
  // The vendor's get returns a thenable handle; awaiting it sends GET /v1/instances?uuid=…&details=true.
  if (vukc) get.push({ name: `vendor SDK ${vendorName} \`ukc.instances.get({ uuid })\``, call: () => vukc.instances.get({ uuid: UUID }) });
  const g = await interleaved(server, get, {
    rounds: CALL_ROUNDS,
    calls: CALLS,
    warmup: 2000,
    check: (instance, name) => {
      if (instance?.uuid !== UUID || instance.state !== "running") throw new Error(`${name} did not return the instance`);
    },
  });
  const bare = g[0];
  const over = (i, target) =>
    row(
      "a",
      `GET one instance: ${get[i].name}`,
      `${fmt(g[i])} µs/call (+${fmt(g[i] - bare)} µs)`,
      `${fmt(bare)} µs/call bare`,
      ratio(g[i] / bare),
      target === undefined ? "" : `≤ ${fmt(target, 2)}x`,
      target === undefined ? undefined : g[i] / bare <= target,
    );
  row("a", `GET one instance: ${get[0].name}`, `${fmt(bare)} µs/call`, "", "1.00x");
  over(1, TARGET_API);
  over(2, TARGET_SDK);
  if (vukc) {
    over(3);
    row("a", "GET one instance: SDK vs vendor SDK", `${fmt(g[2])} µs/call SDK`, `${fmt(g[3])} µs/call ${vendorName}`, ratio(g[2] / g[3]), "< 1.00x", g[2] < g[3]);
  } else {
    row("a", `GET one instance: vendor SDK ${vendorName} \`ukc.instances.get({ uuid })\``, `not measured: ${vendor.error}`);
    row("a", "GET one instance: SDK vs vendor SDK", `not measured: ${vendor.error}`, "", "", "< 1.00x");
  }

  // --- List one page of instances -------------------------------------------------------------
  // The server lists LIST_SIZE instances; both SDKs ask for pages of 100, so one request each.
  const listUrl = `${server.url}/v1/instances?count=100&details=true`;
  const list = [
    {
      name: "bare `fetch` + `res.json()`",
      call: async () => {
        const res = await fetch(listUrl, { headers });
        const body = await res.json();
        return body.data.instances;
      },
    },
    {
      name: "SDK `for await (… of ukc.instances.list())`",
      call: () => collect(ukc.instances.list()),
    },
  ];
  if (vukc) list.push({ name: `vendor SDK ${vendorName} \`for await (… of ukc.instances.list({ details: true }))\``, call: () => collect(vukc.instances.list({ details: true })) });
  const l = await interleaved(server, list, {
    rounds: CALL_ROUNDS,
    calls: LIST_CALLS,
    warmup: 500,
    check: (instances, name) => {
      if (instances?.length !== LIST_SIZE || instances[LIST_SIZE - 1].name !== `bench-list-${String(LIST_SIZE - 1).padStart(3, "0")}`) {
        throw new Error(`${name} did not return the ${LIST_SIZE} instances`);
      }
    },
  });
  const what = `List ${LIST_SIZE} instances (one page)`;
  row("a", `${what}: ${list[0].name}`, `${fmt(l[0])} µs/call`, "", "1.00x");
  for (let i = 1; i < list.length; i++) {
    row("a", `${what}: ${list[i].name}`, `${fmt(l[i])} µs/call (+${fmt(l[i] - l[0])} µs)`, `${fmt(l[0])} µs/call bare`, ratio(l[i] / l[0]));
  }
  if (vukc) row("a", `${what}: SDK vs vendor SDK`, `${fmt(l[1])} µs/call SDK`, `${fmt(l[2])} µs/call ${vendorName}`, ratio(l[1] / l[2]));
  else row("a", `${what}: vendor SDK ${vendorName}`, `not measured: ${vendor.error}`);
}

// ---------------------------------------------------------------------------------------------
// e. Stop 1,000 instances by name: one batch request against one request per instance.
// ---------------------------------------------------------------------------------------------
async function stopThousand(server) {
  log(`e. stop ${STOP_COUNT} instances (batch vs one by one, ${Math.min(ROUNDS, 3)} rounds) …`);
  const ukc = new UnikraftCloud({ token: TOKEN, baseUrl: server.url });
  const names = Array.from({ length: STOP_COUNT }, (_, i) => `bench-${String(i).padStart(4, "0")}`);
  const batch = async () => {
    const stopped = await ukc.instances.stop(names);
    if (stopped.length !== names.length || stopped[STOP_COUNT - 1].name !== names[STOP_COUNT - 1]) throw new Error("batch stop lost items");
  };
  const oneByOne = async () => {
    for (const name of names) {
      const stopped = await ukc.instances.stop(name);
      if (stopped.name !== name) throw new Error(`stop ${name} returned ${stopped.name}`);
    }
  };
  await ukc.instances.stop(names.slice(0, 10)); // warm-up
  const runs = { batch: { ms: [], requests: [] }, single: { ms: [], requests: [] } };
  const measure = async (fn, into) => {
    const before = server.requests();
    const t0 = performance.now();
    await fn();
    into.ms.push(performance.now() - t0);
    into.requests.push(server.requests() - before);
  };
  for (let round = 0; round < Math.min(ROUNDS, 3); round++) {
    if (round % 2 === 0) {
      await measure(batch, runs.batch);
      await measure(oneByOne, runs.single);
    } else {
      await measure(oneByOne, runs.single);
      await measure(batch, runs.batch);
    }
  }
  const b = { ms: median(runs.batch.ms), requests: Math.max(...runs.batch.requests) };
  const s = { ms: median(runs.single.ms), requests: Math.max(...runs.single.requests) };
  row("e", `Stop ${fmt(STOP_COUNT, 0)} instances by name, one by one: \`for (name of names) await ukc.instances.stop(name)\``, `${fmt(s.requests, 0)} requests, ${fmt(s.ms)} ms`);
  row(
    "e",
    `Stop ${fmt(STOP_COUNT, 0)} instances by name, batch: \`ukc.instances.stop(names)\``,
    `${fmt(b.requests, 0)} request, ${fmt(b.ms)} ms`,
    `${fmt(s.requests, 0)} requests, ${fmt(s.ms)} ms one by one`,
    `${fmt(s.requests / b.requests, 0)}x fewer requests, ${fmt(s.ms / b.ms)}x faster`,
    "1 request",
    b.requests === 1,
  );
}

// ---------------------------------------------------------------------------------------------
// b. Log decoding throughput.
// ---------------------------------------------------------------------------------------------
/** About `bytes` bytes of log text, mixed ASCII and multi-byte UTF-8, deterministic. */
function logText(bytes) {
  const words = ["GET", "/index.html", "200", "ok", "worker", "started", "Grüße", "naïve", "€42", "日本語のログ", "🚀", "Ωmega", "ä", "…", "line"];
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const parts = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const line = `2025-01-01T00:00:${String(n % 60).padStart(2, "0")}Z [${n}] ${Array.from({ length: 6 + Math.floor(rand() * 10) }, () => words[Math.floor(rand() * words.length)]).join(" ")}\n`;
    parts.push(line);
    size += Buffer.byteLength(line);
  }
  return Buffer.from(parts.join("")).subarray(0, bytes);
}

function logDecoding() {
  const PAGES = 64;
  const PASSES = 10;
  log(`b. log decoding (${PAGES} pages x ${MAX_LOG_PAGE_BYTES} bytes, ${PASSES} passes per round, ${ROUNDS} rounds) …`);
  const raw = logText(PAGES * MAX_LOG_PAGE_BYTES);
  // Pages cut at byte offsets, as the API does: a character can be split between two pages.
  const pages = Array.from({ length: PAGES }, (_, i) => raw.subarray(i * MAX_LOG_PAGE_BYTES, (i + 1) * MAX_LOG_PAGE_BYTES).toString("base64"));
  const logPages = pages.map((output, i) => ({
    output,
    range: { start: i * MAX_LOG_PAGE_BYTES, end: (i + 1) * MAX_LOG_PAGE_BYTES },
    available: { start: 0, end: raw.length },
  }));
  const expected = new TextDecoder("utf-8", { ignoreBOM: true }).decode(raw);

  const variants = [
    {
      name: 'Node: `Buffer.from(b64, "base64")` + streaming `TextDecoder`',
      pass: () => {
        const d = new TextDecoder("utf-8", { ignoreBOM: true });
        let text = "";
        for (const b64 of pages) text += d.decode(Buffer.from(b64, "base64"), { stream: true });
        return text + d.decode();
      },
    },
    {
      name: "SDK: `decodeBase64` + `createUtf8Decoder().write`",
      pass: () => {
        const d = createUtf8Decoder();
        let text = "";
        for (const b64 of pages) text += d.write(decodeBase64(b64));
        return text + d.end();
      },
    },
    {
      name: 'Node: `Buffer.from(b64, "base64")` + `TextDecoder.decode` per page (not streaming)',
      pass: () => {
        const d = new TextDecoder("utf-8", { ignoreBOM: true });
        let length = 0;
        for (const b64 of pages) length += d.decode(Buffer.from(b64, "base64")).length;
        return length;
      },
    },
    {
      name: "SDK: `decodeLogPage` per page (text, bytes, offsets; not streaming)",
      pass: () => {
        let length = 0;
        for (const page of logPages) length += decodeLogPage(page).text.length;
        return length;
      },
    },
  ];
  if (variants[0].pass() !== expected || variants[1].pass() !== expected || variants[2].pass() !== variants[3].pass()) {
    throw new Error("decoders disagree on the test data");
  }
  for (const v of variants) for (let i = 0; i < 5; i++) v.pass(); // warm-up

  const mbps = variants.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (round + k) % variants.length;
      const t0 = performance.now();
      for (let p = 0; p < PASSES; p++) variants[i].pass();
      const seconds = (performance.now() - t0) / 1000;
      mbps[i].push((raw.length * PASSES) / 1e6 / seconds);
    }
  }
  const med = mbps.map(median);
  // Streaming (what following the logs does), then whole pages (what logs()/tail() do); each SDK
  // row against the Node row above it.
  for (const [base, sdkRow, target] of [
    [0, 1, 0.8],
    [2, 3, undefined],
  ]) {
    row("b", `Log decoding: ${variants[base].name}`, `${fmt(med[base])} MB/s`, "", "1.00x");
    const r = med[sdkRow] / med[base];
    row(
      "b",
      `Log decoding: ${variants[sdkRow].name}`,
      `${fmt(med[sdkRow])} MB/s`,
      `${fmt(med[base])} MB/s Node`,
      ratio(r),
      target ? `≥ ${fmt(target, 2)}x` : "",
      target ? r >= target : undefined,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Run, then print and write the table.
// ---------------------------------------------------------------------------------------------
const started = new Date();
if (ONLY.has("c")) await bundleSizes();
if (ONLY.has("d")) coldImports();
let vendor;
if (ONLY.has("a")) {
  vendor = await loadVendor();
  log(vendor.error ? `a. ${VENDOR.name}@${VENDOR.version} not measured: ${vendor.error}` : `a. ${VENDOR.name}@${VENDOR.version}: ${vendor.note}`);
}
if (ONLY.has("a") || ONLY.has("e")) {
  const server = await startServer();
  try {
    if (ONLY.has("a")) await callOverhead(server, vendor);
    if (ONLY.has("e")) await stopThousand(server);
  } finally {
    await server.stop();
  }
}
if (ONLY.has("b")) logDecoding();

const cpuList = cpus();
const facts = [
  `Date: ${started.toISOString().replace(/\.\d+Z$/, "Z")}`,
  `Node ${process.version} (${platform()} ${release()} ${arch()})`,
  `CPUs: ${cpuList.length} (available parallelism ${availableParallelism()}) × ${cpuList[0]?.model?.trim() ?? "unknown"}`,
  ...(vendor ? [`Vendor SDK (a): ${VENDOR.name}@${VENDOR.version}${vendor.error ? `, not measured: ${vendor.error}` : `, installed outside the workspace (${Object.entries(VENDOR.overrides).map(([n, v]) => `${n} overridden to ${v}`).join(", ")})`}`] : []),
  `Settings: a: ${CALL_ROUNDS} rounds x ${CALLS} sequential calls per variant (listings: ${LIST_CALLS}); b: ${ROUNDS} rounds; d: ${IMPORT_RUNS} processes per package; e: ${Math.min(ROUNDS, 3)} rounds; medians reported`,
];
const cell = (s) => String(s).replaceAll("|", "\\|");
const table = [
  "| # | Measure | Result | Baseline / detail | Ratio | Target | Met |",
  "| --- | --- | --- | --- | --- | --- | --- |",
  ...[...rows].sort((x, y) => x.id.localeCompare(y.id)).map((r) => `| ${r.id} | ${cell(r.measure)} | ${cell(r.result)} | ${cell(r.baseline)} | ${cell(r.ratio)} | ${cell(r.target)} | ${r.met === undefined ? "" : r.met ? "yes" : "**no**"} |`),
];
const missed = rows.filter((r) => r.met === false);
const unchecked = rows.filter((r) => r.target && r.met === undefined);
const doc = [
  "# Benchmark results",
  "",
  "Written by `pnpm bench` (tools/bench/run.mjs) from the built packages. Numbers vary between machines and",
  "runs; each ratio is of two medians measured in the same run, the variants interleaved round by round.",
  "a, e: a node:http server on 127.0.0.1 in a worker thread. a: the vendor's SDK is installed on demand outside the",
  "workspace (npm, os.tmpdir()); its get is a filtered listing (`GET /v1/instances?uuid=…`), served the same body. b: MB = 10^6 decoded bytes.",
  "c: esbuild, minified, gzip -9, kB = 1000 bytes. d: median wall time of `await import()` in a fresh `node` process.",
  "",
  ...facts.map((f) => `- ${f}`),
  "",
  ...table,
  "",
  missed.length
    ? `Targets missed: ${missed.length}.\n\n${missed.map((r) => `- ${r.id}: ${r.measure}: ${r.ratio || r.result} (target ${r.target})`).join("\n")}`
    : unchecked.length
      ? "All targets that were measured met."
      : "All targets met.",
  ...(unchecked.length ? ["", `Targets not checked (not measured): ${unchecked.length}.`, "", ...unchecked.map((r) => `- ${r.id}: ${r.measure}: ${r.result}`)] : []),
  "",
].join("\n");

process.stdout.write(`\n${doc}`);
if (!args.has("--no-write")) {
  writeFileSync(join(here, "RESULTS.md"), doc);
  log(`\nwrote ${join("tools", "bench", "RESULTS.md")}`);
}
if (args.has("--check") && missed.length) process.exitCode = 1;
