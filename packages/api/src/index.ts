/**
 * `@ukc/api`: the low-level typed client of the Unikraft Cloud Platform API.
 *
 * Types are generated from the project's OpenAPI document by openapi-typescript; calls go
 * through openapi-fetch. For name-or-UUID references, waiting, log following, retries and typed
 * errors, use `@ukc/sdk`, which builds on this package.
 *
 * @packageDocumentation
 */
export { createClient, bearerAuth, type ClientOptions, type UnikraftCloudClient } from "./client.js";
export { resolveBaseUrl, METROS, DEFAULT_METRO, type Metro } from "./base-url.js";
export type { paths, components, operations } from "./generated/schema.js";
export * from "./generated/aliases.js";
