// The request body validators generated from the spec (src/generated/validators.ts) and their
// interpreter (src/internal/validate.ts). The valid bodies are the spec's own examples, so the
// validators and the spec's examples are checked against each other; the bad ones are hand-made.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ValidationError } from "../../src/core/errors";
import { NODES, PATCHES, ROOTS } from "../../src/generated/validators";
import { listProps, updatableProps, validateBody, validatePatch } from "../../src/internal/validate";

interface Schema {
  $ref?: string;
  type?: string;
  items?: Schema;
  example?: unknown;
  properties?: Record<string, Schema & { enum?: string[] }>;
}
interface Operation {
  operationId: string;
  requestBody?: { content?: { "application/json"?: { schema?: Schema; example?: unknown; examples?: Record<string, { value?: unknown }> } } };
}
const spec = parse(readFileSync(fileURLToPath(new URL("../../../../spec/openapi.yaml", import.meta.url)), "utf8")) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
const METHODS = ["get", "put", "post", "delete", "patch"];
const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method]! })),
);
const byId = new Map(operations.map((o) => [o.op.operationId, o]));
const schemaOf = (s: Schema | undefined): Schema | undefined => (s?.$ref ? spec.components.schemas[s.$ref.split("/").pop()!] : s);

/** The spec's example bodies of an operation, as items for an array body. */
function examples(id: string): unknown[] {
  const json = byId.get(id)?.op.requestBody?.content?.["application/json"];
  const bodies = [json?.example, ...Object.values(json?.examples ?? {}).map((e) => e.value)].filter((b) => b !== undefined);
  return json?.schema?.type === "array" ? bodies.flatMap((b) => b as unknown[]) : bodies;
}

/** The example of the component schema of a root body (or item), when it has one. */
function schemaExample(id: string): unknown {
  let schema = byId.get(id)?.op.requestBody?.content?.["application/json"]?.schema;
  if (schema?.type === "array") schema = schema.items;
  return schema?.$ref ? schemaOf(schema)?.example : undefined;
}

/** The ValidationError the call throws. */
function error(fn: () => void): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error("expected a ValidationError, nothing was thrown");
}

/** Expects a ValidationError on `field` whose message contains every fragment. */
function rejects(fn: () => void, field: string, ...fragments: string[]): ValidationError {
  const e = error(fn);
  expect(e.field).toBe(field);
  for (const fragment of fragments) expect(e.message).toContain(fragment);
  return e;
}

const body = (root: string, value: unknown) => () => validateBody(root, value);

describe("validateBody: the spec's examples pass", () => {
  it("covers only operations of the spec that have a request body", () => {
    for (const root of Object.keys(ROOTS)) expect(byId.get(root)?.op.requestBody, root).toBeDefined();
  });

  for (const root of Object.keys(ROOTS)) {
    it(`${root}: the operation's example body`, () => {
      const items = examples(root);
      expect(items.length, `${root} has no request example in the spec`).toBeGreaterThan(0);
      items.forEach((item, i) => validateBody(root, item, `example[${i}]`));
    });
  }

  it("the examples of the root body schemas", () => {
    for (const root of Object.keys(ROOTS)) {
      const example = schemaExample(root);
      if (example !== undefined) validateBody(root, example, `${root} schema example`);
    }
  });
});

