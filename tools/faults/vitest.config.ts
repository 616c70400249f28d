import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["../mock/global-setup.ts"],
    include: ["*.test.ts"],
    testTimeout: 20_000,
  },
});
