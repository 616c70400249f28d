// `pnpm gen`: regenerate packages/api/src/generated/ and packages/sdk/src/generated/ from
// spec/openapi.yaml. `node gen.mjs sdk` (or `api`) writes only that package's directory.
import { mkdirSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { root, targets } from "./generate.mjs";

for (const { dir, files } of await targets(process.argv.slice(2))) {
  mkdirSync(dir, { recursive: true });
  for (const [name, contents] of Object.entries(files)) {
    writeFileSync(dir + name, contents);
    console.log(`gen: wrote ${relative(root, dir + name)}`);
  }
}