describe("validateBody: bad bodies", () => {
  const instance = { image: "nginx:latest", memory_mb: 256 };

  it("wrong types, with the field, what is allowed and what was given", () => {
    const e = rejects(body("createInstance", { ...instance, memory_mb: "512" }), "params.memory_mb", 'must be an integer, got "512"');
    expect(e.message).toBe('params.memory_mb: must be an integer, got "512"');
    rejects(body("createInstance", { ...instance, autostart: "yes" }), "params.autostart", "must be a boolean");
    rejects(body("createInstance", { ...instance, args: "--debug" }), "params.args", "must be an array");
    rejects(body("createInstance", { ...instance, env: ["A=1"] }), "params.env", "must be an object");
    rejects(body("createInstance", { ...instance, image: 5 }), "params.image", "must be a string or an object with url, got 5");
    rejects(body("createInstance", null), "params", "must be an object, got null");
  });

  it("integers: fractions, NaN and Infinity are refused", () => {
    rejects(body("createInstance", { ...instance, memory_mb: 1.5 }), "params.memory_mb", "must be an integer, got 1.5");
    rejects(body("createInstance", { ...instance, vcpus: Number.NaN }), "params.vcpus", "got NaN");
    rejects(body("createInstance", { ...instance, replicas: Number.POSITIVE_INFINITY }), "params.replicas", "got Infinity");
  });

  it("ranges", () => {
    rejects(body("createInstance", { ...instance, timeout_s: -1 }), "params.timeout_s", "must be an integer >= 0, got -1");
    rejects(body("createVolume", { size_mb: -5 }), "params.size_mb", "must be an integer >= 1, got -5");
    rejects(
      body("createInstance", { ...instance, service_group: { services: [{ port: 443 }], soft_limit: 0 } }),
      "params.service_group.soft_limit",
      "must be an integer from 1 to 65535, got 0",
    );
  });

  it("unknown fields, listing the known ones", () => {
    rejects(body("createInstance", { ...instance, spam: 1 }), "params", "'spam' is not a known field; known: image, name, args, env, memory_mb");
    rejects(body("createServiceGroup", { services: [{ port: 80, prot: "tcp" }] }), "params.services[0]", "'prot' is not a known field; known: port");
    rejects(body("cloneVolume", { vol_name: "copy", size_mb: 1 }), "params", "'size_mb' is not a known field");
  });

  it("undefined values are not sent and so not checked", () => {
    validateBody("createInstance", { ...instance, name: undefined, spam: undefined });
  });

  it("enums", () => {
    rejects(body("createInstance", { ...instance, restart_policy: "sometimes" }), "params.restart_policy", 'must be one of never, always, on-failure, got "sometimes"');
    rejects(
      body("createServiceGroup", { services: [{ port: 443, handlers: ["tls", "spam"] }] }),
      "params.services[0].handlers[1]",
      "must be one of tls, http, redirect",
    );
  });

  it("required fields, nested", () => {
    rejects(body("createServiceGroup", { name: "web" }), "params.services", "is required");
    rejects(body("createServiceGroup", { services: [{ destination_port: 8080 }] }), "params.services[0].port", "is required");
    rejects(body("createInstance", { ...instance, volumes: [{ name: "data", size_mb: 32 }] }), "params.volumes[0].at", "is required");
  });

  it("nested paths into arrays, maps and alternatives", () => {
    rejects(body("createServiceGroup", { services: [{ port: 443 }, { port: "80" }] }), "params.services[1].port", 'must be an integer from 0 to 65535, got "80"');
    rejects(body("createInstance", { ...instance, env: { GOOD: "1", BAD: 2 } }), "params.env.BAD", "must be a string, got 2");
    rejects(body("createInstance", { ...instance, annotations: { "example.com/team": 1 } }), 'params.annotations["example.com/team"]', "must be a string");
    rejects(
      body("createInstance", { ...instance, service_group: { services: [{ port: 443, handlers: ["tls"] }], domains: [{ name: 5 }] } }),
      "params.service_group.domains[0].name",
      "must be a string",
    );
  });

  it("uuid format", () => {
    rejects(body("createInstance", { ...instance, service_group: { uuid: "not-a-uuid" } }), "params.service_group.uuid", 'must be a UUID, got "not-a-uuid"');
    validateBody("createInstance", { ...instance, service_group: { uuid: "123e4567-e89b-12d3-a456-426614174000" } });
  });

  it("one-of references and key groups", () => {
    const both = { uuid: "123e4567-e89b-12d3-a456-426614174000", name: "web" };
    rejects(body("createInstance", { ...instance, service_group: both }), "params.service_group", "give only one of uuid, name");
    rejects(body("createInstance", { ...instance, service_group: "web" }), "params.service_group", "must be an object with uuid or an object with name or an object with services");
    rejects(body("cloneVolumes", { ...both, vol_name: "copy" }), "params", "give only one of uuid, name");
    rejects(body("cloneVolumes", { vol_name: "copy" }), "params", "needs one of uuid, name");
    rejects(body("createCertificate", { chain: "c", pkey: "k" }), "params", "needs one of common_name, cn");
    rejects(body("createInstance", { ...instance, volumes: [{ at: "/data", ...both }] }), "params.volumes[0]", "uuid and name cannot be given together");
  });

  it("patterns and lengths", () => {
    rejects(body("attachVolume", { attach_to: { name: "db" }, at: "data" }), "params.at", "must be a string matching /^/", 'got "data"');
    rejects(body("pinImages", { url: "", timeout_s: 0 }), "params.url", "at least 1 character(s)");
  });

  it("the SDK's name rule for top-level names", () => {
    const rule = "use 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit";
    rejects(body("createVolume", { name: "my volume", size_mb: 1 }), "params.name", "'my volume' is not a valid name", rule);
    rejects(body("createInstance", { ...instance, name: "-x" }), "params.name", rule);
    rejects(body("createInstance", { ...instance, name: "x".repeat(64) }), "params.name", rule);
    rejects(body("cloneVolume", { vol_name: "bad/name" }), "params.vol_name", rule);
    rejects(body("createVolumeTemplates", { name: "bad name" }), "params.name", rule);
    validateBody("createInstance", { ...instance, name: "x".repeat(63) });
    // Not for names deeper in the body, which the spec leaves free.
    validateBody("createInstance", { ...instance, volumes: [{ name: "any name at all", at: "/data" }] });
  });

  it("never echoes a private key", () => {
    const secret = { key: "-----BEGIN PRIVATE KEY-----TOPSECRET" };
    const e = rejects(body("createCertificate", { common_name: "example.com", chain: "c", pkey: secret }), "params.pkey", "must be a string");
    expect(e.message).not.toContain("TOPSECRET");
    expect(e.message).not.toContain("BEGIN");
    const u = rejects(body("updateCertificate", { chain: "c", pkey: 12345 }), "params.pkey", "not shown");
    expect(u.message).not.toContain("12345");
  });

  it("echoes long values shortened", () => {
    const e = rejects(body("createInstance", { ...instance, restart_policy: "x".repeat(200) }), "params.restart_policy");
    expect(e.message.length).toBeLessThan(140);
    expect(e.message).toContain("…");
  });

  it("unknown roots are an error", () => {
    rejects(body("noSuchOperation", {}), "root", "noSuchOperation");
  });
});

