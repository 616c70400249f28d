// Prepares a build: empties dist/ (the two tsup configs build in parallel, so neither may clean
// it without racing the other) and ships the contract with the package:
// spec/openapi.yaml -> packages/mock/openapi.yaml, and src/watchdog.cjs -> dist/watchdog.cjs.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

rmSync(fileURLToPath(new URL("../dist", import.meta.url)), { recursive: true, force: true });
const from = fileURLToPath(new URL("../../../spec/openapi.yaml", import.meta.url));
const to = fileURLToPath(new URL("../openapi.yaml", import.meta.url));
copyFileSync(from, to);
// The watchdog that ends the Prism process with its parent, preloaded with `node --require`.
mkdirSync(fileURLToPath(new URL("../dist", import.meta.url)), { recursive: true });
copyFileSync(fileURLToPath(new URL("../src/watchdog.cjs", import.meta.url)), fileURLToPath(new URL("../dist/watchdog.cjs", import.meta.url)));
