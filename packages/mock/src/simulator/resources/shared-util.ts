/**
 * Helpers shared by the volume, service-group, certificate and autoscale modules: name checks of
 * a create, list views with `details=false`, and the `prop`/`op`/`value` updates of PATCH calls.
 */
import { Code, failure, itemError, itemOk, type Item, type SimResponse } from "../envelope.js";
import { listItems, NAME, nameTaken, type Rec, type SimRequest } from "../core.js";

/** The 400 or 409 answer for a name a create cannot use, or undefined when the name is fine. */
export function nameProblem(map: Map<string, Rec>, name: unknown): SimResponse | undefined {
  if (name === undefined) return undefined;
  if (typeof name !== "string" || !NAME.test(name)) return failure(400, `Invalid name '${String(name)}'`);
  if (nameTaken(map, name)) return failure(409, `Name '${name}' already in use`);
  return undefined;
}

/** A list as the API pages it; `details=false` answers only uuid, name and status. */
export function listView(kind: string, map: Map<string, Rec>, req: SimRequest, view: (rec: Rec) => Item): Item[] {
  const brief = req.query.get("details") === "false";
  return listItems(kind, map, req.query, (rec) => (brief ? itemOk({ uuid: rec.uuid, name: rec.name }) : view(rec)));
}

/** True when `details=false` was asked. */
export function brief(req: SimRequest): boolean {
  return req.query.get("details") === "false";
}

/** The reference of a by-UUID route. */
export function pathRef(req: SimRequest): { uuid: string } {
  return { uuid: String(req.params.uuid).toLowerCase() };
}

/** One `{prop, op, value}` update of a PATCH call. */
export interface Patch {
  prop: string;
  op: string;
  value?: unknown;
  id?: string;
}

/** Reads the update fields of a PATCH item. */
export function readPatch(body: Record<string, unknown>): Patch {
  return { prop: String(body.prop ?? ""), op: String(body.op ?? ""), value: body.value, ...(typeof body.id === "string" ? { id: body.id } : {}) };
}

/** Applies `set`/`add`/`del` to a list of strings (a single string counts as a list of one). */
export function applyStrings(current: string[] | undefined, op: string, value: unknown): string[] | string {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  if (!list.every((v) => typeof v === "string")) return "value must be a string or a list of strings";
  const have = current ?? [];
  if (op === "set") return [...new Set(list as string[])];
  if (op === "add") return [...have, ...(list as string[]).filter((v) => !have.includes(v))];
  if (op === "del") return have.filter((v) => !(list as string[]).includes(v));
  return `Unknown op '${op}'`;
}

/** The success item of an update. */
export function patched(rec: Rec, patch: Patch): Item {
  return itemOk({ uuid: rec.uuid, name: rec.name, ...(patch.id ? { id: patch.id } : {}) });
}

/** A failed item of an update (keeps the request's `id`). */
export function patchError(rec: Rec, patch: Patch, code: number, message: string): Item {
  return { ...itemError({ uuid: rec.uuid, name: rec.name }, code, message), ...(patch.id ? { id: patch.id } : {}) };
}

/** `op` must be one of the allowed ones for a prop. */
export function opProblem(rec: Rec, patch: Patch, allowed: string[]): Item | undefined {
  return allowed.includes(patch.op) ? undefined : patchError(rec, patch, Code.Invalid, `Operation '${patch.op}' is not supported for '${patch.prop}'`);
}

/** A lower-cased UUID or a name reference read from a body field. */
export function refOf(value: unknown): { uuid?: string; name?: string } | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as { uuid?: unknown; name?: unknown };
  if (typeof v.uuid === "string") return { uuid: v.uuid.toLowerCase() };
  if (typeof v.name === "string") return { name: v.name };
  return undefined;
}
