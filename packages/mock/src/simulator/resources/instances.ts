/**
 * Instances of the simulated platform: list, get, create, update, delete, start, stop, suspend,
 * logs, metrics, server-held waits and the checkpoint history, plus the `appendLog` and `crash`
 * controls. The life cycle lives in `instance-lifecycle.ts`, the create in `instance-create.ts`,
 * the updates in `instance-update.ts` and the logs in `logs.ts`.
 */
import { bodyItems, find, notFound, perRef, queryRefs, type Rec, type Route, type Sim, type SimRequest } from "../core.js";
import { answer, Code, failure, itemError, itemOk, type Item, type SimResponse } from "../envelope.js";
import { createInstance, markTimedOut, timedOut, waitMs } from "./instance-create.js";
import { crashInstance, deleteInstance, findInstance, holdUntil, instanceView, startInstance, stopInstance, suspendInstance } from "./instance-lifecycle.js";
import { applyUpdate } from "./instance-update.js";
import { readLog, writeLog } from "./logs.js";
import { brief, listView, pathRef, readPatch } from "./shared-util.js";

type Body = Record<string, unknown>;
const KEY = "instances";

/** Appends bytes (or UTF-8 text) to an instance's log; `ref` is a UUID or a name. */
export function appendLog(sim: Sim, ref: string, chunk: string | Uint8Array): void {
  const rec = findInstance(sim, ref);
  if (!rec) throw new Error(`@ukc/mock: no instance '${ref}'`);
  writeLog(sim, rec.uuid, chunk);
}

/** Makes a running instance crash: its application exits with `exitCode` (stop_reason 3); the restart policy applies. */
export function crash(sim: Sim, ref: string, exitCode: number): void {
  const rec = findInstance(sim, ref);
  if (!rec) throw new Error(`@ukc/mock: no instance '${ref}'`);
  crashInstance(sim, rec, exitCode);
}

/** The metrics of an instance: plausible, growing numbers while it runs, zeros otherwise. */
function metricsView(sim: Sim, rec: Rec): Item {
  const live = ["running", "draining"].includes(String(rec.state));
  const up = live ? Number(instanceView(sim, rec).uptime_ms ?? 0) : 0;
  const s = Math.floor(up / 1000);
  const m = (v: number) => (live ? Math.floor(v) : 0);
  return itemOk({
    uuid: rec.uuid,
    name: rec.name,
    rss_bytes: m(Number(rec.memory_mb ?? 128) * 1048576 * 0.3 + s * 64),
    cpu_time_ms: m(up * 0.01),
    boot_time_us: m(Number(rec.boot_time_us ?? 0)),
    net_time_us: m(Number(rec.net_time_us ?? 0)),
    rx_bytes: m(2_048 + s * 1_200),
    rx_packets: m(20 + s * 10),
    tx_bytes: m(1_024 + s * 900),
    tx_packets: m(12 + s * 8),
    nconns: m(s > 0 ? 1 : 0),
    nreqs: m(s * 2),
    nqueued: 0,
    ntotal: m(s * 2),
  });
}

/** The checkpoint history of an instance: the checkpoints taken of it, oldest first. */
export function historyOf(sim: Sim, source: string): { uuid: string; name: string; created_at: string }[] {
  return [...sim.state.checkpoints.values()]
    .filter((c) => c._source === source)
    .sort((a, b) => a.created_at.localeCompare(b.created_at))
    .map((c) => ({ uuid: c.uuid, name: c.name, created_at: c.created_at }));
}

function logItem(sim: Sim, rec: Rec, offset: number, limit?: number): Item {
  return itemOk({ uuid: rec.uuid, name: rec.name, ...readLog(sim, rec.uuid, offset, limit), state: rec.state });
}

function num(query: URLSearchParams, key: string): number | undefined {
  const v = query.get(key);
  return v === null || v === "" ? undefined : Number(v);
}

