// Scenario builders of the SDK's behaviour tests: rules for the simulator's scripted injection
// (`simulator.rule()`, packages/mock/src/simulator/scripting.ts) that script instance states,
// log bytes and per-item batch outcomes.
//
// - `stateSequence({ path, states, uuid?, name?, timeoutMessage? })`: successive instance states in
//   a wait/get envelope; a wait (`?state=`) for a different state answers the API's timeout
//   (`status: "error"`, `Operation timed out`, per-item `error: 12`, current state). The last repeats.
// - `scriptedLogs({ path, produced, dropBefore?, maxBytes? = 16383, state?, zeroPastEnd? })`: log
//   answers from scripted bytes honouring `offset` (negative = from the end) and `limit`, with
//   `available`/`range` (end exclusive) and base64 `output`.
// - `failItems({ path, method?, failIndexes?, failNames?, error? = 8, message? })`: lets the simulator
//   answer a batch and rewrites `data.<list>` to one entry per request item (uuid/name from the
//   request), failing the chosen ones with HTTP 200 and envelope `status: "error"`.
// - `echoBatch({ path, method? })`: the same rewrite without failures (envelope `success`).
//
// References come from the array body, a single object body, the `uuid`/`name` query parameters,
// or a UUID in the path. The SDK reads logs and waits by UUID at the batch endpoints with `uuid=`
// in the query (`/v1/instances/log?uuid=…`, `/v1/instances/wait?uuid=…`), so serve those scenarios
// there; a by-UUID PUT whose JSON body carries only options (`{ force }`, `{ drain_timeout_ms }`,
// `{}`) takes its reference from the path. An item named only by name gets `syntheticUuid(index)`;
// one named only by UUID gets the name `<kind>-<first 8 hex digits>`.
import type { Rule, ScriptRequest } from "../../../mock/src/simulator/index";

/** The example instance of the behaviour tests, used when neither the options nor the request name one. */
export const EXAMPLE_UUID = "123e4567-e89b-12d3-a456-426614174000";
export const EXAMPLE_NAME = "funky-town-g756b5d";
const UUID_IN_PATH = /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

/** A reference item of a request: `{ uuid }` or `{ name }`, plus whatever options it carried. */
type RefItem = { uuid?: string; name?: string; id?: string; [k: string]: unknown };

/**
 * The references a request names, in order: the items of an array body, a single object body with
 * `uuid`/`name`, the `uuid`/`name` query parameters (uuids first), or a UUID in the path.
 */
export function requestRefs(req: ScriptRequest): RefItem[] {
  const isRef = (x: unknown): x is RefItem => typeof x === "object" && x !== null && !Array.isArray(x);
  if (Array.isArray(req.body)) return req.body.map((x) => (isRef(x) ? x : {}));
  if (isRef(req.body) && (typeof req.body.uuid === "string" || typeof req.body.name === "string")) return [req.body];
  const fromQuery = [
    ...req.query.getAll("uuid").map((uuid) => ({ uuid })),
    ...req.query.getAll("name").map((name) => ({ name })),
  ];
  if (fromQuery.length > 0) return fromQuery;
  const m = UUID_IN_PATH.exec(req.path);
  return m?.[1] ? [{ uuid: m[1] }] : [];
}

/** A deterministic UUID for the i-th item referenced by name: `00000000-0000-4000-8000-00000000000<i+1>`. */
export function syntheticUuid(index: number): string {
  return `00000000-0000-4000-8000-${String(index + 1).padStart(12, "0")}`;
}

/** Identity of the entries answering an instance request: options first, then the request, then the example instance. */
function instanceIdentities(req: ScriptRequest, opts: { uuid?: string; name?: string }) {
  const refs = requestRefs(req);
  const single = refs.length <= 1;
  return (refs.length > 0 ? refs : [{}]).map((ref, i) => {
    const uuid = opts.uuid ?? ref.uuid ?? (single ? EXAMPLE_UUID : syntheticUuid(i));
    const name = opts.name ?? ref.name ?? (single ? EXAMPLE_NAME : `instance-${uuid.slice(0, 8)}`);
    return { uuid, name };
  });
}

/** The rule fields of a rule builder's options: `id`, `method` (default `defaultMethod`), `path`, `delayMs`. */
function ruleFields(
  opts: { id?: string | undefined; method?: string | undefined; path: RegExp | string; delayMs?: number | undefined },
  defaultMethod?: string,
): Omit<Rule, "action"> {
  return { id: opts.id, method: opts.method ?? defaultMethod, path: opts.path, delayMs: opts.delayMs };
}

