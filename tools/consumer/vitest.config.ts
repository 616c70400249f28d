import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `pnpm test:consumer`: packs every package, installs the tarballs into a fresh npm project and
// uses them there as a consumer would. Needs the builds (`pnpm build`) and the npm registry.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL(".", import.meta.url)),
    include: ["consumer.test.mjs"],
    testTimeout: 180_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
