import { defineConfig } from "tsup";

// dist/ is emptied by scripts/copy-spec.mjs before tsup runs: these two configs build in
// parallel, and a `clean` in either could delete the other's output.
export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: false,
    target: "es2022",
    shims: true,
  },
  {
    entry: ["src/cli.ts"],
    format: ["esm"],
    clean: false,
    target: "es2022",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
