/**
 * Instance templates: stopped instances converted into templates (same UUID and name, moved from
 * the instances to the templates, state `template`), from which new instances are created
 * (`template: { name | uuid }` on instance create). List, get, update (tags, delete_lock,
 * autokill) and delete.
 */
import { bodyItems, perRef, type Rec, type Route, type Sim, type SimRequest } from "../core.js";
import { answer, Code, itemError, itemOk, type Item } from "../envelope.js";
import { instanceView, releaseAttachments } from "./instance-lifecycle.js";
import { applyUpdate } from "./instance-update.js";
import { brief, listView, pathRef, readPatch } from "./shared-util.js";

type Body = Record<string, unknown>;
const KEY = "instances";
/** Props a template update may change. */
export const TEMPLATE_PROPS = ["tags", "delete_lock", "autokill"] as const;
/** Fields of a stopped instance that describe its last run, not the template. */
const RUN_FIELDS = ["started_at", "stopped_at", "uptime_ms", "stop_reason", "stop_code", "exit_code", "start_count", "restart_count", "vmm_start_time_us", "vmm_load_time_us", "vmm_ready_time_us", "boot_time_us", "net_time_us", "service_group", "private_ip", "private_fqdn", "restart"];

/** Converts a stopped instance into a template. */
function convert(sim: Sim, rec: Rec, item: Body): Item {
  if (rec.state !== "stopped") return { ...itemError({ uuid: rec.uuid, name: rec.name }, Code.WrongState, `Instance must be stopped to become a template (it is ${String(rec.state)})`), state: rec.state };
  if (rec.snapshot) return itemError({ uuid: rec.uuid, name: rec.name }, Code.WrongState, "Instance has a snapshot");
  releaseAttachments(sim, rec, true);
  const tpl: Rec = { ...rec, state: "template" };
  for (const k of RUN_FIELDS) delete tpl[k];
  for (const k of Object.keys(tpl)) if (k.startsWith("_")) delete tpl[k];
  if (item.autokill && typeof item.autokill === "object") tpl.template_autokill = { ...(item.autokill as Body) };
  sim.state.instances.delete(rec.uuid);
  sim.state.logs.delete(rec.uuid);
  sim.state.templates.set(tpl.uuid, tpl);
  sim.changed();
  return itemOk({ uuid: tpl.uuid, name: tpl.name, state: "template" });
}

function remove(sim: Sim, rec: Rec): Item {
  if (rec.delete_lock === true) return itemError({ uuid: rec.uuid, name: rec.name }, Code.NotAllowed, "Deletion protection enabled");
  sim.state.templates.delete(rec.uuid);
  sim.changed();
  return itemOk({ uuid: rec.uuid, name: rec.name, previous_state: "template" });
}

function update(sim: Sim, rec: Rec, body: Body): Item {
  const item = applyUpdate(rec, readPatch(body), TEMPLATE_PROPS);
  if (item.status === "success") sim.changed();
  return item;
}

/** The templates routes. */
export function templatesRoutes(sim: Sim): Route[] {
  const map = () => sim.state.templates;
  const view = (rec: Rec) => instanceView(sim, rec);
  const one = (req: SimRequest, fn: (rec: Rec) => Item) => answer(KEY, perRef(sim, req, "template", map(), [pathRef(req)], fn));
  return [
    { method: "GET", path: "/v1/instances/templates", handler: (req) => answer(KEY, listView("template", map(), req, view)) },
    {
      method: "POST",
      path: "/v1/instances/templates",
      handler: (req) => {
        const items = bodyItems(req.body);
        return answer(KEY, perRef(sim, req, "instance", sim.state.instances, items, (rec, _ref, i) => convert(sim, rec, items[i]!)));
      },
    },
    { method: "DELETE", path: "/v1/instances/templates", handler: (req) => answer(KEY, perRef(sim, req, "template", map(), bodyItems(req.body), (rec) => remove(sim, rec))) },
    {
      method: "PATCH",
      path: "/v1/instances/templates",
      handler: (req) => {
        const items = bodyItems(req.body);
        return answer(KEY, perRef(sim, req, "template", map(), items, (rec, _ref, i) => update(sim, rec, items[i]!)));
      },
    },
    { method: "GET", path: "/v1/instances/templates/{uuid}", handler: (req) => one(req, (rec) => (brief(req) ? itemOk({ uuid: rec.uuid, name: rec.name }) : view(rec))) },
    { method: "DELETE", path: "/v1/instances/templates/{uuid}", handler: (req) => one(req, (rec) => remove(sim, rec)) },
    { method: "PATCH", path: "/v1/instances/templates/{uuid}", handler: (req) => one(req, (rec) => update(sim, rec, (req.body ?? {}) as Body)) },
  ];
}
