/**
 * Scripted rules: in-process request injection for tests, in front of the simulated platform.
 *
 * A {@link Rule} matches requests by method, path (exact, `{param}` template, or RegExp) and a
 * subset of the query, for its next `times` requests, optionally after `delayMs`, and then acts:
 * resets the connection, answers a fixed response, computes an answer (optionally from the
 * simulator's own answer, `forward()`), rewrites the simulator's answer, or passes the request on.
 * Anything no rule matches is answered by the simulated platform (auth, faults armed with
 * `fault()`, routes). Rules hold functions, so they exist only in-process (`simulator.rule()`);
 * the serialisable faults of `fault()` and `POST /_sim/faults` stay in faults.ts.
 *
 * @example
 * ```ts
 * const sim = await startSimulator();
 * const busy = sim.rule({ path: "/v1/instances/{uuid}", times: 1, action: { type: "respond", status: 503, headers: { "retry-after": "0" } } });
 * // ... call the API at sim.url, then: busy.hits === 1, sim.journal()[0].ruleId === busy.id
 * ```
 */
import type { ServerResponse } from "node:http";
import { pathMatches } from "./faults.js";

/** A request as a rule's action sees it. */
export interface ScriptRequest {
  /** HTTP method, upper case. */
  method: string;
  /** The URL's pathname, e.g. `/v1/instances/wait`. */
  path: string;
  /** The query string, parsed (repeated keys kept: `query.getAll("name")`). */
  query: URLSearchParams;
  /** Request headers, lower-case names, repeated values joined with `, `; `authorization` redacted (`Bearer ***`). */
  headers: Record<string, string>;
  /** The body: parsed JSON, the raw text if it is not JSON, `undefined` when empty. */
  body: unknown;
  /** `Date.now()` when the request arrived (real time). */
  receivedAt: number;
}

/** The simulator's own answer to a request, as `forward()` gives it (a copy: free to mutate). */
export interface SimAnswer {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The JSON body (`undefined` for none). */
  body: unknown;
}

/** An answer a rule gives. `body` is JSON-encoded unless it is a string (sent as is, `text/plain` unless a content type is given) or bytes; none for `undefined`. */
export interface ScriptAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** What a matching rule does. */
export type RuleAction =
  /** Destroy the connection without answering (the client sees a connection reset). */
  | { type: "reset" }
  /** Answer with a fixed response, e.g. 429/503 with `Retry-After`. */
  | { type: "respond"; status: number; headers?: Record<string, string>; body?: unknown }
  /** Compute the answer per request, optionally from the simulator's own answer via `forward()`. */
  | { type: "handle"; handler: (req: ScriptRequest, forward: () => Promise<SimAnswer>) => ScriptAnswer | Promise<ScriptAnswer> }
  /**
   * Let the simulator answer, then rewrite the body. Returning `undefined` keeps the (possibly
   * mutated) body. The status and headers of the simulator's answer are kept.
   */
  | { type: "transform"; transform: (body: any, req: ScriptRequest, res: SimAnswer) => any }
  /** Explicit pass-through to the simulator, e.g. to count matching requests with {@link RuleHandle.hits} or to delay them. */
  | { type: "forward" };

/** Which requests a rule applies to, and what it does. */
export interface Rule {
  /** Recorded as the journal entry's `ruleId`. Default `rule-<n>`. */
  id?: string | undefined;
  /** HTTP method (any case). Default: any. */
  method?: string | undefined;
  /** Exact pathname, a template (`{uuid}` matches one non-empty segment), or a RegExp tested against the pathname. Default: any. */
  path?: string | RegExp | undefined;
  /** Query parameters that must all be present with these values (one of a repeated key suffices). */
  query?: Record<string, string> | undefined;
  /** How many requests the rule applies to. Default `Infinity`. */
  times?: number | undefined;
  /** Real milliseconds to wait before acting (lets tests trigger client timeouts); not the simulated clock. */
  delayMs?: number | undefined;
  action: RuleAction;
}

/** Returned by `simulator.rule()`. */
export interface RuleHandle {
  readonly id: string;
  /** How many requests the rule has applied to so far. */
  readonly hits: number;
  /** Removes the rule; later requests no longer match it. */
  remove(): void;
}

/** The outcome of a rule, for the server to carry out. */
export type Outcome =
  | { type: "reset" }
  | { type: "answer"; answer: ScriptAnswer; /** The body came from the simulator (keep a string body's content type). */ simulated: boolean }
  /** The client went away during the delay: nothing is sent. */
  | { type: "gone" };

/** What the server gives a rule to act on a request. */
export interface RuleIO {
  /** The simulated platform's answer to the request; `"reset"` when a fault resets the connection. */
  simulate(): Promise<SimAnswer | "reset">;
  /** True once the client has gone away. */
  gone(): boolean;
}

/** Thrown by `forward()` when the simulator itself reset the connection (a `reset` fault). */
class ConnectionReset extends Error {}

interface Active {
  rule: Rule;
  id: string;
  left: number;
  hits: number;
}

