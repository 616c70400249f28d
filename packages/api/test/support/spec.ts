// Reads spec/openapi.yaml, so tests can compare what the client did and received with the contract
// itself (operationIds, method + path of each operation, and the examples of its responses).
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { specFile } from "../../../../tools/mock/spec-file";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Ref {
  $ref: string;
}
interface MediaType {
  example?: Json;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId?: string;
  responses: Record<string, ResponseObject | Ref>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, ResponseObject> };
}

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "patch", "options", "head", "trace"]);

export const spec = parse(readFileSync(specFile, "utf8")) as Document;

/** Where an operation lives: its HTTP method (upper case) and path template, e.g. `GET /v1/instances/{uuid}`. */
export interface Route {
  method: string;
  path: string;
}

/** operationId -> method and path, in document order. */
export const routes: ReadonlyMap<string, Route> = new Map(
  Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method, op]) => HTTP_METHODS.has(method) && typeof op.operationId === "string")
      .map(([method, op]) => [op.operationId as string, { method: method.toUpperCase(), path }] as const),
  ),
);

function operation(operationId: string): Operation {
  const route = routes.get(operationId);
  if (!route) throw new Error(`operationId '${operationId}' is not in the spec`);
  return spec.paths[route.path]![route.method.toLowerCase()]!;
}

function resolve(response: ResponseObject | Ref): ResponseObject {
  if (!("$ref" in response)) return response;
  const name = response.$ref.replace("#/components/responses/", "");
  const target = spec.components.responses[name];
  if (!target) throw new Error(`unresolved $ref ${response.$ref}`);
  return target;
}

/** The `application/json` example of an operation's response with this HTTP status. */
export function responseExample(operationId: string, status: number): Json {
  const response = operation(operationId).responses[String(status)];
  if (!response) throw new Error(`${operationId} has no ${status} response in the spec`);
  const example = resolve(response).content?.["application/json"]?.example;
  if (example === undefined) throw new Error(`${operationId} ${status} has no application/json example`);
  return example;
}
