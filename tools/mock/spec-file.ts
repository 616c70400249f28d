import { fileURLToPath } from "node:url";

/** Absolute path of the contract, spec/openapi.yaml. */
export const specFile = fileURLToPath(new URL("../../spec/openapi.yaml", import.meta.url));
