/**
 * Attaching and detaching volumes. A volume attaches only while `available` (an `initializing`
 * one answers 11, one already attached with access mode `rwo` answers 15), to an existing instance
 * that is `stopped` (else 11); the attachment is written into the instance record's `volumes`
 * (`{uuid, name, at, readonly}`), from which the volume's `attached_to` is read. Detach works on a
 * stopped instance; a volume not attached (to that instance) answers 21.
 */
import { bodyItems, find, notFound, perRef, type Rec, type Route, type Sim, type SimRequest } from "../core.js";
import { answer, Code, itemError, itemOk, type Item } from "../envelope.js";
import { pathRef, refOf } from "./shared-util.js";
import { attachments, mounts, namesVolume } from "./volume-model.js";

/** The attach and detach routes of volumes. */
export function volumeAttachRoutes(sim: Sim): Route[] {

  function attach(vol: Rec, opts: Record<string, unknown>): Item {
    const ref = { uuid: vol.uuid, name: vol.name };
    const iref = refOf(opts.attach_to);
    if (!iref) return itemError(ref, Code.Invalid, "attach_to is required");
    const inst = find(sim.state.instances, iref);
    if (!inst) return { ...notFound("instance", iref), ...ref };
    const at = opts.at;
    if (typeof at !== "string" || !at.startsWith("/")) return itemError(ref, Code.Invalid, `Invalid mount point '${String(at)}': an absolute path is required`);
    const att = attachments(sim, vol);
    if (att.some((a) => a.uuid === inst.uuid)) return itemError(ref, Code.Attached, `Volume is already attached to instance '${inst.name}'`);
    if (vol.state !== "available") return itemError(ref, Code.WrongState, `Volume is ${String(vol.state)}; only an available volume can be attached`);
    if (att.length && (vol.access_mode ?? "rwo") === "rwo") return itemError(ref, Code.Attached, `Volume is already attached to instance '${att[0]!.name}'`);
    if (inst.state !== "stopped") return itemError(ref, Code.WrongState, `Instance '${inst.name}' is ${String(inst.state)}; volumes attach to stopped instances only`);
    const entries = mounts(inst);
    if (entries.some((e) => e.at === at)) return itemError(ref, Code.Invalid, `Instance '${inst.name}' already has a volume at '${at}'`);
    entries.push({ uuid: vol.uuid, name: vol.name, at, readonly: opts.readonly === true || vol.access_mode === "rox" });
    sim.changed();
    return itemOk(ref);
  }

  function detach(vol: Rec, opts: Record<string, unknown>): Item {
    const ref = { uuid: vol.uuid, name: vol.name };
    let att = attachments(sim, vol);
    const fref = refOf(opts.from);
    if (fref) {
      const inst = find(sim.state.instances, fref);
      if (!inst) return { ...notFound("instance", fref), ...ref };
      att = att.filter((a) => a.uuid === inst.uuid);
      if (!att.length) return itemError(ref, Code.NotAttached, `Volume is not attached to instance '${inst.name}'`);
    }
    if (!att.length) return itemError(ref, Code.NotAttached, "Volume is not attached");
    const busy = att.map((a) => sim.state.instances.get(a.uuid)!).find((i) => i.state !== "stopped");
    if (busy) return itemError(ref, Code.WrongState, `Instance '${busy.name}' is ${String(busy.state)}; volumes detach from stopped instances only`);
    for (const a of att) {
      const inst = sim.state.instances.get(a.uuid)!;
      inst.volumes = mounts(inst).filter((e) => !namesVolume(e, vol));
    }
    sim.changed();
    return itemOk(ref);
  }

  const refOfItem = (b: Record<string, unknown>) => (typeof b.uuid === "string" ? { uuid: b.uuid.toLowerCase() } : { name: String(b.name) });
  const batch = (fn: (vol: Rec, opts: Record<string, unknown>) => Item) => (req: SimRequest) => {
    const items = bodyItems(req.body);
    return answer("volumes", perRef(sim, req, "volume", sim.state.volumes, items.map(refOfItem), (vol, _r, i) => fn(vol, items[i]!)));
  };
  const single = (fn: (vol: Rec, opts: Record<string, unknown>) => Item) => (req: SimRequest) =>
    answer("volumes", perRef(sim, req, "volume", sim.state.volumes, [pathRef(req)], (vol) => fn(vol, (req.body ?? {}) as Record<string, unknown>)));

  return [
    { method: "PUT", path: "/v1/volumes/attach", handler: batch(attach) },
    { method: "PUT", path: "/v1/volumes/detach", handler: batch(detach) },
    { method: "PUT", path: "/v1/volumes/{uuid}/attach", handler: single(attach) },
    { method: "PUT", path: "/v1/volumes/{uuid}/detach", handler: single(detach) },
  ];
}
