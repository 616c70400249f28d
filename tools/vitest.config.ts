import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `pnpm test:tools`: the tests of the repository's own tools (packaging lint, consumer-project
// helpers, release dry run, changeset check). The consumer test itself is `pnpm test:consumer`.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["**/*.test.mjs"],
    exclude: ["**/node_modules/**", "consumer/consumer.test.mjs"],
    testTimeout: 120_000,
  },
});
