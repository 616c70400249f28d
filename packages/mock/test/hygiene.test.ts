// Process hygiene: Prism and the simulator end when the process that started them ends, however
// it ends: stop(), an uncaught exception, SIGTERM or SIGKILL. Each case runs startMock() in a child
// Node process (the built package, as users load it) and checks afterwards that nothing listens
// and no Prism process is left.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { acceptsConnections, eventually, pidAlive } from "./helpers";

const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));

const script = (ending: string) => `
  const { startMock } = await import(${JSON.stringify(dist)});
  const mock = await startMock();
  console.log(JSON.stringify({ pid: mock.pid, url: mock.url, sim: mock.simulator.url }));
  ${ending}
`;

const ENDINGS: Record<string, string> = {
  "stop()": "await mock.stop(); process.exit(0);",
  "an uncaught exception": "setTimeout(() => { throw new Error('boom'); }, 50);",
  SIGTERM: "setInterval(() => {}, 1000);",
  SIGKILL: "setInterval(() => {}, 1000);",
};

test.each(Object.keys(ENDINGS))("nothing survives a parent that ends by %s", async (how) => {
  const child = spawn(process.execPath, ["--input-type=module", "-e", script(ENDINGS[how]!)], { stdio: ["ignore", "pipe", "pipe"] });
  const info = await new Promise<{ pid: number; url: string; sim: string }>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line));
    });
    child.once("exit", (code) => reject(new Error(`the parent exited (${code}) before starting: ${out}`)));
  });
  expect(pidAlive(info.pid)).toBe(true);
  if (how === "SIGTERM" || how === "SIGKILL") child.kill(how);
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once("exit", resolve)));
  expect(await eventually(() => !pidAlive(info.pid), 5000), `Prism (pid ${info.pid}) outlived its parent`).toBe(true);
  expect(await acceptsConnections(Number(new URL(info.url).port))).toBe(false);
  expect(await acceptsConnections(Number(new URL(info.sim).port))).toBe(false);
}, 60_000);
