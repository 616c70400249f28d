import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["../../tools/mock/global-setup.ts"],
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