describe("validatePatch", () => {
  it("instances: memory_mb, tags and env", () => {
    validatePatch("instances", "memory_mb", "set", 512, "patch.memory_mb");
    rejects(() => validatePatch("instances", "memory_mb", "set", "512", "patch.memory_mb"), "patch.memory_mb", 'must be an integer, got "512"');
    rejects(() => validatePatch("instances", "memory_mb", "add", 1, "patch.memory_mb"), "patch.memory_mb", "'add' works only on list and map properties (", "tags", "env");

    validatePatch("instances", "tags", "set", ["a", "b"], "patch.tags");
    validatePatch("instances", "tags", "add", ["c"], "patch.tags");
    validatePatch("instances", "tags", "del", "c", "patch.tags");
    rejects(() => validatePatch("instances", "tags", "add", ["ok", 7], "patch.tags"), "patch.tags[1]", "must be a string, got 7");
    rejects(() => validatePatch("instances", "tags", "set", "a", "patch.tags"), "patch.tags", "must be an array");

    validatePatch("instances", "env", "set", { A: "1" }, "patch.env");
    validatePatch("instances", "env", "add", { B: "2" }, "patch.env");
    validatePatch("instances", "env", "del", ["A", "B"], "patch.env");
    validatePatch("instances", "env", "del", "A", "patch.env");
    rejects(() => validatePatch("instances", "env", "add", { B: 2 }, "patch.env"), "patch.env.B", "must be a string");
    rejects(() => validatePatch("instances", "env", "del", [1], "patch.env"), "patch.env[0]", "must be a string, got 1");
    rejects(() => validatePatch("instances", "env", "del", { A: "1" }, "patch.env"), "patch.env", "must be a string");
  });

  it("instances: structured values", () => {
    validatePatch("instances", "scale_to_zero", "set", { policy: "idle", stateful: true, cooldown_time_ms: 1000 }, "patch.scale_to_zero");
    rejects(() => validatePatch("instances", "scale_to_zero", "set", { policy: "sometimes" }, "patch.scale_to_zero"), "patch.scale_to_zero.policy", "must be one of on, off, idle");
    validatePatch("instances", "image", "set", { url: "nginx:latest", pull_policy: "always" }, "patch.image");
    validatePatch("instances", "dependencies", "add", [{ name: "db" }], "patch.dependencies");
    rejects(() => validatePatch("instances", "delete_lock", "set", "yes", "patch.delete_lock"), "patch.delete_lock", "must be a boolean");
  });

  it("volumes: size_mb", () => {
    validatePatch("volumes", "size_mb", "set", 1024, "patch.size_mb");
    rejects(() => validatePatch("volumes", "size_mb", "set", -1, "patch.size_mb"), "patch.size_mb", "must be an integer >= 1, got -1");
    rejects(() => validatePatch("volumes", "size_mb", "set", 1.5, "patch.size_mb"), "patch.size_mb", "must be an integer");
    rejects(() => validatePatch("volumes", "quota_policy", "set", "elastic", "patch.quota_policy"), "patch.quota_policy", "must be one of static, dynamic");
  });

  it("service groups: services", () => {
    validatePatch("serviceGroups", "services", "set", [{ port: 443, destination_port: 8080, handlers: ["tls", "http"] }], "patch.services");
    validatePatch("serviceGroups", "services", "add", [{ port: 80 }], "patch.services");
    validatePatch("serviceGroups", "services", "del", { port: 80 }, "patch.services");
    rejects(() => validatePatch("serviceGroups", "services", "add", [{ port: "80" }], "patch.services"), "patch.services[0].port", "must be an integer from 0 to 65535");
    rejects(() => validatePatch("serviceGroups", "services", "add", [{ port: 80, handlers: ["ftp"] }], "patch.services"), "patch.services[0].handlers[0]", "must be one of tls, http, redirect");
  });

  it("unknown props list the updatable ones", () => {
    rejects(() => validatePatch("instances", "memory", "set", 1, "patch.memory"), "patch.memory", "'memory' cannot be updated; updatable properties: image, args, env, memory_mb");
    rejects(() => validatePatch("volumes", "name", "set", "x", "patch.name"), "patch.name", "updatable properties: size_mb, tags");
    rejects(() => validatePatch("instances", "tags", "push" as never, ["x"], "patch.tags"), "patch.tags", "'push' is not an operation");
    rejects(() => updatableProps("nope"), "resource", "'nope'");
  });

  it("list props are the array and map props", () => {
    expect(listProps("instances")).toEqual(expect.arrayContaining(["args", "env", "tags", "annotations", "schedules", "roms", "plugins", "dependencies"]));
    expect(listProps("instances")).not.toContain("memory_mb");
    expect(listProps("instances")).not.toContain("scale_to_zero");
    expect(listProps("volumes")).toEqual(["tags"]);
    expect(listProps("serviceGroups")).toEqual(["services", "domains"]);
  });
});

