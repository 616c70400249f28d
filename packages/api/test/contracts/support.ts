// Shared pieces of the contract tests (packages/api/test/contracts/*.ts): the shape of one
// operation's contract, and the identifiers the spec's examples use.
import type { OperationId, operations, UnikraftCloudClient } from "../../src/index";

/** The body of an operation's 200 answer, as generated from the spec. */
export type Success<Op extends OperationId> = operations[Op]["responses"][200]["content"]["application/json"];

/** One operation's contract test. */
export interface Contract<Op extends OperationId> {
  /** Calls the operation with valid path/query parameters and body, as the spec defines them. */
  call(api: UnikraftCloudClient): Promise<{ data?: Success<Op>; error?: unknown; response: Response }>;
  /** Checks concrete values of the spec's 200 example on the typed body. */
  check(body: Success<Op>): void;
}

/**
 * The contracts of one group of operations. Each key must be an operationId and its entry must
 * call that very operation; a key that is not an operationId is a short compile error here.
 */
export type Contracts<Ids extends OperationId> = { [Op in Ids]: Contract<Op> };

/** Base64 log output to text. */
export const decodeLog = (output: string | undefined) => new TextDecoder().decode(Buffer.from(output ?? "", "base64"));

// Identifiers used by the spec's examples.
export const INSTANCE = "123e4567-e89b-12d3-a456-426614174000"; // path `uuid` example of every by-UUID operation
export const FUNKY_TOWN = "funky-town-g756b5d";
export const HELLO_WORLD = "hello-world-x9k2m1p";
export const HELLO_WORLD_UUID = "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13";
export const NGINX_TEMPLATE = "nginx-template-k3m9q2z";
export const NGINX_TEMPLATE_UUID = "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b";
export const REDIS_TEMPLATE_UUID = "3e8d4a2b-7c6f-4b1a-9d0e-5f4c3b2a1e0d";
export const VOLUME = "funky-vol-g7gum5cj";
export const VOLUME_UUID = "c1d2e3f4-5678-90ab-cdef-1234567890ab";
export const VOLUME_2 = "funky-vol-t7qumh5j";
export const VOLUME_2_UUID = "8f2b6a1e-3c4d-4e5f-9a0b-1c2d3e4f5a6b";
export const SERVICE = "funky-service-g7gum5cj";
export const SERVICE_UUID = "c1d2e3f4-5678-90ab-cdef-1234567890ab";
export const POLICY = "funky-policy";
export const CERTIFICATE = "funky-certificate";
export const CERTIFICATE_2_UUID = "5b0c9d8e-7f6a-4b5c-8d9e-0f1a2b3c4d5e";
export const IMAGE_TAG = "funky-user/my-image:latest";
export const IMAGE_DIGEST = "sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef";
export const uuid = INSTANCE;

