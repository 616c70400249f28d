// Ships the contract with the package: spec/openapi.yaml -> packages/mock/openapi.yaml.
import { copyFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const from = fileURLToPath(new URL("../../../spec/openapi.yaml", import.meta.url));
const to = fileURLToPath(new URL("../openapi.yaml", import.meta.url));
copyFileSync(from, to);
