// spec/openapi.yaml -> the TypeScript sources of packages/api/src/generated/.
// One function, used by `pnpm gen` (writes) and `pnpm check:drift` (compares).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const specFile = `${root}spec/openapi.yaml`;
export const outDir = `${root}packages/api/src/generated/`;

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
