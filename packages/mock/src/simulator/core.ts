/**
 * The simulator's context, shared by every resource module: the in-memory state, the clock, the
 * identifiers, the faults, the journal, and the helpers that read references and lists the way
 * the API does.
 */
import { EventEmitter } from "node:events";
import type { Clock } from "./clock.js";
import { Code, itemError, type Item, type SimResponse } from "./envelope.js";
import type { Faults } from "./faults.js";
import type { Ids } from "./ids.js";

/** A stored resource: what the API answers about it, plus fields the simulator keeps for itself. */
export type Rec = Record<string, unknown> & { uuid: string; name: string; created_at: string };

/** The whole simulated platform. */
export interface State {
  instances: Map<string, Rec>;
  templates: Map<string, Rec>;
  checkpoints: Map<string, Rec>;
  volumes: Map<string, Rec>;
  volumeTemplates: Map<string, Rec>;
  serviceGroups: Map<string, Rec>;
  /** Autoscale configurations by service-group UUID. */
  autoscale: Map<string, Rec>;
  certificates: Map<string, Rec>;
  images: Rec[];
  /** Per-instance log bytes and the offset of the first byte still held. */
  logs: Map<string, { bytes: Buffer; start: number }>;
}

/** Timings of the simulated platform, in simulated milliseconds. */
export interface Timings {
  /** stopped → starting → running. Default 300. */
  bootMs: number;
  /** stopping → stopped. Default 200. */
  stopMs: number;
  /** A volume's initialisation (initializing → available). Default 200. */
  volumeInitMs: number;
  /** A certificate's issuance (pending → valid). Default 1000. */
  certificateMs: number;
  /** The longest one server-held wait lasts. Default 10000. */
  maxServerWaitMs: number;
}

/** Options of the simulator. */
export interface SimOptions {
  timings: Timings;
  /** The most log bytes kept per instance; older bytes are dropped (`available.start` moves). Default 1 MiB. */
  logRetentionBytes: number;
  /** The most bytes one log request returns. 16,383 as the API. */
  logPageBytes: number;
  /** Quotas enforced on create. */
  quotas: { instances: number; live_memory_mb: number; volumes: number; total_volume_mb: number; service_groups: number };
}

/** One request as it reached the simulator. */
export interface SimRequest {
  method: string;
  path: string;
  /** Path parameters of the matched route (`uuid`, `name`). */
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** Ends when the client goes away (a held wait stops early). */
  signal: AbortSignal;
}

/** A route: method, path template, handler. */
export interface Route {
  method: string;
  path: string;
  handler: (req: SimRequest) => SimResponse | Promise<SimResponse>;
}

/** The context every resource module gets. */
export interface Sim {
  state: State;
  clock: Clock;
  ids: Ids;
  faults: Faults;
  options: SimOptions;
  /** ISO time of the simulated now. */
  iso(): string;
  /** Tells held waits that something changed. */
  changed(): void;
  /** Resolves at the next change, after `ms`, or when the signal ends, whichever is first. */
  nextChange(ms: number, signal?: AbortSignal): Promise<void>;
  /** A per-item fault for this reference of this call, if one is armed. */
  itemFault(req: SimRequest, ref: { uuid?: string; name?: string }): Item | undefined;
}

/** Creates empty state. */
export function emptyState(): State {
  return {
    instances: new Map(),
    templates: new Map(),
    checkpoints: new Map(),
    volumes: new Map(),
    volumeTemplates: new Map(),
    serviceGroups: new Map(),
    autoscale: new Map(),
    certificates: new Map(),
    images: [],
    logs: new Map(),
  };
}

/** Builds the context. */
export function createSim(parts: { clock: Clock; ids: Ids; faults: Faults; options: SimOptions }): Sim {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const sim: Sim = {
    ...parts,
    state: emptyState(),
    iso: () => new Date(parts.clock.now()).toISOString(),
    changed: () => void events.emit("change"),
    nextChange(ms, signal) {
      return new Promise((resolve) => {
        const controller = new AbortController();
        const done = () => {
          events.off("change", done);
          controller.abort();
          signal?.removeEventListener("abort", done);
          resolve();
        };
        events.on("change", done);
        signal?.addEventListener("abort", done, { once: true });
        void parts.clock.sleep(ms, controller.signal).then(done);
      });
    },
    itemFault(req, ref) {
      const f = parts.faults.takeItem(req.method, req.path, ref);
      return f ? itemError(ref, f.code, f.message ?? "Injected failure") : undefined;
    },
  };
  return sim;
}

