// `pnpm check:drift`: fails when the committed generated code differs from what the spec produces.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { generate, outDir } from "./generate.mjs";

const expected = await generate();
const problems = [];
for (const [name, contents] of Object.entries(expected)) {
  const file = outDir + name;
  if (!existsSync(file)) problems.push(`${name} is missing`);
  else if (readFileSync(file, "utf8") !== contents) problems.push(`${name} differs from what spec/openapi.yaml produces`);
}
for (const name of existsSync(outDir) ? readdirSync(outDir) : []) {
  if (!(name in expected)) problems.push(`${name} is not produced by the generator (remove it)`);
}
if (problems.length) {
  console.error(`check:drift: generated code is out of date with spec/openapi.yaml:\n  - ${problems.join("\n  - ")}\nRun \`pnpm gen\` and commit the result.`);
  process.exit(1);
}
console.log(`check:drift: packages/api/src/generated/ matches spec/openapi.yaml (${Object.keys(expected).length} files)`);
