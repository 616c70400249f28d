import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `vitest run --config examples/vitest.config.mjs`: runs every example against the mock (each
// starts its own Prism) and checks its exit code and output. Needs the builds (`pnpm build`).
export default defineConfig({
  test: {
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["examples.test.mjs", "ci-suite.test.mjs"],
    testTimeout: 120_000,
    fileParallelism: false,
  },
});
