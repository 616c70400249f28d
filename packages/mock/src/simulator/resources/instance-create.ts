/**
 * `POST /v1/instances`: a new instance (and its replicas) from an image, a template or a
 * checkpoint, with volumes (existing ones attached, new ones created), a service group (an
 * existing one joined, or an ephemeral one created from `services`), quotas, autostart and a
 * held wait until the instances run.
 */
import { find, NAME, nameTaken, type Rec, type Sim, type SimRequest } from "../core.js";
import { answer, Code, failure, itemError, type Item, type SimResponse } from "../envelope.js";
import { holdUntil, instanceView, liveMemoryMb, startInstance } from "./instance-lifecycle.js";
import { refOf } from "./shared-util.js";
import { planDomains, readServices, realiseDomains } from "./service-group-model.js";
import { addVolume, attachments, volumeQuota, volumeState } from "./volume-model.js";

/** Configuration fields copied from a template or checkpoint into a new instance. */
const INHERITED = ["image", "memory_mb", "vcpus", "args", "env", "restart_policy", "scale_to_zero", "features", "roms", "annotations", "hostname", "sched_priority", "type"];

type Body = Record<string, unknown>;

function imageOf(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && typeof (v as { url?: unknown }).url === "string") return (v as { url: string }).url;
  return undefined;
}

/** Seconds or milliseconds of a create/start wait, in ms (0: no wait). */
export function waitMs(body: Body): number {
  if (typeof body.timeout_s === "number") return body.timeout_s * 1000;
  if (typeof body.wait_timeout_ms === "number") return body.wait_timeout_ms;
  return 0;
}

/** The answer of a wait that ran out of time: `status: error`, `Operation timed out`, each item with its state. */
export function timedOut(key: string, items: Item[]): SimResponse {
  const r = answer(key, items, "Operation timed out");
  (r.body as { status: string }).status = "error";
  return r;
}

/** Marks the items of instances not yet in `state` as timed out (error 12), keeping their fields. */
export function markTimedOut(items: Item[], recs: Rec[], state: string): Item[] {
  return items.map((item, i) => (recs[i] && recs[i]!.state !== state && item.status === "success" ? { ...item, status: "error", error: Code.TimedOut, message: "Operation timed out" } : item));
}

