import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, expect, test } from "vitest";
import { freePort } from "../src/index";
import { acceptsConnections, auth, eventually, pidAlive } from "./helpers";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Starts the built CLI and resolves once it has printed its URL and the env hint. */
function startCli(args: string[]): Promise<{ child: ChildProcess; url: string; pid: number; stdout: () => string }> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stdout = "";
  let stderr = "";
  return new Promise((resolve, reject) => {
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+) \(pid (\d+)\)/.exec(stdout);
      // Both lines are printed at start; they may arrive in separate chunks.
      if (match && stdout.includes("UKC_TOKEN=test\n")) resolve({ child, url: match[1]!, pid: Number(match[2]), stdout: () => stdout });
    });
    child.once("exit", (code) => reject(new Error(`ukc-mock exited with ${code}\n${stdout}\n${stderr}`)));
  });
}

test("`ukc-mock --port <free>` prints the URL, serves requests and exits 0 on SIGTERM, stopping Prism", async () => {
  const port = await freePort();
  const { child, url, pid, stdout } = await startCli(["--port", String(port)]);
  expect(url).toBe(`http://127.0.0.1:${port}`);
  expect(stdout()).toContain(`UKC_METRO=http://127.0.0.1:${port} UKC_TOKEN=test`);

  const res = await fetch(`${url}/v1/healthz`, { headers: auth });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ status: "success" });
  expect((await fetch(`${url}/v1/healthz`)).status).toBe(401);

  child.kill("SIGTERM");
  expect(await exitOf(child)).toBe(0);
  expect(await eventually(() => !pidAlive(pid))).toBe(true);
  expect(await acceptsConnections(port)).toBe(false);
});

test("`ukc-mock --mode examples --dynamic` serves generated answers", async () => {
  const { child, url } = await startCli(["--mode", "examples", "--dynamic", "--port", "0"]);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
  const body = await (await fetch(`${url}/v1/instances`, { headers: auth })).json();
  expect(body.data.instances[0]?.name).not.toBe("funky-town-g756b5d");
  child.kill("SIGINT");
  expect(await exitOf(child)).toBe(0);
});

test("the CLI exits 1 when the Prism server dies under it", async () => {
  const { child, pid } = await startCli([]);
  process.kill(pid, "SIGKILL");
  expect(await exitOf(child)).toBe(1);
});

test.each([["abc"], ["70000"], ["-1"], [""], ["4010x"]])("an invalid --port '%s' exits 2 with a message", (port) => {
  const result = spawnSync(process.execPath, [cli, `--port=${port}`], { encoding: "utf8", timeout: 20_000 });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain("--port must be an integer from 0 to 65535");
  expect(result.stderr).toContain("usage: ukc-mock");
});

test("a non-loopback --host and an unknown option exit 2", () => {
  const host = spawnSync(process.execPath, [cli, "--host", "0.0.0.0"], { encoding: "utf8", timeout: 20_000 });
  expect(host.status).toBe(2);
  expect(host.stderr).toContain("--host must be a loopback address");
  const unknown = spawnSync(process.execPath, [cli, "--bogus"], { encoding: "utf8", timeout: 20_000 });
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toMatch(/Unknown option '--bogus'/);
});

test("a missing --spec exits 1 with the error", () => {
  const result = spawnSync(process.execPath, [cli, "--spec", "/nonexistent.yaml"], { encoding: "utf8", timeout: 20_000 });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("spec file '/nonexistent.yaml' does not exist");
});

test("--help prints the usage and exits 0", () => {
  const result = spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8", timeout: 20_000 });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("usage: ukc-mock");
});

test("the default mode is the simulator: it prints its controls, keeps state, and dies with a SIGKILLed CLI", async () => {
  const { child, url, pid, stdout } = await startCli(["--seed", "7"]);
  expect(stdout()).toContain("simulator (validated by Prism)");
  const controls = /controls at (http:\/\/\S+)\/_sim\//.exec(stdout())?.[1];
  expect(controls).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect((await fetch(`${controls}/_sim/state`)).status).toBe(200);
  expect((await fetch(`${url}/v1/healthz`, { headers: auth })).status).toBe(200);
  child.kill("SIGKILL");
  await exitOf(child);
  // Prism's watchdog sees its parent gone; the simulator lived in the CLI's process.
  expect(await eventually(() => !pidAlive(pid), 5000)).toBe(true);
  expect(await acceptsConnections(Number(new URL(url).port))).toBe(false);
  expect(await acceptsConnections(Number(new URL(controls!).port))).toBe(false);
});

test("--mode, --seed and --speed are checked", () => {
  const mode = spawnSync(process.execPath, [cli, "--mode", "live"], { encoding: "utf8", timeout: 20_000 });
  expect(mode.status).toBe(2);
  expect(mode.stderr).toContain("--mode must be simulator or examples");
  const speed = spawnSync(process.execPath, [cli, "--speed", "0"], { encoding: "utf8", timeout: 20_000 });
  expect(speed.status).toBe(2);
  expect(speed.stderr).toContain("--speed must be a positive number");
  const both = spawnSync(process.execPath, [cli, "--mode", "examples", "--seed", "1"], { encoding: "utf8", timeout: 20_000 });
  expect(both.status).toBe(2);
});