/** Starts the referenced instances, holding the answer while `timeout_s`/`wait_timeout_ms` asks for it. */
async function start(sim: Sim, req: SimRequest, items: Body[]): Promise<SimResponse> {
  const recs: (Rec | undefined)[] = [];
  const out = perRef(sim, req, "instance", sim.state.instances, items, (rec, _ref, i) => {
    recs[i] = rec;
    return startInstance(sim, rec);
  });
  const wait = Math.max(0, ...items.map(waitMs));
  if (wait <= 0) return answer(KEY, out);
  const started = out.map((item, i) => (item.status === "success" ? recs[i] : undefined));
  const done = await holdUntil(sim, req.signal, wait, () => started.every((r) => !r || r.state === "running"));
  const now = out.map((item, i) => (started[i] ? { ...item, state: started[i]!.state } : item));
  return done ? answer(KEY, now) : timedOut(KEY, markTimedOut(now, started as Rec[], "running"));
}

function stop(sim: Sim, req: SimRequest, items: Body[]): SimResponse {
  if (items.some((i) => i.force === true && typeof i.drain_timeout_ms === "number")) return failure(400, "'force' and 'drain_timeout_ms' cannot be used together");
  return answer(
    KEY,
    perRef(sim, req, "instance", sim.state.instances, items, (rec, _ref, i) => {
      const it = items[i]!;
      if (typeof it.ifstate === "string" && it.ifstate !== rec.state) return { ...itemError({ uuid: rec.uuid, name: rec.name }, Code.WrongState, `Instance is ${String(rec.state)}, not ${it.ifstate}`), state: rec.state };
      return stopInstance(sim, rec, { force: it.force === true, ...(typeof it.drain_timeout_ms === "number" ? { drainMs: it.drain_timeout_ms } : {}) });
    }),
  );
}

/** Holds a wait for instances to reach `state`; answers each with its state (error 12 when it did not). */
async function wait(sim: Sim, req: SimRequest, refs: { uuid?: string; name?: string }[], state: string, timeoutMs: number): Promise<SimResponse> {
  const recs = refs.map((r) => find(sim.state.instances, r));
  const reached = (r: Rec | undefined) => !r || (state === "deleted" ? !sim.state.instances.has(r.uuid) : sim.state.instances.has(r.uuid) && r.state === state);
  const done = await holdUntil(sim, req.signal, timeoutMs, () => recs.every(reached));
  const items = refs.map((ref, i) => {
    const rec = recs[i];
    if (!rec) return notFound("instance", ref);
    const fault = sim.itemFault(req, { uuid: rec.uuid, name: rec.name });
    if (fault) return { ...fault, uuid: rec.uuid, name: rec.name };
    const current = sim.state.instances.has(rec.uuid) ? String(rec.state) : "deleted";
    return reached(rec) ? itemOk({ uuid: rec.uuid, name: rec.name, state: current }) : { ...itemError({ uuid: rec.uuid, name: rec.name }, Code.TimedOut, "Operation timed out"), state: current };
  });
  return done ? answer(KEY, items) : timedOut(KEY, items);
}

function waitTimeout(query: URLSearchParams): number {
  const s = num(query, "timeout_s");
  if (s !== undefined) return s < 0 ? -1 : s * 1000;
  return num(query, "timeout_ms") ?? -1;
}

function historyItem(sim: Sim, rec: Rec): Item {
  return itemOk({ uuid: rec.uuid, name: rec.name, history: historyOf(sim, rec.uuid) });
}