/** Options of {@link stateSequence}. */
export interface StateSequenceOptions {
  /** The wait or get endpoint, e.g. `/^\/v1\/instances\/[^/]+\/wait$/` or `"/v1/instances/wait"`. */
  path: RegExp | string;
  /** States answered to successive requests; the last one repeats. */
  states: string[];
  /** UUID in the answer. Default: the request's reference, else {@link EXAMPLE_UUID}. */
  uuid?: string;
  /** Name in the answer. Default: the request's reference, else {@link EXAMPLE_NAME}. */
  name?: string;
  /**
   * When the request asks for a `state` (a wait) and the scripted state differs, answer the API's
   * wait timeout (`status: "error"`, `Operation timed out`, per-item `error: 12`). Default `true`;
   * `false` answers success with the current state instead.
   */
  timeoutMessage?: boolean;
  /** HTTP status of the timeout answer. Default 200 (the envelope carries the error). */
  timeoutHttpStatus?: number;
  /** Rule fields. Default method `GET`. */
  method?: string;
  id?: string;
  delayMs?: number;
}

/**
 * Answers each successive request with the next instance state, shaped like WaitInstanceResponse /
 * GetInstancesResponse: `{ status, data: { instances: [{ status, uuid, name, state }] }, op_time_us }`.
 * A batch wait (`?name=a&name=b`) gets one entry per reference, all in the scripted state.
 */
export function stateSequence(opts: StateSequenceOptions): Rule {
  if (opts.states.length === 0) throw new Error("stateSequence: states must not be empty");
  let next = 0;
  return {
    ...ruleFields(opts, "GET"),
    action: {
      type: "handle",
      handler(req) {
        const state = opts.states[Math.min(next, opts.states.length - 1)] as string;
        next += 1;
        const wanted = req.query.get("state");
        const timedOut = (opts.timeoutMessage ?? true) && wanted !== null && wanted !== state;
        const instances = instanceIdentities(req, opts).map(({ uuid, name }) =>
          timedOut
            ? { status: "error", uuid, name, state, message: "Operation timed out", error: 12 }
            : { status: "success", uuid, name, state },
        );
        const body = timedOut
          ? { status: "error", message: "Operation timed out", data: { instances }, op_time_us: 1 }
          : { status: "success", data: { instances }, op_time_us: 1 };
        return { status: timedOut ? (opts.timeoutHttpStatus ?? 200) : 200, body };
      },
    },
  };
}

/** Options of {@link scriptedLogs}. */
export interface ScriptedLogsOptions {
  /** The log endpoint, e.g. `/^\/v1\/instances\/[^/]+\/log$/` or `"/v1/instances/log"`. */
  path: RegExp | string;
  /** All bytes produced so far; may grow between polls. */
  produced: () => Uint8Array;
  /** The server has dropped the bytes below this offset (`available.start`). Default 0. */
  dropBefore?: () => number;
  /** Most bytes one answer returns. Default 16383, as the API. */
  maxBytes?: number;
  /** The instance state in each answer. Default `running`. */
  state?: () => string;
  uuid?: string;
  name?: string;
  /** Answer `available` and `range` 0..0 with no output when `offset` is past the end, as the API can. Default `false` (an empty range at the end). */
  zeroPastEnd?: boolean;
  /** Rule fields. Default method `GET`. */
  method?: string;
  id?: string;
  delayMs?: number;
}

/**
 * Answers log requests from scripted bytes, with `offset` (absolute; negative counts from the end)
 * and `limit` (at most `maxBytes`; absent means `maxBytes`) honoured like the API:
 * `available` is `[dropBefore, produced.length)`, `range` the half-open range returned (clamped to
 * `available`), `output` its bytes in standard base64.
 */
export function scriptedLogs(opts: ScriptedLogsOptions): Rule {
  const maxBytes = opts.maxBytes ?? 16383;
  return {
    ...ruleFields(opts, "GET"),
    action: {
      type: "handle",
      handler(req) {
        const bytes = opts.produced();
        const end = bytes.length;
        const start = Math.min(Math.max(opts.dropBefore?.() ?? 0, 0), end);
        const offset = intParam(req.query.get("offset")) ?? 0;
        const limit = intParam(req.query.get("limit"));
        const count = Math.max(0, Math.min(limit ?? maxBytes, maxBytes));
        let from = offset < 0 ? end + offset : offset;
        let available = { start, end };
        if (from > end && opts.zeroPastEnd) {
          available = { start: 0, end: 0 };
          from = 0;
        }
        from = Math.min(Math.max(from, available.start), available.end);
        const to = Math.min(available.end, from + count);
        const [{ uuid, name }] = instanceIdentities(req, opts) as [{ uuid: string; name: string }];
        const entry = {
          status: "success",
          uuid,
          name,
          output: Buffer.from(bytes.subarray(from, to)).toString("base64"),
          available,
          range: { start: from, end: to },
          state: opts.state?.() ?? "running",
        };
        return { status: 200, body: { status: "success", data: { instances: [entry] }, op_time_us: 1 } };
      },
    },
  };
}