describe("patches cover the spec's batch updates", () => {
  // Every batch update operation whose item has a `prop` enum; the resource key is the
  // operationId without `update` (updateServiceGroups -> serviceGroups).
  const batches = operations
    .map(({ path, op }) => {
      const body = op.requestBody?.content?.["application/json"]?.schema;
      const item = body?.type === "array" ? schemaOf(body.items) : undefined;
      const props = item?.properties?.prop?.enum;
      return props && op.operationId.startsWith("update") ? { path, id: op.operationId, props } : undefined;
    })
    .filter((b) => b !== undefined);
  const resourceOf = (id: string) => id.charAt(6).toLowerCase() + id.slice(7);

  it("there is one resource per batch update operation, and no other", () => {
    expect(batches.length).toBeGreaterThan(0);
    expect(Object.keys(PATCHES).sort()).toEqual(batches.map((b) => resourceOf(b.id)).sort());
  });

  for (const { path, id, props } of batches) {
    it(`${id}: every prop of the enum has a value schema`, () => {
      const resource = resourceOf(id);
      expect(updatableProps(resource)).toEqual(props);
      for (const prop of props) expect(NODES[PATCHES[resource]![prop]!], `${resource}.${prop}`).toBeDefined();
      // The by-UUID update of the same resource takes the same props.
      const single = schemaOf(spec.paths[`${path}/{uuid}`]?.patch?.requestBody?.content?.["application/json"]?.schema);
      if (single) expect(single.properties?.prop?.enum).toEqual(props);
    });

    it(`${id}: the spec's example operations pass validatePatch`, () => {
      for (const op of examples(id) as { prop: string; op: "set" | "add" | "del"; value: unknown }[]) {
        validatePatch(resourceOf(id), op.prop, op.op, op.value, `patch.${op.prop}`);
      }
    });
  }
});
