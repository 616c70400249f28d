/**
 * The simulator's HTTP server: bearer-token check, JSON bodies, routing to the resource modules,
 * request-level faults (status, delay, reset), the request journal, and the control endpoints
 * under `/_sim/`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Route, SimRequest } from "./core.js";
import { failure, type SimResponse } from "./envelope.js";
import type { Faults } from "./faults.js";

/** One request in the journal, with the status it was answered. */
export interface JournalEntry {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  status: number;
  /** Simulated time it arrived, ISO 8601. */
  at: string;
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
  journal: JournalEntry[];
  iso: () => string;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  control: ControlHandler;
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

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://simulator");
    const method = (req.method ?? "GET").toUpperCase();
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
    const entry: JournalEntry = { method, path: url.pathname, query: queryObject(url.searchParams), body, status: 0, at: parts.iso() };
    parts.journal.push(entry);
    const reply = (r: SimResponse) => {
      entry.status = r.status;
      send(res, r);
    };

    const auth = req.headers.authorization ?? "";
    if (!/^Bearer \S+/.test(auth)) return reply(failure(401, "Unauthorized"));
    if (badJson) return reply(failure(400, "Malformed request: the body is not valid JSON"));

    const fault = parts.faults.takeRequest(method, url.pathname);
    if (fault?.type === "reset") {
      entry.status = -1;
      req.socket.destroy();
      return;
    }
    if (fault?.type === "status") {
      const headers = fault.retryAfterS !== undefined ? { "retry-after": String(fault.retryAfterS) } : undefined;
      return reply(failure(fault.status, fault.message ?? "Injected failure", headers));
    }
    if (fault?.type === "delay") await parts.sleep(fault.ms);

    const matched = route(method, url.pathname);
    if (!matched) return reply(failure(404, `No API endpoint ${method} ${url.pathname}`));
    const gone = new AbortController();
    res.once("close", () => gone.abort());
    const request: SimRequest = { method, path: url.pathname, params: matched.params, query: url.searchParams, body, signal: gone.signal };
    reply(await matched.route.handler(request));
  }

  return server;
}