function intParam(value: string | null): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : undefined;
}

/** The `uuid`, `name` and `id` a reference item carries (only those that are set). */
function pickRef(ref: RefItem): RefItem {
  const out: RefItem = {};
  if (ref.uuid !== undefined) out.uuid = ref.uuid;
  if (ref.name !== undefined) out.name = ref.name;
  if (ref.id !== undefined) out.id = ref.id;
  return out;
}

/** Options of {@link echoBatch}. */
export interface EchoBatchOptions {
  /** The batch endpoint, e.g. `"/v1/instances/start"`. */
  path: RegExp | string;
  /** Default: any method. */
  method?: string;
  id?: string;
  delayMs?: number;
}

/** Options of {@link failItems}. */
export interface FailItemsOptions extends EchoBatchOptions {
  /** Request items (0-based) to fail. */
  failIndexes?: number[];
  /** Request items to fail, by the name they reference. */
  failNames?: string[];
  /** Per-item error code. Default 8 (not found). */
  error?: number;
  /** Per-item message. Default `No <kind> with name '<name>'` (or `with UUID '<uuid>'`). */
  message?: (item: RefItem) => string;
  /** Envelope status when an item failed. Default `error`; `partial_success` is also seen in practice. */
  envelopeStatus?: string;
  /** Envelope message when an item failed. Default `Failed to perform all operations`. */
  envelopeMessage?: string;
}

/**
 * Lets the simulator answer a batch request and rewrites `data.<first array>` to one entry per
 * request item (in order): a copy of the simulator's first successful entry (else its first entry),
 * without its own reference, status and error, with `status: "success"` and the item's reference. An item
 * referenced by name gets the UUID {@link syntheticUuid}(index); one referenced by UUID gets the name
 * `<kind>-<first 8 hex digits>`; an `id` in the item is echoed; the envelope says `success`. Lets
 * batch tests assert per-item matching.
 */
export function echoBatch(opts: EchoBatchOptions): Rule {
  return failItems(opts);
}

/**
 * Like {@link echoBatch}, but the chosen items fail as the API's partial failure (HTTP 200): each
 * becomes `{ status: "error", <its reference>, message, error }` and the envelope's `status` is `error`.
 * A request without references (no array body, no `uuid`/`name` query) keeps the simulator's
 * entries and fails them in place. An answer without a `data` list (e.g. the simulator's 400 for
 * an invalid body) is left alone.
 */
export function failItems(opts: FailItemsOptions): Rule {
  const failIndexes = new Set(opts.failIndexes ?? []);
  const failNames = new Set(opts.failNames ?? []);
  return {
    ...ruleFields(opts),
    action: {
      type: "transform",
      transform(body, req) {
        const data = body?.data;
        if (typeof data !== "object" || data === null) return body;
        const key = Object.keys(data).find((k) => Array.isArray(data[k]));
        if (key === undefined) return body;
        const kind = key.replace(/s$/, "");
        const entries: Record<string, unknown>[] = data[key];
        const refs = requestRefs(req);
        const template = entries.find((e) => e?.status === "success") ?? entries[0] ?? {};
        const fromRequest = refs.length > 0;
        const items: RefItem[] = fromRequest
          ? refs
          : entries.map((e) => ({ uuid: e.uuid as string | undefined, name: e.name as string | undefined }));
        let failed = 0;
        data[key] = items.map((ref, i) => {
          if (failIndexes.has(i) || (ref.name !== undefined && failNames.has(ref.name))) {
            failed += 1;
            const noun = kind.replace(/_/g, " ");
            const message = opts.message
              ? opts.message(ref)
              : ref.name !== undefined
                ? `No ${noun} with name '${ref.name}'`
                : `No ${noun} with UUID '${ref.uuid}'`;
            return { status: "error", ...pickRef(ref), message, error: opts.error ?? 8 };
          }
          if (!fromRequest) return entries[i];
          const uuid = ref.uuid ?? syntheticUuid(i);
          const name = ref.name ?? `${kind}-${uuid.slice(0, 8)}`;
          const { status: _s, uuid: _u, name: _n, message: _m, error: _e, id: _id, ...rest } = structuredClone(template);
          return { status: "success", uuid, name, ...rest, ...(ref.id !== undefined ? { id: ref.id } : {}) };
        });
        if (failed > 0) {
          body.status = opts.envelopeStatus ?? "error";
          body.message = opts.envelopeMessage ?? "Failed to perform all operations";
        } else if (fromRequest) {
          // Every item now succeeds (the simulator's own answer may have said otherwise).
          body.status = "success";
          delete body.message;
        }
        return body;
      },
    },
  };
}
