/**
 * The API rejects unknown fields in a request body (`'x' is not a valid member`). This module reads
 * the request-body schemas of the spec the package ships and says which fields each operation
 * takes, so the simulator answers a misspelt field as the API does, even without Prism in front.
 * The spec is read once, when the simulator starts; where it cannot be read (no spec, or a runtime
 * that cannot load the YAML parser), bodies are not checked here and Prism, in front, still does.
 */
import { readFileSync } from "node:fs";

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};

/** The fields a closed body object takes; undefined when the body is open or not an object. */
interface BodyShape {
  array: boolean;
  fields?: Set<string>;
}

/** Builds the per-route check from a spec file; `unknown(method, template, body)` gives the unknown fields. */
export async function createMemberCheck(specFile: string | undefined) {
  const shapes = await load().catch(() => new Map<string, BodyShape>());

  async function load(): Promise<Map<string, BodyShape>> {
    const map = new Map<string, BodyShape>();
    if (!specFile) return map;
    const { parse } = await import("yaml");
    const spec = parse(readFileSync(specFile, "utf8")) as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
      components?: { schemas?: Record<string, Schema> };
    };
    const deref = (s: Schema | undefined, depth = 0): Schema | undefined => {
      if (!s?.$ref || depth > 10) return s;
      return deref(spec.components?.schemas?.[s.$ref.split("/").pop()!], depth + 1);
    };
    // The fields of a closed object schema (following allOf, and oneOf/anyOf branches of the
    // same object); undefined when any part is open.
    const fields = (s: Schema | undefined): Set<string> | undefined => {
      const schema = deref(s);
      if (!schema) return undefined;
      const out = new Set(Object.keys(schema.properties ?? {}));
      for (const part of schema.allOf ?? []) {
        const f = fields(part);
        if (!f) return undefined;
        for (const k of f) out.add(k);
      }
      for (const branch of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
        const b = deref(branch);
        if (b?.properties) for (const k of Object.keys(b.properties)) out.add(k);
      }
      return schema.additionalProperties === false ? out : undefined;
    };
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const schema = deref(op?.requestBody?.content?.["application/json"]?.schema);
        if (!schema) continue;
        const array = schema.type === "array";
        map.set(`${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, "{}")}`, { array, fields: fields(array ? schema.items : schema) });
      }
    }
    return map;
  }

  return {
    /** The unknown top-level fields of a body (of each item, for a batch). */
    unknown(method: string, template: string, body: unknown): string[] {
      const shape = shapes.get(`${method} ${template.replace(/\{[^}]+\}/g, "{}")}`);
      if (!shape?.fields || body === null || typeof body !== "object") return [];
      const items = (Array.isArray(body) ? body : [body]) as unknown[];
      const bad = new Set<string>();
      for (const item of items) {
        if (item && typeof item === "object" && !Array.isArray(item)) for (const k of Object.keys(item)) if (!shape.fields.has(k)) bad.add(k);
      }
      return [...bad];
    },
  };
}
