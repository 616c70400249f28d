// spec/openapi.yaml -> packages/sdk/src/generated/validators.ts: a compact table of the request
// body schemas the SDK sends, read by the hand-written interpreter packages/sdk/src/internal/validate.ts.
//
// Not JSON Schema verbatim: every schema becomes a small node with one-letter keys (see NODE_DOC
// below), structurally identical nodes are emitted once and referred to by index, and everything
// that does not constrain a value (descriptions, examples, defaults) is dropped. A keyword this
// generator does not know makes it fail, so a spec change never silently weakens the validators.
import { parse } from "yaml";

/**
 * The request bodies the SDK validates before sending, by operationId. The key the SDK passes to
 * `validateBody` is the operationId. For an array body (a batch) the entry is the schema of ONE
 * item: the SDK validates each item (field `params[0]`, …).
 *
 * Only the bodies the SDK builds from caller input; bodies it assembles itself from parsed refs
 * (delete, start, stop, suspend, detach, unpin) and the raw update items (checked per operation by
 * `validatePatch`) are left out to keep the table small. Every entry must have a request example
 * in the spec (test/unit/validate.test.ts validates it).
 */
export const ROOTS = [
  "createInstance",
  "createTemplates",
  "createCheckpoints",
  "updateCheckpoints",
  "createVolume",
  "attachVolumes",
  "attachVolume",
  "cloneVolumes",
  "cloneVolume",
  "createVolumeTemplates",
  "createServiceGroup",
  "createAutoscaleConfigurations",
  "createAutoscaleConfiguration",
  "createAutoscalePolicy",
  "createCertificate",
  "updateCertificates",
  "updateCertificate",
  "pinImages",
];

/**
 * Top-level properties of a root body that name a resource (new or existing): besides the spec's
 * own constraints they must follow the SDK's name rule (NAME_PATTERN of core/refs.ts). `name`
 * everywhere; the clone operations name the new volume in `vol_name`.
 */
export const NAME_FIELDS = { "*": ["name"], cloneVolumes: ["name", "vol_name"], cloneVolume: ["vol_name"] };

/**
 * Patches: resource key (what the SDK passes to `validatePatch`) -> the batch update operation
 * (whose item schema has the `prop` enum) and the schemas whose property of the same name gives
 * the schema of the value, first match wins: the create request before the resource itself.
 */
export const PATCHES = {
  instances: { op: "updateInstances", from: ["CreateInstanceRequest", "Instance"] },
  templates: { op: "updateTemplates", from: ["CreateTemplateInstancesRequestItem", "Instance"] },
  checkpoints: { op: "updateCheckpoints", from: ["CreateCheckpointInstancesRequestItem", "Instance"] },
  volumes: { op: "updateVolumes", from: ["CreateVolumeRequest", "Volume"] },
  volumeTemplates: { op: "updateVolumeTemplates", from: ["Volume"] },
  serviceGroups: { op: "updateServiceGroups", from: ["CreateServiceGroupRequest", "ServiceGroup"] },
};

/**
 * Where the SDK is stricter than the spec: a property of a component schema gets these keywords
 * before the validators are built (the spec itself is not changed; patches that take their value
 * schema from the same property get them too). Each says why.
 */
export const STRICTER = [
  { schema: "CreateVolumeRequest", prop: "size_mb", set: { minimum: 1 }, why: "a volume of 0 MB holds nothing; the spec's minimum 0 comes from the type, not from the API" },
  { schema: "CreateServiceGroupRequest", prop: "soft_limit", set: { minimum: 1, maximum: 65535 }, why: "the update schema of the same property allows 1-65535" },
  { schema: "CreateServiceGroupRequest", prop: "hard_limit", set: { minimum: 1, maximum: 65535 }, why: "the update schema of the same property allows 1-65535" },
  { schema: "Service", prop: "port", set: { maximum: 65535 }, why: "a TCP port is 16 bits; the spec's uint32 is the wire type" },
  { schema: "Service", prop: "destination_port", set: { maximum: 65535 }, why: "a TCP port is 16 bits; the spec's uint32 is the wire type" },
  ...["CreateAutoscaleConfigurationByServiceGroupUUIDRequest", "CreateAutoscaleConfigurationsRequestConfiguration"].flatMap((schema) =>
    ["min_size", "max_size", "warmup_time_ms", "cooldown_time_ms"].map((prop) => ({ schema, prop, set: { minimum: 0 }, why: "a count or a duration; the spec's int64 is the wire type" })),
  ),
];

