/**
 * The simulator's HTTP server: scripted rules (scripting.ts), bearer-token check, JSON bodies,
 * routing to the resource modules, request-level faults (status, delay, reset), the request
 * journal, and the control endpoints under `/_sim/`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Route, SimRequest } from "./core.js";
import { failure, type SimResponse } from "./envelope.js";
import type { Faults } from "./faults.js";
import { answerHeaders, recordHeaders, sendAnswer, type Scripting, type ScriptRequest, type SimAnswer } from "./scripting.js";

/** One request in the journal, with the status it was answered. */
export interface JournalEntry {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Request headers, lower-case names; the credential of `authorization` redacted (`Bearer ***`). */
  headers: Record<string, string>;
  /** Parsed JSON; the raw text when it is not JSON; `undefined` when empty. */
  body: unknown;
  /** HTTP status answered; -1 for a connection reset, 0 while pending or when the client left first. */
  status: number;
  /** Id of the scripted rule (`simulator.rule()`) that applied, if any. */
  ruleId?: string;
  /** Whether the simulated platform answered it (no rule, or a rule that forwards, transforms or calls `forward()`). */
  forwarded: boolean;
  /** Simulated time it arrived, ISO 8601. */
  at: string;
  /** `Date.now()` when it arrived (real time). */
  receivedAt: number;
}

/** A route table: literal segments win over `{param}` ones. */
export function createRouter(routes: Route[]) {
  const compiled = routes.map((r) => ({ ...r, segs: r.path.split("/"), literal: r.path.split("/").filter((s) => !s.startsWith("{")).length }));
  compiled.sort((a, b) => b.literal - a.literal);
  return (method: string, path: string): { route: Route; params: Record<string, string> } | undefined => {
    const segs = path.split("/");
    for (const r of compiled) {
      if (r.method !== method || r.segs.length !== segs.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segs.length && ok; i++) {
        const want = r.segs[i]!;
        if (want.startsWith("{")) {
          if (!segs[i]) ok = false;
          else params[want.slice(1, -1)] = decodeURIComponent(segs[i]!);
        } else ok = want === segs[i];
      }
      if (ok) return { route: r, params };
    }
    return undefined;
  };
}

function queryObject(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Handles control requests (`/_sim/…`); answers undefined for any other path. */
export type ControlHandler = (method: string, path: string, body: unknown) => Promise<SimResponse | undefined>;

/** Creates the HTTP server of the simulator (not listening yet). */
export function createSimServer(parts: {
  routes: Route[];
  faults: Faults;
  scripting: Scripting;
  journal: JournalEntry[];
  iso: () => string;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  control: ControlHandler;
  /** The fields a body may have (from the spec): unknown ones are refused as the API does. */
  unknownFields?: (method: string, template: string, body: unknown) => string[];
}): Server {
  const route = createRouter(parts.routes);
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      send(res, failure(500, `simulator error: ${error instanceof Error ? error.message : String(error)}`));
    });
  });

  function send(res: ServerResponse, r: SimResponse) {
    if (res.headersSent || res.destroyed) return;
    const body = r.body === undefined ? "" : JSON.stringify(r.body);
    res.writeHead(r.status, { "content-type": "application/json", ...(r.headers ?? {}) });
    res.end(body);
  }

  /** The simulated platform's answer: auth, JSON, request-level faults, the route; "reset" for a reset fault. */
  async function simulate(req: IncomingMessage, res: ServerResponse, method: string, url: URL, body: unknown, badJson: boolean): Promise<SimResponse | "reset"> {
    const auth = req.headers.authorization ?? "";
    if (!/^Bearer \S+/.test(auth)) return failure(401, "Unauthorized");
    if (badJson) return failure(400, "Malformed request: the body is not valid JSON");

    const fault = parts.faults.takeRequest(method, url.pathname);
    if (fault?.type === "reset") return "reset";
    if (fault?.type === "status") {
      const headers = fault.retryAfterS !== undefined ? { "retry-after": String(fault.retryAfterS) } : undefined;
      return failure(fault.status, fault.message ?? "Injected failure", headers);
    }
    if (fault?.type === "delay") await parts.sleep(fault.ms);

    const matched = route(method, url.pathname);
    if (!matched) return failure(404, `No API endpoint ${method} ${url.pathname}`);
    const unknown = body === undefined ? [] : (parts.unknownFields?.(method, matched.route.path, body) ?? []);
    if (unknown.length) return failure(400, unknown.map((k) => `'${k}' is not a valid member`).join("; "));
    const gone = new AbortController();
    res.once("close", () => gone.abort());
    const request: SimRequest = { method, path: url.pathname, params: matched.params, query: url.searchParams, body, signal: gone.signal };
    return matched.route.handler(request);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://simulator");
    const method = (req.method ?? "GET").toUpperCase();
    const receivedAt = Date.now();
    const text = await readBody(req);
    let body: unknown;
    let badJson = false;
    if (text.trim()) {
      try {
        body = JSON.parse(text);
      } catch {
        badJson = true;
      }
    }
    if (url.pathname.startsWith("/_sim/")) {
      if (badJson) return send(res, failure(400, "the control request body is not JSON"));
      const r = await parts.control(method, url.pathname, body);
      return send(res, r ?? failure(404, `no control endpoint ${method} ${url.pathname}`));
    }
    const headers = recordHeaders(req.headers);
    const recorded = badJson ? text : body;
    const entry: JournalEntry = { method, path: url.pathname, query: queryObject(url.searchParams), headers, body: recorded, status: 0, forwarded: false, at: parts.iso(), receivedAt };
    parts.journal.push(entry);
    // A reset fault closes the socket (as it always did); a scripted `reset` sends a TCP RST.
    const reset = (hard: boolean) => {
      entry.status = -1;
      if (hard) req.socket.resetAndDestroy();
      else req.socket.destroy();
    };

    const scriptReq: ScriptRequest = { method, path: url.pathname, query: url.searchParams, headers, body: recorded, receivedAt };
    const taken = parts.scripting.take(scriptReq);
    if (!taken) {
      entry.forwarded = true;
      const r = await simulate(req, res, method, url, body, badJson);
      if (r === "reset") return reset(false);
      entry.status = r.status;
      return send(res, r);
    }
    entry.ruleId = taken.id;
    const outcome = await parts.scripting.run(taken, scriptReq, {
      gone: () => req.socket.destroyed || res.destroyed,
      simulate: async (): Promise<SimAnswer | "reset"> => {
        entry.forwarded = true;
        const r = await simulate(req, res, method, url, body, badJson);
        if (r === "reset") return r;
        return { status: r.status, headers: { "content-type": "application/json", ...answerHeaders(r.headers) }, body: r.body === undefined ? undefined : structuredClone(r.body) };
      },
    });
    if (outcome.type === "gone") return;
    if (outcome.type === "reset") return reset(true);
    if (req.socket.destroyed || res.destroyed) return;
    entry.status = outcome.answer.status;
    sendAnswer(res, outcome.answer, outcome.simulated);
  }

  return server;
}
