/**
 * Name-or-UUID references. Every operation on an existing resource takes a {@link Ref}:
 * a string (UUID-shaped means UUID, anything else a name), `{ uuid }` or `{ name }`.
 */
import { describeRef, ValidationError } from "./errors.js";

/** A reference to an existing resource: a UUID or name string, `{ uuid }` or `{ name }`. */
export type Ref = string | { uuid: string; name?: undefined } | { name: string; uuid?: undefined };

/** A validated reference: exactly one key set, as the API's `NameOrUUID` wants it. */
export type ParsedRef = { uuid: string } | { name: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What this SDK accepts as a resource name: 1 to 63 characters, letters, digits, `.`, `_` and `-`,
 * starting with a letter or digit. The API's generated names (`funky-town-g756b5d`) match it.
 */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** True when the string has the shape of a UUID (8-4-4-4-12 hex digits). */
export function isUUID(value: string): boolean {
  return UUID.test(value);
}

/**
 * Throws {@link ValidationError} for `field` unless `name` is a valid resource name (see
 * {@link NAME_PATTERN}); the message says what a name may contain.
 */
export function checkName(name: string, field: string): void {
  if (name.length === 0) throw new ValidationError(field, "the name is empty; pass a resource name or UUID");
  if (!NAME_PATTERN.test(name)) {
    throw new ValidationError(
      field,
      `'${name}' is not a valid name: use 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit`,
    );
  }
}

/**
 * Validates a reference and turns it into the API's `{ uuid }` or `{ name }`.
 * Throws {@link ValidationError} for an empty string, both or neither key, a `uuid` that is not a
 * UUID, or a name the API cannot accept. Nothing is sent.
 */
export function parseRef(ref: Ref, field = "ref"): ParsedRef {
  if (typeof ref === "string") {
    if (ref.trim() !== ref) throw new ValidationError(field, `'${ref}' has leading or trailing white space`);
    if (isUUID(ref)) return { uuid: ref.toLowerCase() };
    checkName(ref, field);
    return { name: ref };
  }
  if (ref === null || typeof ref !== "object" || Array.isArray(ref)) {
    throw new ValidationError(field, `expected a name or UUID string, { uuid } or { name }, got ${ref === null ? "null" : Array.isArray(ref) ? "an array" : typeof ref}`);
  }
  const { uuid, name, ...rest } = ref as { uuid?: unknown; name?: unknown };
  const extra = Object.keys(rest);
  if (extra.length) throw new ValidationError(field, `unknown key(s) ${extra.join(", ")}; a reference has only uuid or name`);
  if (uuid !== undefined && name !== undefined) throw new ValidationError(field, "give either uuid or name, not both");
  if (uuid !== undefined) {
    if (typeof uuid !== "string" || !isUUID(uuid)) {
      throw new ValidationError(field, `uuid '${String(uuid)}' is not a UUID; to refer to a resource by name use { name }`);
    }
    return { uuid: uuid.toLowerCase() };
  }
  if (typeof name !== "string") {
    throw new ValidationError(field, name === undefined ? "a reference needs uuid or name" : `name must be a string, got ${typeof name}`);
  }
  checkName(name, field);
  return { name };
}

/** Validates many references; the field of an error names the index (`refs[2]`). */
export function parseRefs(refs: Ref | readonly Ref[], field = "refs"): ParsedRef[] {
  const list = Array.isArray(refs) ? (refs as readonly Ref[]) : [refs as Ref];
  if (list.length === 0) throw new ValidationError(field, "no references given; pass at least one name or UUID");
  return list.map((ref, i) => parseRef(ref, Array.isArray(refs) ? `${field}[${i}]` : field));
}

/** A readable form of a reference for messages: `name 'web'` or `uuid '…'`. */
export { describeRef };

/** True when an API item (with `uuid`/`name`) is the resource the reference names. */
export function matchesRef(ref: ParsedRef, item: { uuid?: string | undefined; name?: string | undefined }): boolean {
  return "uuid" in ref ? item.uuid?.toLowerCase() === ref.uuid : item.name === ref.name;
}
