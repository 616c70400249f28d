/**
 * Checkpoints: saved copies of an instance's configuration and state, listed as instances in the
 * `checkpoint` state, from which new instances can be created (`checkpoint: { name | uuid }` on
 * instance create). Create from an instance, list, get, update (tags, delete_lock, autokill),
 * delete, and the history (the checkpoints of the same instance up to each one).
 */
import { bodyItems, nameTaken, perRef, queryRefs, type Rec, type Route, type Sim, type SimRequest } from "../core.js";
import { answer, Code, itemError, itemOk, type Item } from "../envelope.js";
import { instanceView } from "./instance-lifecycle.js";
import { applyUpdate } from "./instance-update.js";
import { historyOf } from "./instances.js";
import { brief, listView, pathRef, readPatch, refOf } from "./shared-util.js";

type Body = Record<string, unknown>;
const KEY = "instances";
const PROPS = ["tags", "delete_lock", "autokill"] as const;
/** Configuration a checkpoint keeps of its instance. */
const KEPT = ["image", "memory_mb", "vcpus", "args", "env", "restart_policy", "scale_to_zero", "features", "roms", "annotations", "hostname", "sched_priority", "type"];
/** Instance states a checkpoint can be taken in. */
const CHECKPOINTABLE = new Set(["running", "stopped", "standby"]);

function create(sim: Sim, inst: Rec, item: Body): Item {
  if (!CHECKPOINTABLE.has(String(inst.state))) return { ...itemError({ uuid: inst.uuid, name: inst.name }, Code.WrongState, `Instance is ${String(inst.state)}`), state: inst.state };
  let name = typeof item.name === "string" ? item.name : undefined;
  if (name !== undefined && (nameTaken(sim.state.checkpoints, name) || nameTaken(sim.state.instances, name))) return itemError({ name }, Code.AlreadyExists, `Name '${name}' already in use`);
  for (let n = historyOf(sim, inst.uuid).length + 1; name === undefined; n++) if (!nameTaken(sim.state.checkpoints, `${inst.name}-ckpt-${n}`)) name = `${inst.name}-ckpt-${n}`;
  const ckpt: Rec = {
    uuid: sim.ids.uuid(),
    name,
    created_at: sim.iso(),
    state: "checkpoint",
    ...Object.fromEntries(KEPT.filter((k) => inst[k] !== undefined).map((k) => [k, structuredClone(inst[k])])),
    tags: Array.isArray(item.tags) ? [...(item.tags as string[])] : [],
    delete_lock: false,
    _source: inst.uuid,
  };
  if (item.autokill && typeof item.autokill === "object") ckpt.checkpoint_autokill = { ...(item.autokill as Body) };
  sim.state.checkpoints.set(ckpt.uuid, ckpt);
  sim.changed();
  return itemOk({ uuid: ckpt.uuid, name: ckpt.name, state: "checkpoint" });
}

function remove(sim: Sim, rec: Rec): Item {
  if (rec.delete_lock === true) return itemError({ uuid: rec.uuid, name: rec.name }, Code.NotAllowed, "Deletion protection enabled");
  sim.state.checkpoints.delete(rec.uuid);
  sim.changed();
  return itemOk({ uuid: rec.uuid, name: rec.name });
}

function update(sim: Sim, rec: Rec, body: Body): Item {
  const item = applyUpdate(rec, readPatch(body), PROPS);
  if (item.status === "success") sim.changed();
  return item;
}

/** The lineage of a checkpoint: the checkpoints of the same instance, up to and including it. */
function lineage(sim: Sim, rec: Rec): Item {
  const all = historyOf(sim, String(rec._source));
  const at = all.findIndex((h) => h.uuid === rec.uuid);
  return itemOk({ uuid: rec.uuid, name: rec.name, history: at >= 0 ? all.slice(0, at + 1) : [{ uuid: rec.uuid, name: rec.name, created_at: rec.created_at }] });
}

/** The checkpoints routes. */
export function checkpointsRoutes(sim: Sim): Route[] {
  const map = () => sim.state.checkpoints;
  const view = (rec: Rec) => instanceView(sim, rec);
  const one = (req: SimRequest, fn: (rec: Rec) => Item) => answer(KEY, perRef(sim, req, "checkpoint", map(), [pathRef(req)], fn));
  return [
    { method: "GET", path: "/v1/instances/checkpoints", handler: (req) => answer(KEY, listView("checkpoint", map(), req, view)) },
    {
      method: "POST",
      path: "/v1/instances/checkpoints",
      handler: (req) => {
        const items = bodyItems(req.body);
        return answer(KEY, perRef(sim, req, "instance", sim.state.instances, items.map((i) => refOf(i.from) ?? {}), (inst, _ref, i) => create(sim, inst, items[i]!)));
      },
    },
    { method: "DELETE", path: "/v1/instances/checkpoints", handler: (req) => answer(KEY, perRef(sim, req, "checkpoint", map(), bodyItems(req.body), (rec) => remove(sim, rec))) },
    {
      method: "PATCH",
      path: "/v1/instances/checkpoints",
      handler: (req) => {
        const items = bodyItems(req.body);
        return answer(KEY, perRef(sim, req, "checkpoint", map(), items, (rec, _ref, i) => update(sim, rec, items[i]!)));
      },
    },
    {
      method: "GET",
      path: "/v1/instances/checkpoints/history",
      handler: (req) => {
        const refs = queryRefs(req.query);
        return answer(KEY, perRef(sim, req, "checkpoint", map(), refs.length ? refs : [...map().values()].map((r) => ({ uuid: r.uuid })), (rec) => lineage(sim, rec)));
      },
    },
    { method: "GET", path: "/v1/instances/checkpoints/{uuid}", handler: (req) => one(req, (rec) => (brief(req) ? itemOk({ uuid: rec.uuid, name: rec.name }) : view(rec))) },
    { method: "DELETE", path: "/v1/instances/checkpoints/{uuid}", handler: (req) => one(req, (rec) => remove(sim, rec)) },
    { method: "PATCH", path: "/v1/instances/checkpoints/{uuid}", handler: (req) => one(req, (rec) => update(sim, rec, (req.body ?? {}) as Body)) },
    { method: "GET", path: "/v1/instances/checkpoints/{uuid}/history", handler: (req) => one(req, (rec) => lineage(sim, rec)) },
  ];
}