/** The component schemas with {@link STRICTER} applied (a copy; the spec is not changed). */
function stricter(schemas) {
  const copy = structuredClone(schemas);
  for (const { schema, prop, set } of STRICTER) {
    const target = copy[schema]?.properties?.[prop];
    if (!target || target.$ref) throw new Error(`validators: STRICTER: ${schema}.${prop} is not a plain property of the spec`);
    Object.assign(target, set);
  }
  return copy;
}

// Keywords that describe but do not constrain; dropped.
const IGNORED = new Set(["description", "example", "examples", "default", "deprecated", "title", "readOnly", "writeOnly", "externalDocs", "$comment"]);
// Keywords the interpreter implements (only what the spec uses: add one here and in validate.ts).
const KNOWN = new Set([
  "$ref", "type", "enum", "const", "minimum", "maximum", "minLength", "pattern", "format", "minItems", "items", "properties", "required", "additionalProperties", "oneOf", "anyOf", "not",
]);
const TYPE_CODES = { string: "s", integer: "i", number: "n", boolean: "b", object: "o", array: "a" };

const NODE_DOC = `/**
 * One schema node. Absent keys do not constrain.
 * - \`t\`: type: s string, i integer (Number.isInteger), n number (finite), b boolean, o object, a array.
 * - \`e\`: allowed values.
 * - \`m\` / \`M\`: minimum / maximum (numbers); \`l\`: minLength (strings); \`c\`: minItems (arrays).
 * - \`p\`: pattern (source of a unicode RegExp); \`u\`: must have the shape of a UUID;
 *   \`k\`: must follow the SDK's name rule (NAME_PATTERN).
 * - \`P\`: properties (name -> node). An object with \`P\` is closed: other keys are refused, unless
 *   \`A\` (the node of every other key's value, a map) is given. An object with neither is open.
 * - \`r\`: required properties.
 * - \`x\`: exactly one of these key groups must be present (a oneOf of \`required\` lists).
 * - \`X\`: these keys must not all be present together (a \`not: { required }\`).
 * - \`i\`: the node of every item (arrays).
 * - \`o\`: alternatives (anyOf / oneOf): the value must match one of these nodes.
 */`;

/**
 * @param {unknown} spec the OpenAPI document (parsed, or its YAML text)
 * @returns {string} the contents of packages/sdk/src/generated/validators.ts
 */