// ----- references -----

/** A reference as the API reads it: exactly one of uuid or name. */
export type Ref = { uuid: string; name?: undefined } | { name: string; uuid?: undefined };

/** The references of a GET batch call (`?uuid=…&name=…`), in order: UUIDs first, then names. */
export function queryRefs(query: URLSearchParams): Ref[] {
  return [...query.getAll("uuid").map((uuid) => ({ uuid })), ...query.getAll("name").map((name) => ({ name }))];
}

/** Looks a reference up in a collection. */
export function find(map: Map<string, Rec>, ref: { uuid?: string; name?: string }): Rec | undefined {
  if (ref.uuid) return map.get(ref.uuid.toLowerCase());
  if (ref.name) for (const rec of map.values()) if (rec.name === ref.name) return rec;
  return undefined;
}

/** The API's not-found item for a reference of a kind (`instance`, `volume`, …). */
export function notFound(kind: string, ref: { uuid?: string; name?: string }): Item {
  return itemError(ref, Code.NotFound, ref.uuid ? `No ${kind} with UUID '${ref.uuid}'` : `No ${kind} with name '${ref.name}'`);
}

/**
 * Runs `fn` for each reference of a batch: a not-found reference, or one with an injected item
 * fault, gets its error item; every reference gets exactly one item, in order.
 */
export function perRef(sim: Sim, req: SimRequest, kind: string, map: Map<string, Rec>, refs: readonly { uuid?: string; name?: string }[], fn: (rec: Rec, ref: { uuid?: string; name?: string }, index: number) => Item): Item[] {
  return refs.map((ref, i) => {
    const rec = find(map, ref);
    if (!rec) return notFound(kind, ref);
    const fault = sim.itemFault(req, { uuid: rec.uuid, name: rec.name });
    if (fault) return { ...fault, uuid: rec.uuid, name: rec.name };
    return fn(rec, ref, i);
  });
}

/** The body of a batch call: an array (a single object is wrapped, as the API accepts both). */
export function bodyItems(body: unknown): Record<string, unknown>[] {
  if (Array.isArray(body)) return body as Record<string, unknown>[];
  if (body && typeof body === "object") return [body as Record<string, unknown>];
  return [];
}

// ----- lists -----

/**
 * A list the way the API pages it: `uuid`/`name` filters (an unknown one is an error item),
 * `tags` (all must match), `sortby=create_time`, `order`, the inclusive `from` (a UUID or an ISO
 * time) and `count` (0 or unset: all).
 */
export function listItems(kind: string, map: Map<string, Rec>, query: URLSearchParams, view: (rec: Rec) => Item): Item[] {
  const refs = queryRefs(query);
  if (refs.length) return refs.map((ref) => {
    const rec = find(map, ref);
    return rec ? view(rec) : notFound(kind, ref);
  });
  let recs = [...map.values()];
  const tags = query.getAll("tags");
  if (tags.length) recs = recs.filter((r) => tags.every((t) => (r.tags as string[] | undefined)?.includes(t)));
  recs.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.uuid.localeCompare(b.uuid));
  if (query.get("order") === "desc") recs.reverse();
  const from = query.get("from");
  if (from) {
    const at = recs.findIndex((r) => r.uuid === from.toLowerCase());
    if (at >= 0) recs = recs.slice(at);
    else if (!Number.isNaN(Date.parse(from))) {
      const t = Date.parse(from);
      const desc = query.get("order") === "desc";
      recs = recs.filter((r) => (desc ? Date.parse(r.created_at) <= t : Date.parse(r.created_at) >= t));
    } else recs = [];
  }
  const count = Number(query.get("count") ?? 0);
  if (count > 0) recs = recs.slice(0, count);
  return recs.map(view);
}

/** Names: what the SDK (and this simulator) accept, 1 to 63 letters, digits, `.`, `_`, `-`. */
export const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** A name is free in a collection (for the 409 of a create). */
export function nameTaken(map: Map<string, Rec>, name: string): boolean {
  for (const rec of map.values()) if (rec.name === name) return true;
  return false;
}

/** A copy without the simulator's own fields (those starting with `_`). */
export function publicView(rec: Rec): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rec).filter(([k]) => !k.startsWith("_")));
}
