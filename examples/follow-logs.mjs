// Follows the logs of an instance, line by line, for a few seconds (or until the instance stops,
// or Ctrl-C).
//
//   pnpm build && node examples/follow-logs.mjs [instance] [--seconds 5]
//
// With an instance (name or UUID) it follows that one; without, it creates one (and deletes it
// at the end). --seconds defaults to 5. Following polls the log endpoint and delivers every byte
// once; an AbortSignal ends it (or the instance stopping).
import { parseArgs } from "node:util";
import { AbortError, lines } from "../packages/sdk/dist/index.js";
import { IMAGE, print, run, uniqueName } from "./connect.mjs";

const usage = "usage: node examples/follow-logs.mjs [instance] [--seconds 5]";
let ref;
let seconds;
try {
  const { values, positionals } = parseArgs({ options: { seconds: { type: "string", default: "5" } }, allowPositionals: true });
  if (positionals.length > 1) throw new Error(`one instance at most, got ${positionals.length}`);
  ref = positionals[0];
  seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`--seconds must be a positive number, got '${values.seconds}'`);
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}

await run(async ({ ukc }) => {
  let created;
  try {
    let target = ref;
    if (!target) {
      created = await ukc.instances.create({ name: uniqueName("logs"), image: IMAGE, memory_mb: 128, autostart: true });
      target = created.uuid;
      print("create", `${created.name} (${created.uuid}) ${created.state}`);
    }

    // Ends after `seconds`, or at Ctrl-C.
    const interrupted = new AbortController();
    const onSigint = () => interrupted.abort(new Error("interrupted"));
    process.once("SIGINT", onSigint);
    const signal = AbortSignal.any([AbortSignal.timeout(seconds * 1000), interrupted.signal]);

    print("follow", `${target} for ${seconds} s (from the oldest byte the server holds)`);
    let count = 0;
    let why = "the instance stopped";
    try {
      for await (const line of lines(ukc.instances.follow(target, { from: "start", intervalMs: 500, signal }))) {
        count++;
        console.log(`  | ${line}`);
      }
    } catch (error) {
      if (!(error instanceof AbortError)) throw error;
      why = interrupted.signal.aborted ? "interrupted" : `${seconds} s passed`;
    } finally {
      process.off("SIGINT", onSigint);
    }
    print("end", `${count} line(s); ${why}`);
  } finally {
    if (created?.uuid) {
      const deleted = await ukc.instances.delete(created.uuid);
      print("delete", `${deleted.name} (was ${deleted.previous_state})`);
    }
  }
});