export function generateValidators(spec) {
  const doc = typeof spec === "string" ? parse(spec) : spec;
  const schemas = stricter(doc?.components?.schemas ?? {});
  const operations = new Map();
  for (const item of Object.values(doc?.paths ?? {})) {
    for (const method of ["get", "put", "post", "delete", "patch"]) {
      if (item?.[method]?.operationId) operations.set(item[method].operationId, item[method]);
    }
  }

  const nodes = []; // emitted nodes, children before parents
  const labels = []; // a comment per node: where it first came from
  const byKey = new Map(); // structural key -> index
  const stack = []; // $ref names being compiled (cycle detection)

  const fail = (where, message) => {
    throw new Error(`validators: ${where}: ${message}`);
  };

  /** The component a local $ref points at. */
  function deref(ref, where) {
    const m = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
    if (!m || !(m[1] in schemas)) fail(where, `cannot resolve $ref ${ref}`);
    return m[1];
  }

  function emit(node, label) {
    const key = serialize(node);
    let index = byKey.get(key);
    if (index === undefined) {
      index = nodes.length;
      nodes.push(node);
      labels.push(label);
      byKey.set(key, index);
    }
    return index;
  }

  /**
   * Compiles one schema to a node index.
   * @param {any} schema
   * @param {string} where a readable location for errors and comments
   * @param {readonly string[]} nameFields properties of this (root) object that get the name rule
   */
  function compile(schema, where, nameFields = []) {
    if (schema === true || (schema && typeof schema === "object" && Object.keys(schema).every((k) => IGNORED.has(k)))) {
      return emit({}, `${where} (anything)`);
    }
    if (!schema || typeof schema !== "object" || Array.isArray(schema)) fail(where, "not a schema");
    for (const k of Object.keys(schema)) {
      if (!KNOWN.has(k) && !IGNORED.has(k) && !k.startsWith("x-")) fail(where, `unsupported keyword '${k}'`);
    }
    if (schema.$ref) {
      const others = Object.keys(schema).filter((k) => k !== "$ref" && !IGNORED.has(k));
      if (others.length) fail(where, `$ref with sibling keywords (${others.join(", ")}) is not supported`);
      const name = deref(schema.$ref, where);
      if (stack.includes(name)) fail(where, `recursive schema ${[...stack, name].join(" -> ")} is not supported`);
      stack.push(name);
      try {
        return compile(schemas[name], name, nameFields);
      } finally {
        stack.pop();
      }
    }

    /** @type {Record<string, unknown>} */
    const n = {};
    if (schema.type !== undefined) {
      if (typeof schema.type !== "string" || !(schema.type in TYPE_CODES)) fail(where, `unsupported type ${JSON.stringify(schema.type)}`);
      n.t = TYPE_CODES[schema.type];
    }
    if (schema.const !== undefined) n.e = [schema.const];
    if (schema.enum) n.e = schema.enum.filter((v) => v !== null);
    if (schema.minimum !== undefined) n.m = schema.minimum;
    if (schema.maximum !== undefined) n.M = schema.maximum;
    if (schema.minLength !== undefined) n.l = schema.minLength;
    if (schema.minItems !== undefined) n.c = schema.minItems;
    if (schema.pattern !== undefined) {
      try {
        new RegExp(schema.pattern, "u");
      } catch (error) {
        fail(where, `pattern ${schema.pattern} is not a JavaScript RegExp: ${error.message}`);
      }
      n.p = schema.pattern;
    }
    if (schema.format === "uuid") n.u = 1; // other formats (int64, date-time, …) are not checked
    if (schema.items !== undefined) n.i = compile(schema.items, `${where}[]`);

    if (schema.properties) {
      /** @type {Record<string, number>} */
      const props = {};
      for (const [prop, sub] of Object.entries(schema.properties)) {
        let index = compile(sub, `${where}.${prop}`);
        if (nameFields.includes(prop)) {
          const named = { ...nodes[index] };
          if (named.t !== "s") fail(`${where}.${prop}`, "the name rule applies to strings only");
          named.k = 1;
          index = emit(named, `${where}.${prop} (name rule)`);
        }
        props[prop] = index;
      }
      n.P = props;
    }
    if (schema.required?.length) n.r = [...schema.required];
    // Request objects are closed whether or not the spec says additionalProperties: false (the API
    // refuses unknown members); a schema-valued additionalProperties makes a map.
    const additional = schema.additionalProperties;
    if (additional !== undefined && additional !== false) {
      n.A = compile(additional === true ? {} : additional, `${where}{}`);
      if (n.t === undefined) n.t = "o";
    }
    if ((n.P || n.r) && n.t === undefined) n.t = "o";

    if (schema.not !== undefined) {
      const keys = Object.keys(schema.not).filter((k) => !IGNORED.has(k) && k !== "properties");
      if (keys.join() !== "required" || !Array.isArray(schema.not.required)) {
        fail(where, "only `not: { required: [...] }` is supported");
      }
      n.X = [...schema.not.required];
    }

    for (const kw of ["oneOf", "anyOf"]) {
      const variants = schema[kw];
      if (variants === undefined) continue;
      if (!Array.isArray(variants) || variants.length === 0) fail(where, `${kw} must be a non-empty list`);
      const requiredOnly = variants.every(
        (v) => v && typeof v === "object" && !v.$ref && Object.keys(v).every((k) => k === "required" || IGNORED.has(k)) && v.required?.length,
      );
      if (requiredOnly) {
        if (kw === "anyOf") fail(where, "anyOf of required lists is not supported");
        if (n.x) fail(where, "more than one oneOf of required lists");
        n.x = variants.map((v) => [...v.required]);
      } else {
        if (n.o) fail(where, "both oneOf and anyOf");
        if (n.t !== undefined || n.P) fail(where, `${kw} next to type or properties is not supported`);
        n.o = variants.map((v, i) => compile(v, `${where}|${i}`, nameFields));
      }
    }
    return emit(n, where);
  }

  // Roots.
  /** @type {Record<string, number>} */
  const roots = {};
  for (const id of ROOTS) {
    const op = operations.get(id);
    if (!op) fail(id, "no operation with this operationId in the spec");
    let schema = op.requestBody?.content?.["application/json"]?.schema;
    if (!schema) fail(id, "the operation has no application/json request body");
    let where = `${id} body`;
    if (schema.type === "array") {
      schema = schema.items;
      where = `${id} body item`;
    }
    roots[id] = compile(schema, where, NAME_FIELDS[id] ?? NAME_FIELDS["*"]);
  }

  // Patches: prop -> node of the value of `set`.
  /** @type {Record<string, Record<string, number>>} */
  const patches = {};
  for (const [resource, { op: id, from }] of Object.entries(PATCHES)) {
    const op = operations.get(id);
    if (!op) fail(resource, `no operation ${id} in the spec`);
    let item = op.requestBody?.content?.["application/json"]?.schema;
    if (item?.type === "array") item = item.items;
    if (item?.$ref) item = schemas[deref(item.$ref, id)];
    const props = item?.properties?.prop?.enum;
    if (!Array.isArray(props) || !props.length) fail(id, "the update item has no `prop` enum");
    patches[resource] = {};
    for (const prop of props) {
      const source = from.find((name) => {
        if (!(name in schemas)) fail(resource, `no schema ${name} in the spec`);
        return schemas[name].properties?.[prop] !== undefined;
      });
      if (!source) fail(`${id} prop ${prop}`, `none of ${from.join(", ")} has a property '${prop}' to take its value schema from`);
      patches[resource][prop] = compile(schemas[source].properties[prop], `${source}.${prop}`);
    }
  }

  const width = String(nodes.length - 1).length;
  const nodeLines = nodes.map((node, i) => `  /* ${String(i).padStart(width)} ${labels[i].replace(/\*\//g, "*\\/")} */ ${serialize(node)},`);
  const objectLines = (obj) => Object.entries(obj).map(([k, v]) => `  ${key(k)}: ${typeof v === "number" ? v : serialize(v)},`);

  return `/**
 * This file was generated from spec/openapi.yaml by tools/codegen/validators.mjs. Do not edit it by
 * hand: change the spec (or the lists in validators.mjs) and run \`pnpm gen\`.
 *
 * The request body schemas the SDK validates before sending, as a compact table read by
 * src/internal/validate.ts.
 */

${NODE_DOC}
export interface VNode {
  t?: "s" | "i" | "n" | "b" | "o" | "a";
  e?: readonly (string | number | boolean)[];
  m?: number;
  M?: number;
  l?: number;
  c?: number;
  p?: string;
  u?: 1;
  k?: 1;
  P?: { readonly [prop: string]: number };
  A?: number;
  r?: readonly string[];
  x?: readonly (readonly string[])[];
  X?: readonly string[];
  i?: number;
  o?: readonly number[];
}

/** The nodes; the comment says where each first came from. */
export const NODES: readonly VNode[] = [
${nodeLines.join("\n")}
];

/** operationId -> the node of its request body (of one item, for an array body). */
export const ROOTS: { readonly [operationId: string]: number } = {
${objectLines(roots).join("\n")}
};

/** Resource -> updatable prop -> the node of the value \`set\` takes. */
export const PATCHES: { readonly [resource: string]: { readonly [prop: string]: number } } = {
${objectLines(patches).join("\n")}
};
`;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (k) => (IDENT.test(k) ? k : JSON.stringify(k));

/** A deterministic JS literal (keys unquoted where possible). */
function serialize(value) {
  if (Array.isArray(value)) return `[${value.map(serialize).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.entries(value)
      .map(([k, v]) => `${key(k)}:${serialize(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
