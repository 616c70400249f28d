/**
 * Volume templates: an available, unattached volume becomes a template (it moves from the volumes
 * to the volume templates, same UUID and name, state `template`); new volumes can be created from
 * it (`POST /v1/volumes` with `template`). List/get/update (tags, delete_lock)/delete.
 */
import { bodyItems, perRef, type Rec, type Route, type Sim, type SimRequest } from "../core.js";
import { answer, Code, itemError, itemOk, type Item } from "../envelope.js";
import { applyStrings, listView, opProblem, patched, patchError, pathRef, readPatch, type Patch } from "./shared-util.js";
import { attachments, volumeView } from "./volume-model.js";

/** The volume-template routes. */
export function volumeTemplateRoutes(sim: Sim): Route[] {

  function create(vol: Rec): Item {
    const ref = { uuid: vol.uuid, name: vol.name };
    if (vol.state !== "available") return itemError(ref, Code.WrongState, `Volume is ${String(vol.state)}; only an available volume can become a template`);
    const att = attachments(sim, vol);
    if (att.length) return itemError(ref, Code.Attached, `Volume is attached to instance '${att[0]!.name}'`);
    sim.state.volumes.delete(vol.uuid);
    vol.state = "template";
    sim.state.volumeTemplates.set(vol.uuid, vol);
    sim.changed();
    return itemOk({ ...ref, state: "template" });
  }

  function remove(req: SimRequest, refs: { uuid?: string; name?: string }[]) {
    return answer(
      "volumes",
      perRef(sim, req, "volume template", sim.state.volumeTemplates, refs, (tpl) => {
        if (tpl.delete_lock) return itemError({ uuid: tpl.uuid, name: tpl.name }, Code.NotAllowed, "Deletion protection enabled");
        sim.state.volumeTemplates.delete(tpl.uuid);
        sim.changed();
        return itemOk({ uuid: tpl.uuid, name: tpl.name });
      }),
    );
  }

  function update(tpl: Rec, patch: Patch): Item {
    if (patch.prop === "tags") {
      const tags = applyStrings(tpl.tags as string[] | undefined, patch.op, patch.value);
      if (typeof tags === "string") return patchError(tpl, patch, Code.Invalid, tags);
      tpl.tags = tags;
    } else if (patch.prop === "delete_lock") {
      const wrong = opProblem(tpl, patch, ["set"]);
      if (wrong) return wrong;
      if (typeof patch.value !== "boolean") return patchError(tpl, patch, Code.Invalid, "delete_lock needs a boolean value");
      tpl.delete_lock = patch.value;
    } else return patchError(tpl, patch, Code.Invalid, `Unknown property '${patch.prop}'`);
    sim.changed();
    return patched(tpl, patch);
  }

  const refOfItem = (b: Record<string, unknown>) => (typeof b.uuid === "string" ? { uuid: b.uuid.toLowerCase() } : { name: String(b.name) });

  return [
    { method: "GET", path: "/v1/volumes/templates", handler: (req) => answer("volumes", listView("volume template", sim.state.volumeTemplates, req, (t) => volumeView(sim, t))) },
    { method: "POST", path: "/v1/volumes/templates", handler: (req) => answer("volumes", perRef(sim, req, "volume", sim.state.volumes, bodyItems(req.body).map(refOfItem), create)) },
    { method: "DELETE", path: "/v1/volumes/templates", handler: (req) => remove(req, bodyItems(req.body).map(refOfItem)) },
    {
      method: "PATCH",
      path: "/v1/volumes/templates",
      handler: (req) => {
        const items = bodyItems(req.body);
        return answer("volumes", perRef(sim, req, "volume template", sim.state.volumeTemplates, items.map(refOfItem), (t, _r, i) => update(t, readPatch(items[i]!))));
      },
    },
    { method: "GET", path: "/v1/volumes/templates/{uuid}", handler: (req) => answer("volumes", perRef(sim, req, "volume template", sim.state.volumeTemplates, [pathRef(req)], (t) => volumeView(sim, t))) },
    { method: "DELETE", path: "/v1/volumes/templates/{uuid}", handler: (req) => remove(req, [pathRef(req)]) },
    { method: "PATCH", path: "/v1/volumes/templates/{uuid}", handler: (req) => answer("volumes", perRef(sim, req, "volume template", sim.state.volumeTemplates, [pathRef(req)], (t) => update(t, readPatch((req.body ?? {}) as Record<string, unknown>)))) },
  ];
}
