// Shared by the examples: connects to Unikraft Cloud, or to a local mock of it, and runs an
// example so that the mock is always stopped and a failure exits non-zero.
//
// Without UKC_TOKEN, the Unikraft Cloud simulator of @ukc/mock is started on a free loopback port,
// with Prism in front checking every request and answer against the OpenAPI contract. With
// UKC_TOKEN, the real API of UKC_METRO (default fra) is used, and real resources are created and
// deleted. The examples themselves are the same for both.
import { randomBytes } from "node:crypto";
import { startMock } from "../packages/mock/dist/index.js";
import { UnikraftCloud } from "../packages/sdk/dist/index.js";

/** Prints one step: its name, padded, then what the call returned. */
export function print(step, text) {
  console.log(`${step.padEnd(10)} ${text}`);
}

/** A unique resource name, e.g. `ukc-example-vol-1a2b3c`. */
export function uniqueName(kind) {
  return `ukc-example-${kind}-${randomBytes(3).toString("hex")}`;
}

/** The image of the instances the examples create. */
export const IMAGE = process.env.UKC_IMAGE || "nginx:latest";

/**
 * Runs `example({ ukc, mock })`. Starts (and always stops) the mock when UKC_TOKEN is unset;
 * prints the error and sets exit code 1 when the example throws.
 */
export async function run(example) {
  let mock;
  try {
    let ukc;
    if (process.env.UKC_TOKEN) {
      ukc = new UnikraftCloud(); // token from UKC_TOKEN, metro from UKC_METRO
      print("target", `${ukc.baseUrl} (UKC_TOKEN is set: real resources are created and deleted)`);
    } else {
      mock = await startMock();
      ukc = new UnikraftCloud({ token: "mock-token", baseUrl: mock.url });
      print("target", `mock ${mock.url} (the @ukc/mock simulator; set UKC_TOKEN to use the real API)`);
    }
    await example({ ukc, mock });
    print("done", "ok");
  } catch (error) {
    console.error(`error: ${error?.stack ?? error}`);
    process.exitCode = 1;
  } finally {
    await mock?.stop();
  }
}

/**
 * Runs every cleanup step, even when one fails, and throws the first failure at the end.
 * Each step is `[label, () => promise]`.
 */
export async function cleanup(steps) {
  let first;
  for (const [label, step] of steps) {
    try {
      await step();
    } catch (error) {
      console.error(`${label} failed: ${error?.message ?? error}`);
      first ??= error;
    }
  }
  if (first) throw first;
}