/** The scripted rules of one simulator. */
export interface Scripting {
  add(rule: Rule): RuleHandle;
  /** Drops every rule. */
  clear(): void;
  /** The first rule with times left matching the request, consumed (hits + 1); undefined when none. */
  take(req: ScriptRequest): { id: string; rule: Rule } | undefined;
  /** Carries out a taken rule's action. */
  run(taken: { id: string; rule: Rule }, req: ScriptRequest, io: RuleIO): Promise<Outcome>;
  /** Cancels pending delays (on stop). */
  dispose(): void;
}

/** Creates an empty set of rules. */
export function createScripting(): Scripting {
  let rules: Active[] = [];
  let counter = 0;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  return {
    add(rule) {
      if (rule.times !== undefined && !(rule.times >= 0)) throw new RangeError(`@ukc/mock: a rule's times must not be negative, got ${rule.times}`);
      const active: Active = { rule, id: rule.id ?? `rule-${++counter}`, left: rule.times ?? Infinity, hits: 0 };
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
    clear() {
      rules = [];
    },
    take(req) {
      const active = rules.find((r) => r.left > 0 && matches(r.rule, req));
      if (!active) return undefined;
      active.left -= 1;
      active.hits += 1;
      return { id: active.id, rule: active.rule };
    },
    async run({ id, rule }, req, io) {
      if (rule.delayMs) await sleep(rule.delayMs);
      if (io.gone()) return { type: "gone" };
      const action = rule.action;
      const forward = async (): Promise<SimAnswer> => {
        const answer = await io.simulate();
        if (answer === "reset") throw new ConnectionReset("the simulator reset the connection");
        return answer;
      };
      try {
        switch (action.type) {
          case "reset":
            return { type: "reset" };
          case "respond":
            return { type: "answer", answer: action, simulated: false };
          case "forward": {
            const answer = await io.simulate();
            return answer === "reset" ? { type: "reset" } : { type: "answer", answer, simulated: true };
          }
          case "transform": {
            const answer = await forward();
            const out = action.transform(answer.body, req, answer);
            return { type: "answer", answer: { ...answer, body: out === undefined ? answer.body : out }, simulated: true };
          }
          case "handle":
            return { type: "answer", answer: await action.handler(req, forward), simulated: false };
        }
      } catch (error) {
        if (error instanceof ConnectionReset) return { type: "reset" };
        const message = error instanceof Error ? error.message : String(error);
        return { type: "answer", answer: { status: 500, body: { status: "error", message: `simulator rule '${id}': ${message}`, errors: [{ status: 500 }] } }, simulated: false };
      }
    },
    dispose() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      rules = [];
    },
  };
}

/** Whether a rule applies to a request (its times aside). */
export function matches(rule: Rule, req: { method: string; path: string; query: URLSearchParams }): boolean {
  if (rule.method && rule.method.toUpperCase() !== req.method) return false;
  if (typeof rule.path === "string" && !pathMatches(rule.path, req.path)) return false;
  if (rule.path instanceof RegExp) {
    rule.path.lastIndex = 0;
    if (!rule.path.test(req.path)) return false;
  }
  for (const [k, v] of Object.entries(rule.query ?? {})) if (!req.query.getAll(k).includes(v)) return false;
  return true;
}

/** Request headers as rules and the journal record them: lower-case, joined, the credential of `authorization` redacted. */
export function recordHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  if (out.authorization !== undefined) out.authorization = redact(out.authorization);
  return out;
}

/** `Bearer abc` → `Bearer ***`; a bare credential → `***`; an empty value or a lone scheme is kept. */
export function redact(value: string): string {
  const m = /^\s*(\S+)\s+\S/.exec(value);
  if (m) return `${m[1]} ***`;
  return /^\s*(bearer|basic)?\s*$/i.test(value) ? value : "***";
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer", "content-length"]);

/** Lower-case header names without hop-by-hop headers (what `forward()` answers carry). */
export function answerHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (!HOP_BY_HOP.has(k.toLowerCase())) out[k.toLowerCase()] = v;
  return out;
}

/**
 * Writes a rule's answer: a string body as is (`text/plain` unless a content type is given, or
 * the body came from the simulator), bytes as is, `undefined` as no body, anything else as JSON.
 */
export function sendAnswer(res: ServerResponse, answer: ScriptAnswer, simulated: boolean): void {
  if (res.headersSent || res.destroyed) return;
  const headers = answerHeaders(answer.headers);
  let payload: Buffer;
  if (answer.body === undefined) payload = Buffer.alloc(0);
  else if (typeof answer.body === "string") {
    payload = Buffer.from(answer.body, "utf8");
    if (!simulated) headers["content-type"] ??= "text/plain; charset=utf-8";
  } else if (answer.body instanceof Uint8Array) payload = Buffer.from(answer.body);
  else {
    payload = Buffer.from(JSON.stringify(answer.body), "utf8");
    headers["content-type"] ??= "application/json";
  }
  headers["content-length"] = String(payload.length);
  res.writeHead(answer.status, headers);
  res.end(payload);
}
