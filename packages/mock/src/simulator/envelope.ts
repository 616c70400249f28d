/**
 * Answers in the API's envelope `{ status, message?, data?, errors?, op_time_us }`, per-item
 * results and the API's error codes (ENDPOINTS.md).
 */

/** Per-item error codes of the API. */
export const Code = {
  NotSupported: 1,
  Invalid: 7,
  NotFound: 8,
  NoResources: 9,
  Failed: 10,
  WrongState: 11,
  TimedOut: 12,
  NotAllowed: 14,
  Attached: 15,
  Malformed: 16,
  NotBoth: 17,
  Quota: 19,
  NotAttached: 21,
  AlreadyExists: 23,
  CannotBeUsed: 24,
} as const;

/** One answer of the simulator. */
export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A per-item result: the item's own `status`, `message` and `error`. */
export type Item = Record<string, unknown> & { status: string; error?: number; message?: string };

/** A failed item for a reference. */
export function itemError(ref: { uuid?: string; name?: string }, code: number, message: string): Item {
  return { status: "error", ...(ref.uuid ? { uuid: ref.uuid } : {}), ...(ref.name ? { name: ref.name } : {}), error: code, message };
}

/** A successful item. */
export function itemOk(fields: Record<string, unknown>): Item {
  return { status: "success", ...fields };
}

/**
 * An HTTP 200 answer listing items under `data[key]`: `success` when all succeeded, `error` when
 * all failed, `partial_success` otherwise (per-item failures arrive with HTTP 200).
 */
export function answer(key: string, items: Item[], message?: string): SimResponse {
  const failed = items.filter((i) => i.status !== "success").length;
  const status = failed === 0 ? "success" : failed === items.length ? "error" : "partial_success";
  const msg = message ?? (failed === 0 ? undefined : failed === items.length ? (items.length === 1 ? String(items[0]!.message) : "No operation succeeded") : "Failed to perform all operations");
  return { status: 200, body: { status, ...(msg ? { message: msg } : {}), data: { [key]: items }, op_time_us: opTime() } };
}

/** A whole-request failure: non-2xx with the envelope and `errors: [{ status }]`. */
export function failure(status: number, message: string, headers?: Record<string, string>): SimResponse {
  return { status, body: { status: "error", message, errors: [{ status }], op_time_us: opTime() }, ...(headers ? { headers } : {}) };
}

/** A plain success envelope with `data`. */
export function data(payload: Record<string, unknown>): SimResponse {
  return { status: 200, body: { status: "success", data: payload, op_time_us: opTime() } };
}

function opTime(): number {
  return 20 + Math.floor(Math.random() * 400);
}
