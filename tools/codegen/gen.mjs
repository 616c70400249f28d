// `pnpm gen`: regenerate packages/api/src/generated/ from spec/openapi.yaml.
import { mkdirSync, writeFileSync } from "node:fs";
import { generate, outDir } from "./generate.mjs";

mkdirSync(outDir, { recursive: true });
for (const [name, contents] of Object.entries(await generate())) {
  writeFileSync(outDir + name, contents);
  console.log(`gen: wrote packages/api/src/generated/${name}`);
}
