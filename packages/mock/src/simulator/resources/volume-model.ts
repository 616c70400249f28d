/**
 * The volume model shared by the volume routes: the stored record, its public view (state
 * `mounted` while an instance it is attached to runs), attachments, quotas and creation.
 */
import { Code, itemError, itemOk, type Item } from "../envelope.js";
import { type Rec, type Sim } from "../core.js";

/** An attachment of a volume as the volume keeps it. */
export interface Attachment {
  uuid: string;
  name: string;
  at: string;
  readonly: boolean;
}

/** Instance states in which an attached volume is in use (the volume shows `mounted`). */
const LIVE = new Set(["starting", "running", "draining", "stopping", "suspending"]);

/** An instance's volume entry, as the instance record keeps it. */
export interface MountEntry {
  uuid: string;
  name: string;
  at: string;
  readonly?: boolean;
}

/** The volume entries of an instance record (created when missing). */
export function mounts(inst: Rec): MountEntry[] {
  if (!Array.isArray(inst.volumes)) inst.volumes = [];
  return inst.volumes as MountEntry[];
}

/** Whether an instance entry names this volume. */
export function namesVolume(entry: { uuid?: string; name?: string }, vol: Rec): boolean {
  return entry.uuid ? entry.uuid.toLowerCase() === vol.uuid : entry.name === vol.name;
}

/**
 * The attachments of a volume, read from the instance records (their `volumes` entries are the
 * one source of truth, so instances created with volumes show up too).
 */
export function attachments(sim: Sim, vol: Rec): Attachment[] {
  const out: Attachment[] = [];
  for (const inst of sim.state.instances.values()) {
    const entry = (Array.isArray(inst.volumes) ? (inst.volumes as MountEntry[]) : []).find((e) => namesVolume(e, vol));
    if (entry) out.push({ uuid: inst.uuid, name: inst.name, at: String(entry.at ?? ""), readonly: Boolean(entry.readonly) });
  }
  return out;
}

/** The state the API shows: `available` while unattached or attached only to stopped instances, `mounted` while an attached instance runs. */
export function volumeState(sim: Sim, vol: Rec): string {
  const state = String(vol.state);
  if (state !== "available") return state;
  const running = attachments(sim, vol).some((a) => LIVE.has(String(sim.state.instances.get(a.uuid)?.state)));
  return running ? "mounted" : state;
}

/** The public view of a volume (fields of the spec's Volume). */
export function volumeView(sim: Sim, vol: Rec): Item {
  const att = attachments(sim, vol);
  const state = volumeState(sim, vol);
  const keys = ["uuid", "name", "created_at", "size_mb", "persistent", "tags", "quota_policy", "delete_lock", "free_mb", "filesystem", "host_path", "access_mode", "uid", "gid"];
  const out: Record<string, unknown> = {};
  for (const k of keys) if (vol[k] !== undefined) out[k] = vol[k];
  out.state = state;
  out.attached_to = att.map((a) => ({ uuid: a.uuid, name: a.name }));
  out.mounted_by = state === "mounted" ? att.filter((a) => LIVE.has(String(sim.state.instances.get(a.uuid)?.state))).map((a) => ({ uuid: a.uuid, name: a.name, readonly: a.readonly })) : [];
  return itemOk(out);
}

/** The total size of every volume (and volume template), in MB. */
export function totalVolumeMb(sim: Sim): number {
  let total = 0;
  for (const v of sim.state.volumes.values()) total += Number(v.size_mb ?? 0);
  for (const v of sim.state.volumeTemplates.values()) total += Number(v.size_mb ?? 0);
  return total;
}

/** The quota error item for a new volume of `sizeMb` (or `growMb` more), if it would exceed a quota. */
export function volumeQuota(sim: Sim, ref: { uuid?: string; name?: string }, sizeMb: number, isNew: boolean): Item | undefined {
  const q = sim.options.quotas;
  if (isNew && sim.state.volumes.size + sim.state.volumeTemplates.size >= q.volumes) return itemError(ref, Code.Quota, `Quota exceeded: at most ${q.volumes} volumes`);
  if (totalVolumeMb(sim) + sizeMb > q.total_volume_mb) return itemError(ref, Code.Quota, `Quota exceeded: at most ${q.total_volume_mb} MB of volumes in total`);
  return undefined;
}

/** Stores a new volume in state `initializing`; it becomes `available` after `timings.volumeInitMs`. */
export function addVolume(sim: Sim, fields: Record<string, unknown>): Rec {
  const size = Number(fields.size_mb ?? 0);
  const vol: Rec = {
    uuid: sim.ids.uuid(),
    name: typeof fields.name === "string" ? fields.name : sim.ids.name("vol"),
    created_at: sim.iso(),
    state: "initializing",
    size_mb: size,
    free_mb: size,
    persistent: true,
    tags: [],
    quota_policy: "static",
    delete_lock: false,
    filesystem: "ext4",
    access_mode: "rwo",
    ...Object.fromEntries(Object.entries(fields).filter(([k, v]) => k !== "name" && v !== undefined)),
  };
  sim.state.volumes.set(vol.uuid, vol);
  sim.clock.after(sim.options.timings.volumeInitMs, () => {
    if (vol.state === "initializing" && sim.state.volumes.get(vol.uuid) === vol) {
      vol.state = "available";
      sim.changed();
    }
  });
  sim.changed();
  return vol;
}