/** Handles the create. */
export async function createInstance(sim: Sim, req: SimRequest): Promise<SimResponse> {
  const body = (req.body && typeof req.body === "object" && !Array.isArray(req.body) ? req.body : {}) as Body;
  const ref = typeof body.name === "string" ? { name: body.name } : {};
  const fail = (code: number, message: string) => answer("instances", [itemError(ref, code, message)]);

  // The base: a template or a checkpoint the instance starts from.
  let base: Rec | undefined;
  for (const [field, map, kind] of [["template", sim.state.templates, "template"], ["checkpoint", sim.state.checkpoints, "checkpoint"]] as const) {
    if (body[field] === undefined) continue;
    const r = refOf(body[field]);
    if (!r) return failure(400, `'${field}' needs a uuid or a name`);
    base = find(map, r);
    if (!base) return fail(Code.NotFound, r.uuid ? `No ${kind} with UUID '${r.uuid}'` : `No ${kind} with name '${r.name}'`);
  }
  const image = imageOf(body.image) ?? (base?.image as string | undefined);
  if (!image) return failure(400, "An image or a template is required");

  // Names: the instance's and its replicas'.
  const replicas = typeof body.replicas === "number" ? Math.max(0, Math.trunc(body.replicas)) : 0;
  if (body.name !== undefined && (typeof body.name !== "string" || !NAME.test(body.name))) return failure(400, `Invalid name '${String(body.name)}'`);
  const baseName = typeof body.name === "string" ? body.name : sim.ids.name();
  const names = [baseName, ...Array.from({ length: replicas }, (_, i) => `${baseName}-${i + 1}`)];
  for (const n of names) if (nameTaken(sim.state.instances, n) || nameTaken(sim.state.templates, n)) return failure(409, `Name '${n}' already in use`);

  const memory = typeof body.memory_mb === "number" ? body.memory_mb : Number(base?.memory_mb ?? 128);
  const vcpus = typeof body.vcpus === "number" ? body.vcpus : Number(base?.vcpus ?? 1);
  if (!(Number.isInteger(memory) && memory >= 16)) return failure(400, `Invalid memory_mb ${memory}: at least 16`);
  if (!(Number.isInteger(vcpus) && vcpus >= 1 && vcpus <= 16)) return failure(400, `Invalid vcpus ${vcpus}: 1 to 16`);
  const q = sim.options.quotas;
  if (sim.state.instances.size + names.length > q.instances) return fail(Code.Quota, `Quota exceeded: at most ${q.instances} instances`);
  if (body.autostart === true && liveMemoryMb(sim) + memory * names.length > q.live_memory_mb) return fail(Code.Quota, `Quota exceeded: at most ${q.live_memory_mb} MB of live memory`);

  // Volumes: check everything before anything changes.
  const vols = Array.isArray(body.volumes) ? (body.volumes as Body[]) : [];
  const plan: { vol?: Rec; create?: Body; at: string; readonly: boolean }[] = [];
  for (const v of vols) {
    const at = String(v.at ?? "");
    const readonly = v.readonly === true;
    if (typeof v.uuid === "string" || (typeof v.name === "string" && v.size_mb === undefined)) {
      const vref = typeof v.uuid === "string" ? { uuid: v.uuid.toLowerCase() } : { name: String(v.name) };
      const vol = find(sim.state.volumes, vref);
      if (!vol) return fail(Code.NotFound, vref.uuid ? `No volume with UUID '${vref.uuid}'` : `No volume with name '${vref.name}'`);
      const shared = vol.access_mode === "rwx" || vol.access_mode === "rox";
      if (volumeState(sim, vol) !== "available" || (!shared && attachments(sim, vol).length)) return fail(Code.Attached, `Volume '${vol.name}' is not available`);
      if (names.length > 1 && !shared) return fail(Code.Attached, `Volume '${vol.name}' cannot be attached to ${names.length} replicas`);
      plan.push({ vol, at, readonly });
    } else if (typeof v.size_mb === "number") {
      if (typeof v.name === "string" && nameTaken(sim.state.volumes, v.name)) return failure(409, `Name '${v.name}' already in use`);
      const quota = volumeQuota(sim, ref, v.size_mb * names.length, true);
      if (quota) return answer("instances", [quota]);
      plan.push({ create: v, at, readonly });
    } else return failure(400, "A volume needs a uuid, a name or a size_mb");
  }

  // Service group: an existing one, or an ephemeral one made from `services`.
  let sg: Rec | undefined;
  const sgBody = body.service_group as Body | undefined;
  if (sgBody && Array.isArray(sgBody.services)) {
    const services = readServices(sgBody.services);
    if (typeof services === "string") return failure(400, services);
    const sgName = sim.ids.name();
    const given = Array.isArray(sgBody.domains) && sgBody.domains.length ? sgBody.domains : [{ name: sgName }];
    const plans = planDomains(sim, given);
    if (!Array.isArray(plans)) return plans.code === "nocert" ? fail(Code.NotFound, plans.message) : plans.code === "taken" ? failure(409, plans.message) : failure(400, plans.message);
    sg = {
      uuid: sim.ids.uuid(),
      name: sgName,
      created_at: sim.iso(),
      persistent: false,
      autoscale: false,
      soft_limit: typeof sgBody.soft_limit === "number" ? sgBody.soft_limit : 1,
      hard_limit: typeof sgBody.hard_limit === "number" ? sgBody.hard_limit : 1,
      services,
      domains: realiseDomains(sim, plans),
      instances: [],
    };
  } else if (sgBody) {
    const r = refOf(sgBody);
    sg = r ? find(sim.state.serviceGroups, r) : undefined;
    if (!sg) return fail(Code.NotFound, r?.uuid ? `No service group with UUID '${r.uuid}'` : `No service group with name '${String(r?.name)}'`);
  }
  if (sg && !sim.state.serviceGroups.has(sg.uuid)) sim.state.serviceGroups.set(sg.uuid, sg);

  // The instances.
  const inherited = Object.fromEntries(INHERITED.filter((k) => base?.[k] !== undefined).map((k) => [k, structuredClone(base![k])]));
  const recs: Rec[] = names.map((name) => {
    const uuid = sim.ids.uuid();
    const n = sim.state.instances.size + 2;
    const rec: Rec = {
      uuid,
      name,
      created_at: sim.iso(),
      state: "stopped",
      private_fqdn: `${name}.internal`,
      private_ip: `10.0.${(n >> 8) & 255}.${n & 255}`,
      restart_policy: "never",
      args: [],
      env: {},
      tags: [],
      start_count: 0,
      restart_count: 0,
      delete_lock: false,
      ...inherited,
      image,
      memory_mb: memory,
      vcpus,
    };
    for (const k of ["args", "env", "restart_policy", "scale_to_zero", "features", "tags", "annotations", "hostname", "sched_priority", "type", "schedules"]) if (body[k] !== undefined) rec[k] = structuredClone(body[k]);
    if (body.autokill !== undefined) rec.autokill = structuredClone(body.autokill);
    if (base?.state === "template") rec.template_time_us = 1_500;
    if (body.scale_to_zero) rec.scale_to_zero = { enabled: (body.scale_to_zero as Body).policy !== "off", ...(body.scale_to_zero as Body) };
    rec.volumes = plan.map((p) => {
      const vol = p.vol ?? addVolume(sim, { ...(p.create!.name !== undefined && names.length === 1 ? { name: p.create!.name } : {}), size_mb: p.create!.size_mb, persistent: false });
      return { uuid: vol.uuid, name: vol.name, at: p.at, readonly: p.readonly };
    });
    if (sg) {
      rec.service_group = { uuid: sg.uuid, name: sg.name };
      (sg.instances as { uuid: string; name: string }[]).push({ uuid, name });
    }
    sim.state.instances.set(uuid, rec);
    return rec;
  });
  sim.changed();
  if (body.autostart === true) for (const rec of recs) startInstance(sim, rec);

  const wait = body.autostart === true ? waitMs(body) : 0;
  if (wait > 0) {
    const done = await holdUntil(sim, req.signal, wait, () => recs.every((r) => r.state === "running" || !sim.state.instances.has(r.uuid)));
    const items = recs.map((r) => instanceView(sim, r));
    if (!done) return timedOut("instances", markTimedOut(items, recs, "running"));
    return answer("instances", items);
  }
  return answer("instances", recs.map((r) => instanceView(sim, r)));
}
