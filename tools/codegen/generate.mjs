// spec/openapi.yaml -> the TypeScript sources of packages/api/src/generated/ (generate) and of
// packages/sdk/src/generated/ (validators.mjs). `targets()` lists both; `pnpm gen` writes them and
// `pnpm check:drift` compares them with what is committed.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";
import { generateValidators } from "./validators.mjs";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const specFile = `${root}spec/openapi.yaml`;
export const outDir = `${root}packages/api/src/generated/`;
export const sdkOutDir = `${root}packages/sdk/src/generated/`;

const banner = `/**
 * This file was generated from spec/openapi.yaml by tools/codegen. Do not edit it by hand:
 * change the spec and run \`pnpm gen\`.
 */
`;

/** @returns {Promise<Record<string, string>>} file name (in outDir) -> contents */
export async function generate() {
  const text = readFileSync(specFile, "utf8");
  const ast = await openapiTS(text, {
    alphabetize: false,
    exportType: false,
    immutable: false,
    defaultNonNullable: true,
    pathParamsAsTypes: false,
  });
  const schema = astToString(ast);
  const spec = parse(text);
  const names = Object.keys(spec.components?.schemas ?? {});
  const aliases =
    banner +
    `import type { components, operations } from "./schema.js";\n\n` +
    names
      .map((name) => {
        const description = spec.components.schemas[name].description;
        const doc = description ? `/** ${String(description).split("\n")[0].replace(/\*\//g, "*\\/")} */\n` : "";
        return `${doc}export type ${name} = components["schemas"]["${name}"];\n`;
      })
      .join("") +
    `\n/** Every operationId of the spec. */\nexport type OperationId = keyof operations;\n` +
    `\n/** The operationIds of the spec, in document order. */\nexport const operationIds = ${JSON.stringify(
      Object.values(spec.paths ?? {}).flatMap((item) =>
        ["get", "put", "post", "delete", "patch"].filter((m) => item[m]).map((m) => item[m].operationId),
      ),
      null,
      2,
    )} as const satisfies readonly OperationId[];\n`;
  return { "schema.ts": banner + schema, "aliases.ts": aliases };
}

/**
 * Every generated directory: its name (the argument `gen.mjs` takes), where it is and what the spec
 * produces there. Each directory holds only generated files.
 * @param {readonly string[]} [only] names to produce (all when empty)
 * @returns {Promise<{ name: string, dir: string, files: Record<string, string> }[]>}
 */
export async function targets(only = []) {
  const all = {
    api: async () => generate(),
    sdk: async () => ({ "validators.ts": generateValidators(parse(readFileSync(specFile, "utf8"))) }),
  };
  const dirs = { api: outDir, sdk: sdkOutDir };
  const unknown = only.filter((name) => !(name in all));
  if (unknown.length) throw new Error(`unknown generated target(s) ${unknown.join(", ")}; known: ${Object.keys(all).join(", ")}`);
  const names = only.length ? only : Object.keys(all);
  return Promise.all(names.map(async (name) => ({ name, dir: dirs[name], files: await all[name]() })));
}
