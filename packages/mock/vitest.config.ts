import { defineConfig } from "vitest/config";

// No global setup here: these tests start and stop their own Prism servers through startMock().
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