/** The instances routes. */
export function instancesRoutes(sim: Sim): Route[] {
  const one = (req: SimRequest, fn: (rec: Rec) => Item) => answer(KEY, perRef(sim, req, "instance", sim.state.instances, [pathRef(req)], fn));
  const view = (rec: Rec) => instanceView(sim, rec);
  const update = (rec: Rec, body: Body) => {
    const item = applyUpdate(rec, readPatch(body));
    if (item.status === "success") sim.changed();
    return item;
  };
  return [
    { method: "GET", path: "/v1/instances", handler: (req) => answer(KEY, listView("instance", sim.state.instances, req, view)) },
    { method: "POST", path: "/v1/instances", handler: (req) => createInstance(sim, req) },
    { method: "DELETE", path: "/v1/instances", handler: (req) => answer(KEY, perRef(sim, req, "instance", sim.state.instances, bodyItems(req.body), (rec) => deleteInstance(sim, rec))) },
    {
      method: "PATCH",
      path: "/v1/instances",
      handler: (req) => {
        const items = bodyItems(req.body);
        return answer(KEY, perRef(sim, req, "instance", sim.state.instances, items, (rec, _ref, i) => update(rec, items[i]!)));
      },
    },
    { method: "GET", path: "/v1/instances/{uuid}", handler: (req) => one(req, (rec) => (brief(req) ? itemOk({ uuid: rec.uuid, name: rec.name }) : view(rec))) },
    { method: "DELETE", path: "/v1/instances/{uuid}", handler: (req) => one(req, (rec) => deleteInstance(sim, rec)) },
    { method: "PATCH", path: "/v1/instances/{uuid}", handler: (req) => one(req, (rec) => update(rec, (req.body ?? {}) as Body)) },
    {
      method: "GET",
      path: "/v1/instances/log",
      handler: (req) => {
        const refs = queryRefs(req.query);
        if (!refs.length) return failure(400, "A uuid or a name of an instance is required");
        const offset = num(req.query, "offset") ?? 0;
        const limit = num(req.query, "limit");
        return answer(KEY, perRef(sim, req, "instance", sim.state.instances, refs, (rec) => logItem(sim, rec, offset, limit)));
      },
    },
    // No inputs on the by-UUID form: it answers the last page of the log.
    { method: "GET", path: "/v1/instances/{uuid}/log", handler: (req) => one(req, (rec) => logItem(sim, rec, -sim.options.logPageBytes)) },
    { method: "GET", path: "/v1/instances/metrics", handler: (req) => answer(KEY, perRef(sim, req, "instance", sim.state.instances, queryRefs(req.query).length ? queryRefs(req.query) : [...sim.state.instances.values()].map((r) => ({ uuid: r.uuid })), (rec) => metricsView(sim, rec))) },
    { method: "GET", path: "/v1/instances/{uuid}/metrics", handler: (req) => one(req, (rec) => metricsView(sim, rec)) },
    { method: "PUT", path: "/v1/instances/start", handler: (req) => start(sim, req, bodyItems(req.body)) },
    { method: "PUT", path: "/v1/instances/{uuid}/start", handler: (req) => start(sim, req, [{ ...((req.body ?? {}) as Body), ...pathRef(req) }]) },
    { method: "PUT", path: "/v1/instances/stop", handler: (req) => stop(sim, req, bodyItems(req.body)) },
    { method: "PUT", path: "/v1/instances/{uuid}/stop", handler: (req) => stop(sim, req, [{ ...((req.body ?? {}) as Body), ...pathRef(req) }]) },
    {
      method: "PUT",
      path: "/v1/instances/suspend",
      handler: (req) => {
        const items = bodyItems(req.body);
        return answer(KEY, perRef(sim, req, "instance", sim.state.instances, items, (rec, _ref, i) => suspendInstance(sim, rec, Number(items[i]!.drain_timeout_ms ?? 0))));
      },
    },
    { method: "PUT", path: "/v1/instances/{uuid}/suspend", handler: (req) => one(req, (rec) => suspendInstance(sim, rec, Number(((req.body ?? {}) as Body).drain_timeout_ms ?? 0))) },
    {
      method: "GET",
      path: "/v1/instances/wait",
      handler: (req) => {
        const refs = queryRefs(req.query);
        if (!refs.length) return failure(400, "A uuid or a name of an instance is required");
        return wait(sim, req, refs, req.query.get("state") ?? "running", waitTimeout(req.query));
      },
    },
    // No inputs on the by-UUID form: it waits (at most the server's limit) for the running state.
    { method: "GET", path: "/v1/instances/{uuid}/wait", handler: (req) => wait(sim, req, [pathRef(req)], "running", -1) },
    {
      method: "GET",
      path: "/v1/instances/history",
      handler: (req) => {
        const refs = queryRefs(req.query);
        return answer(KEY, perRef(sim, req, "instance", sim.state.instances, refs.length ? refs : [...sim.state.instances.values()].map((r) => ({ uuid: r.uuid })), (rec) => historyItem(sim, rec)));
      },
    },
    { method: "GET", path: "/v1/instances/{uuid}/history", handler: (req) => one(req, (rec) => historyItem(sim, rec)) },
  ];
}
