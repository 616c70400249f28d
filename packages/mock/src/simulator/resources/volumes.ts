/**
 * Volumes: create (size, host path or template; `initializing` → `available` after
 * `timings.volumeInitMs`), list/get, update (size grows only, tags, quota policy, delete lock),
 * delete (not while attached or locked), clone. Attach/detach live in `volume-attach.ts`, volume
 * templates in `volume-templates.ts`.
 */
import { bodyItems, find, notFound, perRef, type Rec, type Route, type Sim, type SimRequest } from "../core.js";
import { answer, Code, failure, itemError, itemOk, type Item } from "../envelope.js";
import { applyStrings, listView, nameProblem, opProblem, patched, patchError, pathRef, readPatch, refOf, type Patch } from "./shared-util.js";
import { addVolume, attachments, volumeQuota, volumeView } from "./volume-model.js";
import { volumeAttachRoutes } from "./volume-attach.js";
import { volumeTemplateRoutes } from "./volume-templates.js";

const CREATE_FIELDS = ["size_mb", "host_path", "quota_policy", "filesystem", "tags", "uid", "gid", "access_mode"];

/** The volume routes (with attach/detach and volume templates). */
export function volumesRoutes(sim: Sim): Route[] {

  function create(req: SimRequest) {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const bad = nameProblem(sim.state.volumes, b.name) ?? (typeof b.name === "string" ? nameProblem(sim.state.volumeTemplates, b.name) : undefined);
    if (bad) return bad;
    const hasSize = b.size_mb !== undefined;
    if (b.template !== undefined && (hasSize || b.host_path !== undefined)) return failure(400, "Conflicting parameters: 'template' cannot be combined with 'size_mb' or 'host_path'");
    if (!hasSize && b.host_path === undefined && b.template === undefined) return failure(400, "One of 'size_mb', 'host_path' or 'template' is required");
    if (hasSize && !(Number.isInteger(b.size_mb) && Number(b.size_mb) > 0)) return failure(400, `Invalid size_mb '${String(b.size_mb)}'`);
    if (b.host_path !== undefined && !(typeof b.host_path === "string" && b.host_path.startsWith("/"))) return failure(400, `Invalid host_path '${String(b.host_path)}': an absolute path is required`);
    const ref = typeof b.name === "string" ? { name: b.name } : {};
    const fields: Record<string, unknown> = { name: b.name };
    for (const k of CREATE_FIELDS) if (b[k] !== undefined) fields[k] = b[k];
    if (b.template !== undefined) {
      const tref = refOf(b.template) ?? {};
      const tpl = find(sim.state.volumeTemplates, tref);
      if (!tpl) return answer("volumes", [notFound("volume template", tref)]);
      fields.size_mb = tpl.size_mb;
      fields.filesystem = tpl.filesystem;
      fields._template = { uuid: tpl.uuid, name: tpl.name };
    }
    const quota = volumeQuota(sim, ref, Number(fields.size_mb ?? 0), true);
    if (quota) return answer("volumes", [quota]);
    const vol = addVolume(sim, fields);
    return answer("volumes", [itemOk({ uuid: vol.uuid, name: vol.name, state: vol.state })]);
  }

  function remove(req: SimRequest, refs: { uuid?: string; name?: string }[]) {
    return answer(
      "volumes",
      perRef(sim, req, "volume", sim.state.volumes, refs, (vol) => {
        const att = attachments(sim, vol);
        if (att.length) return itemError({ uuid: vol.uuid, name: vol.name }, Code.Attached, `Volume is attached to instance '${att[0]!.name}'`);
        if (vol.delete_lock) return itemError({ uuid: vol.uuid, name: vol.name }, Code.NotAllowed, "Deletion protection enabled");
        sim.state.volumes.delete(vol.uuid);
        sim.changed();
        return itemOk({ uuid: vol.uuid, name: vol.name });
      }),
    );
  }

  function update(vol: Rec, patch: Patch): Item {
    switch (patch.prop) {
      case "size_mb": {
        const wrong = opProblem(vol, patch, ["set"]);
        if (wrong) return wrong;
        const size = Number(patch.value);
        if (!Number.isInteger(size) || size <= Number(vol.size_mb)) return patchError(vol, patch, Code.Invalid, `A volume can only grow: size_mb must be more than ${String(vol.size_mb)}`);
        if (vol.state !== "available" || attachments(sim, vol).length) return patchError(vol, patch, Code.WrongState, "A volume can only be resized while available and not attached");
        const quota = volumeQuota(sim, vol, size - Number(vol.size_mb), false);
        if (quota) return { ...quota, ...(patch.id ? { id: patch.id } : {}) };
        vol.free_mb = Number(vol.free_mb ?? vol.size_mb) + size - Number(vol.size_mb);
        vol.size_mb = size;
        break;
      }
      case "tags": {
        const tags = applyStrings(vol.tags as string[] | undefined, patch.op, patch.value);
        if (typeof tags === "string") return patchError(vol, patch, Code.Invalid, tags);
        vol.tags = tags;
        break;
      }
      case "quota_policy": {
        const wrong = opProblem(vol, patch, ["set"]);
        if (wrong) return wrong;
        if (patch.value !== "static" && patch.value !== "dynamic") return patchError(vol, patch, Code.Invalid, `Invalid quota_policy '${String(patch.value)}'`);
        vol.quota_policy = patch.value;
        break;
      }
      case "delete_lock": {
        const wrong = opProblem(vol, patch, ["set"]);
        if (wrong) return wrong;
        if (typeof patch.value !== "boolean") return patchError(vol, patch, Code.Invalid, "delete_lock needs a boolean value");
        vol.delete_lock = patch.value;
        break;
      }
      default:
        return patchError(vol, patch, Code.Invalid, `Unknown property '${patch.prop}'`);
    }
    sim.changed();
    return patched(vol, patch);
  }

  function clone(src: Rec, opts: Record<string, unknown>): Item {
    const ref = { uuid: src.uuid, name: src.name };
    if (src.state !== "available") return itemError(ref, Code.WrongState, `Volume is ${String(src.state)}; only an available volume can be cloned`);
    const name = opts.vol_name;
    if (name !== undefined) {
      if (typeof name !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(name)) return itemError(ref, Code.Invalid, `Invalid name '${String(name)}'`);
      for (const m of [sim.state.volumes, sim.state.volumeTemplates]) for (const r of m.values()) if (r.name === name) return itemError(ref, Code.AlreadyExists, `Name '${name}' already in use`);
    }
    const quota = volumeQuota(sim, ref, Number(src.size_mb ?? 0), true);
    if (quota) return quota;
    const fields: Record<string, unknown> = { name, size_mb: src.size_mb, filesystem: src.filesystem, access_mode: opts.access_mode ?? src.access_mode, quota_policy: opts.quota_policy ?? src.quota_policy, tags: opts.tags ?? [...((src.tags as string[] | undefined) ?? [])], uid: src.uid, gid: src.gid };
    const vol = addVolume(sim, fields);
    vol.free_mb = src.free_mb ?? vol.size_mb;
    return itemOk({ uuid: vol.uuid, name: vol.name, state: vol.state });
  }

  const itemsOf = (req: SimRequest) => bodyItems(req.body);
  const refOfItem = (b: Record<string, unknown>) => (typeof b.uuid === "string" ? { uuid: b.uuid.toLowerCase() } : { name: String(b.name) });

  return [
    { method: "GET", path: "/v1/volumes", handler: (req) => answer("volumes", listView("volume", sim.state.volumes, req, (v) => volumeView(sim, v))) },
    { method: "POST", path: "/v1/volumes", handler: create },
    { method: "DELETE", path: "/v1/volumes", handler: (req) => remove(req, itemsOf(req).map(refOfItem)) },
    {
      method: "PATCH",
      path: "/v1/volumes",
      handler: (req) => {
        const items = itemsOf(req);
        return answer("volumes", perRef(sim, req, "volume", sim.state.volumes, items.map(refOfItem), (vol, _r, i) => update(vol, readPatch(items[i]!))));
      },
    },
    {
      method: "POST",
      path: "/v1/volumes/clone",
      handler: (req) => {
        const items = itemsOf(req);
        return answer("volumes", perRef(sim, req, "volume", sim.state.volumes, items.map(refOfItem), (vol, _r, i) => clone(vol, items[i]!)));
      },
    },
    { method: "GET", path: "/v1/volumes/{uuid}", handler: (req) => answer("volumes", perRef(sim, req, "volume", sim.state.volumes, [pathRef(req)], (v) => volumeView(sim, v))) },
    { method: "DELETE", path: "/v1/volumes/{uuid}", handler: (req) => remove(req, [pathRef(req)]) },
    { method: "PATCH", path: "/v1/volumes/{uuid}", handler: (req) => answer("volumes", perRef(sim, req, "volume", sim.state.volumes, [pathRef(req)], (vol) => update(vol, readPatch((req.body ?? {}) as Record<string, unknown>)))) },
    { method: "POST", path: "/v1/volumes/{uuid}/clone", handler: (req) => answer("volumes", perRef(sim, req, "volume", sim.state.volumes, [pathRef(req)], (vol) => clone(vol, (req.body ?? {}) as Record<string, unknown>))) },
    ...volumeAttachRoutes(sim),
    ...volumeTemplateRoutes(sim),
  ];
}
