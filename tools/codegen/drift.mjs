// `pnpm check:drift`: fails when the committed generated code differs from what the spec produces,
// in packages/api/src/generated/ and packages/sdk/src/generated/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { root, targets } from "./generate.mjs";

const problems = [];
const checked = [];
for (const { dir, files } of await targets()) {
  const where = relative(root, dir) + "/";
  for (const [name, contents] of Object.entries(files)) {
    const file = dir + name;
    if (!existsSync(file)) problems.push(`${where}${name} is missing`);
    else if (readFileSync(file, "utf8") !== contents) problems.push(`${where}${name} differs from what spec/openapi.yaml produces`);
  }
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (!(name in files)) problems.push(`${where}${name} is not produced by the generator (remove it)`);
  }
  checked.push(`${where} (${Object.keys(files).length} files)`);
}
if (problems.length) {
  console.error(`check:drift: generated code is out of date with spec/openapi.yaml:\n  - ${problems.join("\n  - ")}\nRun \`pnpm gen\` and commit the result.`);
  process.exit(1);
}
console.log(`check:drift: ${checked.join(" and ")} match spec/openapi.yaml`);
