// Runs each example as a user would (`node examples/<name>.mjs`), against the mock it starts
// itself, and checks that it exits 0, prints the expected lines, and stopped its mock.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const examplesDir = fileURLToPath(new URL(".", import.meta.url));
const root = fileURLToPath(new URL("..", import.meta.url));

/** Runs an example without UKC_TOKEN (so against the mock); resolves with code, stdout, stderr. */
function runExample(file, args = []) {
  const env = { ...process.env };
  delete env.UKC_TOKEN;
  delete env.UKC_METRO;
  delete env.UKC_LOG;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${examplesDir}${file}`, ...args], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** The mock URL an example printed on its `target` line. */
function mockUrl(stdout) {
  const match = /^target\s+mock (http:\/\/127\.0\.0\.1:\d+)/m.exec(stdout);
  expect(match, `no "target mock <url>" line in:\n${stdout}`).not.toBeNull();
  return match[1];
}

/** The mock is gone: nothing listens on its port any more. */
async function expectStopped(url) {
  const error = await fetch(`${url}/v1/healthz`, { signal: AbortSignal.timeout(5000) }).then(
    () => undefined,
    (e) => e,
  );
  expect(error, `the mock at ${url} still answers after the example exited`).toBeInstanceOf(Error);
}

/** Checks a successful run: exit 0, every expected line in order, the mock stopped. */
async function expectRun(result, expected) {
  const detail = `exit ${result.code}${result.signal ? ` (${result.signal})` : ""}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
  expect(result.code, detail).toBe(0);
  expect(result.stderr, detail).toBe("");
  let from = 0;
  for (const pattern of expected) {
    const rest = result.stdout.slice(from);
    const match = pattern.exec(rest);
    expect(match, `expected ${pattern} after offset ${from}\n${detail}`).not.toBeNull();
    from += match.index + match[0].length;
  }
  await expectStopped(mockUrl(result.stdout));
}

beforeAll(() => {
  for (const pkg of ["api", "sdk", "mock"]) {
    if (!existsSync(`${root}packages/${pkg}/dist/index.js`)) throw new Error(`packages/${pkg}/dist is missing: run \`pnpm build\` first`);
  }
});

const UUID = "123e4567-e89b-12d3-a456-426614174000";

describe("examples against the simulator", () => {
  it("create-and-wait.mjs creates, waits, prints and deletes an instance", async () => {
    await expectRun(await runExample("create-and-wait.mjs"), [
      /^target\s+mock http:\/\/127\.0\.0\.1:\d+/m,
      /^create\s+ukc-example-web-[0-9a-f]{6} \([0-9a-f-]{36}\) (starting|running)$/m,
      /^wait\s+\S+ running$/m,
      /^get\s+\S+ running, nginx:latest, \d+ MB, \d+ vCPU, fqdn \S+, boot \d+ µs$/m,
      /^delete\s+\S+ \(was running\)$/m,
      /^done\s+ok$/m,
    ]);
  });

  it("follow-logs.mjs follows the log lines until its AbortSignal times out", async () => {
    await expectRun(await runExample("follow-logs.mjs", ["--seconds", "2"]), [
      /^create\s+\S+ \(\S+\) (starting|running)$/m,
      /^follow\s+\S+ for 2 s/m,
      // The simulator's boot lines of the instance the example created.
      /^ {2}\| Booting nginx:latest \(128 MB, 1 vCPU\)$/m,
      /^ {2}\| ukc-example-logs-[0-9a-f]{6}: nginx:latest is running/m,
      /^end\s+2 line\(s\); 2 s passed$/m,
      /^delete\s+\S+ \(was running\)$/m,
      /^done\s+ok$/m,
    ]);
  });

  it("follow-logs.mjs given an instance that does not exist exits 1 with a NotFoundError", async () => {
    const result = await runExample("follow-logs.mjs", [UUID, "--seconds=2"]);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^follow\\s+${UUID} for 2 s`, "m"));
    expect(result.stderr).toMatch(/^error: NotFoundError: .*No instance with UUID '123e4567-e89b-12d3-a456-426614174000'/m);
    await expectStopped(mockUrl(result.stdout));
  });

  it("autoscale-setup.mjs sets up, reads back and removes a service group's autoscaling", async () => {
    await expectRun(await runExample("autoscale-setup.mjs"), [
      /^template\s+ukc-example-tpl-[0-9a-f]{6} \([0-9a-f-]{36}\)$/m,
      /^group\s+\S+ \(\S+\)$/m,
      /^configure\s+\S+: success$/m,
      /^policy\s+\S+: success$/m,
      /^read\s+enabled true, \d+\.\.\d+ instances, warmup \d+ ms, cooldown \d+ ms, policies: \S+/m,
      /^read\s+policy \S+: cpu, percentage, enabled, steps \[10, 500\) \+50 \[500, \+inf\) \+100$/m,
      /^read\s+1 policy: \S+$/m,
      /^delete\s+policy \S+$/m,
      /^delete\s+configuration of \S+$/m,
      /^delete\s+service group \S+$/m,
      /^delete\s+template ukc-example-tpl-[0-9a-f]{6}$/m,
      /^done\s+ok$/m,
    ]);
  });

  it("volumes.mjs creates, waits for, attaches, detaches and deletes a volume", async () => {
    await expectRun(await runExample("volumes.mjs"), [
      /^create\s+volume \S+ \(\S+\)$/m,
      /^wait\s+volume \S+ (available|mounted), \d+ MB$/m,
      /^create\s+instance \S+ \(\S+\) \S+$/m,
      /^attach\s+volume \S+: success$/m,
      /^get\s+volume \S+ \S+, attached to \S+/m,
      /^detach\s+volume \S+: success$/m,
      /^delete\s+volume \S+$/m,
      /^delete\s+instance \S+$/m,
      /^done\s+ok$/m,
    ]);
  });

  it("a failing example exits non-zero, says why, and still stops the mock", async () => {
    const result = await runExample("follow-logs.mjs", ["not a valid name!", "--seconds", "1"]);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^error: ValidationError/m);
    await expectStopped(mockUrl(result.stdout));
  });
});
