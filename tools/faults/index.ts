/**
 * A small fault-and-scenario HTTP proxy that sits in front of the Prism mock.
 *
 * The SDK's behaviour tests (waiting, log following, batches, retries, timeouts, errors) point the
 * SDK at {@link FaultProxy.url}. Every request is recorded; {@link Rule}s added with
 * {@link FaultProxy.rule} decide what happens to matching requests (reset the connection, answer a
 * canned or scripted response, rewrite Prism's answer, delay); anything no rule matches is
 * forwarded to Prism unchanged. Only `node:http` is used, so it runs wherever the tests run.
 *
 * @example
 * ```ts
 * const proxy = await startFaultProxy({ target: inject("prismUrl") });
 * proxy.rule({ path: "/v1/instances", times: 1, action: { type: "respond", status: 503, headers: { "retry-after": "0" } } });
 * // ... call the SDK with baseUrl: proxy.url, then assert on proxy.requests ...
 * await proxy.stop();
 * ```
 *
 * @packageDocumentation
 */
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** A request the proxy received, as tests see it. */
export interface RecordedRequest {
  /** HTTP method, upper case. */
  method: string;
  /** The URL's pathname, e.g. `/v1/instances/wait`. */
  path: string;
  /** The query string, parsed (repeated keys kept: `query.getAll("name")`). */
  query: URLSearchParams;
  /**
   * Request headers, lower-case names, repeated values joined with `, `. The credential part of
   * `authorization` is redacted: `Bearer abc` is recorded as `Bearer ***`.
   */
  headers: Record<string, string>;
  /** The body: parsed JSON, the raw text if it is not JSON, `undefined` when empty. */
  body: unknown;
  /** Id of the rule that applied, if any. */
  ruleId?: string;
  /** Whether the request was sent on to Prism (no rule, `forward`, `transform`, or a `handle` that called `forward()`). */
  forwarded: boolean;
  /** `Date.now()` when the request arrived. */
  at: number;
}

/** Prism's answer to a forwarded request. */
export interface ForwardedResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON, else the text (empty string for no body). */
  body: unknown;
}

/** An answer a rule gives. `body` is JSON-encoded unless it is a string (sent as is) or bytes. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** What a matching rule does. */
export type Action =
  /** Destroy the connection without answering (the client sees a connection reset). */
  | { type: "reset" }
  /** Answer with a fixed response, e.g. 429/503 with `Retry-After`. */
  | { type: "respond"; status: number; headers?: Record<string, string>; body?: unknown }
  /** Compute the answer per request, optionally from Prism's real answer via `forward()`. */
  | {
      type: "handle";
      handler: (req: RecordedRequest, forward: () => Promise<ForwardedResponse>) => Answer | Promise<Answer>;
    }
  /**
   * Forward to Prism, then rewrite the (parsed) body. Returning `undefined` keeps the (possibly
   * mutated) body. The status and headers of Prism's answer are kept.
   */
  | { type: "transform"; transform: (body: any, req: RecordedRequest, res: ForwardedResponse) => any }
  /** Explicit pass-through, e.g. to count matching requests with {@link RuleHandle.hits}. */
  | { type: "forward" };

/** Which requests a rule applies to, and what it does. */
export interface Rule {
  /** Recorded as {@link RecordedRequest.ruleId}. Default `rule-<n>`. */
  id?: string;
  /** HTTP method (any case). Default: any. */
  method?: string;
  /** Exact pathname, or a regular expression tested against the pathname. Default: any. */
  path?: string | RegExp;
  /** Query parameters that must all be present with these values (one of a repeated key suffices). */
  query?: Record<string, string>;
  /** How many requests the rule applies to. Default `Infinity`. */
  times?: number;
  /** Milliseconds to wait before acting (lets tests trigger client timeouts). */
  delayMs?: number;
  action: Action;
}

/** Returned by {@link FaultProxy.rule}. */
export interface RuleHandle {
  readonly id: string;
  /** How many requests the rule has applied to so far. */
  readonly hits: number;
  /** Removes the rule; later requests no longer match it. */
  remove(): void;
}

/** A running proxy. */
export interface FaultProxy {
  /** Base URL, e.g. `http://127.0.0.1:43121`. Point the SDK's base URL here. */
  url: string;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** Adds a rule after the existing ones (first matching rule with times left applies). */
  rule(rule: Rule): RuleHandle;
  /** Drops all rules and recorded requests. */
  reset(): void;
  /** Closes the server, destroys open sockets and cancels pending delays. Safe to call twice. */
  stop(): Promise<void>;
}

/** Options of {@link startFaultProxy}. */
export interface FaultProxyOptions {
  /** Prism's base URL (what `inject("prismUrl")` gives). */
  target: string;
  /** Loopback address to listen on. Default `127.0.0.1`. */
  host?: "127.0.0.1" | "::1";
}

// ---------------------------------------------------------------------------------------------
// The proxy
// ---------------------------------------------------------------------------------------------

interface ActiveRule {
  rule: Rule;
  id: string;
  left: number;
  hits: number;
}

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "content-length",
]);

/** Starts the proxy on a free loopback port. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const host = options.host ?? "127.0.0.1";
  if (host !== "127.0.0.1" && host !== "::1") throw new Error(`fault proxy: host '${host}' is not loopback`);
  const target = new URL(options.target);
  const targetPrefix = target.pathname.replace(/\/+$/, "");
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const requests: RecordedRequest[] = [];
  let rules: ActiveRule[] = [];
  let counter = 0;
  let stopped = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const forward = (req: IncomingMessage, raw: Buffer): Promise<ForwardedResponse> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
      headers.host = target.host;
      // A fixed length, also 0 for a body-less PUT/POST (else node would send it chunked).
      if (raw.length > 0 || (req.method !== "GET" && req.method !== "HEAD")) headers["content-length"] = String(raw.length);
      const out = httpRequest(
        {
          protocol: target.protocol,
          hostname: target.hostname,
          port: target.port,
          method: req.method,
          path: targetPrefix + (req.url ?? "/"),
          headers,
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const resHeaders: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) {
              if (v !== undefined && !HOP_BY_HOP.has(k)) resHeaders[k] = Array.isArray(v) ? v.join(", ") : v;
            }
            resolve({ status: res.statusCode ?? 502, headers: resHeaders, body: parseBody(Buffer.concat(chunks), "") });
          });
        },
      );
      out.on("error", reject);
      out.end(raw);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://proxy.invalid");
    const record: RecordedRequest = {
      method: (req.method ?? "GET").toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: recordHeaders(req),
      body: undefined,
      forwarded: false,
      at: Date.now(),
    };
    requests.push(record);
    const active = rules.find((r) => r.left > 0 && matches(r.rule, record));
    if (active) {
      active.left -= 1;
      active.hits += 1;
      record.ruleId = active.id;
    }
    const raw = await readAll(req);
    record.body = parseBody(raw, undefined);
    const action: Action = active ? active.rule.action : { type: "forward" };
    if (active?.rule.delayMs) await sleep(active.rule.delayMs);
    if (stopped || req.socket.destroyed) return;

    const doForward = () => {
      record.forwarded = true;
      return forward(req, raw);
    };
    try {
      switch (action.type) {
        case "reset":
          req.socket.resetAndDestroy();
          return;
        case "respond":
          return send(res, action);
        case "forward": {
          const answer = await doForward();
          return send(res, answer, true);
        }
        case "transform": {
          const answer = await doForward();
          const out = action.transform(answer.body, record, answer);
          return send(res, { ...answer, body: out === undefined ? answer.body : out }, true);
        }
        case "handle":
          return send(res, await action.handler(record, doForward));
      }
    } catch (error) {
      if (res.headersSent || req.socket.destroyed) return;
      const message = error instanceof Error ? error.message : String(error);
      send(res, { status: action.type === "handle" ? 500 : 502, body: { status: "error", message: `fault proxy: ${message}` } });
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    requests,
    rule(rule) {
      const active: ActiveRule = { rule, id: rule.id ?? `rule-${++counter}`, left: rule.times ?? Infinity, hits: 0 };
      rules.push(active);
      return {
        id: active.id,
        get hits() {
          return active.hits;
        },
        remove() {
          rules = rules.filter((r) => r !== active);
        },
      };
    },
    reset() {
      rules = [];
      requests.length = 0;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await closed;
    },
  };
}

function matches(rule: Rule, req: RecordedRequest): boolean {
  if (rule.method && rule.method.toUpperCase() !== req.method) return false;
  if (typeof rule.path === "string" && rule.path !== req.path) return false;
  if (rule.path instanceof RegExp) {
    rule.path.lastIndex = 0;
    if (!rule.path.test(req.path)) return false;
  }
  for (const [k, v] of Object.entries(rule.query ?? {})) if (!req.query.getAll(k).includes(v)) return false;
  return true;
}

function recordHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  if (out.authorization !== undefined) out.authorization = redact(out.authorization);
  return out;
}

/** `Bearer abc` → `Bearer ***`; a bare credential → `***`; an empty value or a lone scheme is kept. */
function redact(value: string): string {
  const m = /^\s*(\S+)\s+\S/.exec(value);
  if (m) return `${m[1]} ***`;
  return /^\s*(bearer|basic)?\s*$/i.test(value) ? value : "***";
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", () => resolve(Buffer.concat(chunks)));
  });
}

function parseBody<E>(raw: Buffer, empty: E): unknown {
  if (raw.length === 0) return empty;
  const text = raw.toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Writes an answer. Forwarded answers keep their text bodies and Prism's content type. */
function send(res: ServerResponse, answer: Answer, forwarded = false): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(answer.headers ?? {})) if (!HOP_BY_HOP.has(k.toLowerCase())) headers[k.toLowerCase()] = v;
  let payload: Buffer;
  if (answer.body === undefined) payload = Buffer.alloc(0);
  else if (typeof answer.body === "string") {
    payload = Buffer.from(answer.body, "utf8");
    if (!forwarded) headers["content-type"] ??= "text/plain; charset=utf-8";
  } else if (answer.body instanceof Uint8Array) payload = Buffer.from(answer.body);
  else {
    payload = Buffer.from(JSON.stringify(answer.body), "utf8");
    headers["content-type"] ??= "application/json";
  }
  headers["content-length"] = String(payload.length);
  res.writeHead(answer.status, headers);
  res.end(payload);
}

// ---------------------------------------------------------------------------------------------
// Scenario builders
// ---------------------------------------------------------------------------------------------

/** Prism's example instance, used when neither the options nor the request name one. */
const EXAMPLE_UUID = "123e4567-e89b-12d3-a456-426614174000";
const EXAMPLE_NAME = "funky-town-g756b5d";
const UUID_IN_PATH = /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

/** A reference item of a request: `{ uuid }` or `{ name }`, plus whatever options it carried. */
type RefItem = { uuid?: string; name?: string; id?: string; [k: string]: unknown };

/**
 * The references a request names, in order: the items of an array body, a single object body with
 * `uuid`/`name`, the `uuid`/`name` query parameters (uuids first), or a UUID in the path.
 */
export function requestRefs(req: RecordedRequest): RefItem[] {
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

/** Identity of the entries answering an instance request: options first, then the request, then Prism's example. */
function instanceIdentities(req: RecordedRequest, opts: { uuid?: string; name?: string }) {
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
  /** UUID in the answer. Default: the request's reference, else Prism's example UUID. */
  uuid?: string;
  /** Name in the answer. Default: the request's reference, else Prism's example name. */
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
 * Forwards a batch request to Prism and rewrites `data.<first array>` to one entry per request item
 * (in order): a copy of Prism's first entry with `status: "success"` and the item's reference. An item
 * referenced by name gets the UUID {@link syntheticUuid}(index); one referenced by UUID gets the name
 * `<kind>-<first 8 hex digits>`; an `id` in the item is echoed. Lets batch tests assert per-item matching.
 */
export function echoBatch(opts: EchoBatchOptions): Rule {
  return failItems(opts);
}

/**
 * Like {@link echoBatch}, but the chosen items fail as the API's partial failure (HTTP 200): each
 * becomes `{ status: "error", <its reference>, message, error }` and the envelope's `status` is `error`.
 * A request without references (no array body, no `uuid`/`name` query) keeps Prism's entries and
 * fails them in place.
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
        const template = entries[0] ?? {};
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
        }
        return body;
      },
    },
  };
}
