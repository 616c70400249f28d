/**
 * The life of a simulated instance: its public view, start (stopped/standby → starting → running
 * after `timings.bootMs`), stop (running → draining → stopping → stopped after `timings.stopMs`),
 * suspend (→ standby), crashes with restart policies, and deletion (volumes and service groups
 * that were only the instance's go with it). Every timing goes through the simulator's clock.
 */
import { find, publicView, type Rec, type Sim } from "../core.js";
import { Code, itemError, itemOk, type Item } from "../envelope.js";
import { logLine } from "./logs.js";
import { dropAutoCertificates, type StoredDomain } from "./service-group-model.js";
import { namesVolume } from "./volume-model.js";

/** stop_reason values (ENDPOINTS.md): clean user stop, forced user stop, the application exited. */
export const STOP = { clean: 15, forced: 28, appExited: 3 } as const;
/** stop_code of a kernel that shut down after the application exited (shutdown table 1, initlevel 1, reason OK). */
const STOP_CODE_OK = 0x8100;
/** How long a drain of `-1` (the largest allowed) lasts. */
const MAX_DRAIN_MS = 60_000;
/** States that count against the live memory quota. */
const LIVE = new Set(["starting", "running", "draining", "stopping"]);

/** Simulator-only fields of an instance record. */
interface Internal {
  _cancel?: () => void;
  _since?: number;
  _uptime?: number;
}

const internal = (rec: Rec) => rec as Rec & Internal;

/** The full view of an instance (the spec's Instance fields), with `uptime_ms` computed. */
export function instanceView(sim: Sim, rec: Rec): Item {
  const v = publicView(rec);
  delete v.status;
  delete v.message;
  delete v.error;
  const r = internal(rec);
  const uptime = (r._uptime ?? 0) + (r._since !== undefined ? sim.clock.now() - r._since : 0);
  if (r._since !== undefined || r._uptime !== undefined) v.uptime_ms = Math.max(0, Math.floor(uptime));
  const sgRef = rec.service_group as { uuid?: string } | undefined;
  if (sgRef?.uuid) {
    const sg = sim.state.serviceGroups.get(sgRef.uuid);
    if (sg) v.service_group = { uuid: sg.uuid, name: sg.name, domains: ((sg.domains as { fqdn?: string }[] | undefined) ?? []).filter((d) => d.fqdn).map((d) => ({ fqdn: d.fqdn })) };
    else delete v.service_group;
  }
  return itemOk(v);
}

/** The live memory (MB) of every instance that runs or is about to. */
export function liveMemoryMb(sim: Sim): number {
  let total = 0;
  for (const i of sim.state.instances.values()) if (LIVE.has(String(i.state))) total += Number(i.memory_mb ?? 0);
  return total;
}

/** Looks an instance up by UUID or name (for the controls). */
export function findInstance(sim: Sim, ref: string): Rec | undefined {
  return find(sim.state.instances, /^[0-9a-f-]{36}$/i.test(ref) ? { uuid: ref } : { name: ref }) ?? find(sim.state.instances, { name: ref });
}

function cancel(rec: Rec): void {
  const r = internal(rec);
  r._cancel?.();
  delete r._cancel;
}

/** Runs `fn` after `ms` if the instance still exists; one pending transition per instance. */
function schedule(sim: Sim, rec: Rec, ms: number, fn: () => void): void {
  cancel(rec);
  internal(rec)._cancel = sim.clock.after(ms, () => {
    delete internal(rec)._cancel;
    if (sim.state.instances.get(rec.uuid) !== rec) return;
    fn();
    sim.changed();
  });
}

function stopClock(sim: Sim, rec: Rec): void {
  const r = internal(rec);
  if (r._since !== undefined) r._uptime = (r._uptime ?? 0) + (sim.clock.now() - r._since);
  delete r._since;
}

function setState(sim: Sim, rec: Rec, state: string): void {
  rec.state = state;
  sim.changed();
}

function becomeRunning(sim: Sim, rec: Rec, restart: boolean): void {
  const mem = Number(rec.memory_mb ?? 128);
  rec.state = "running";
  rec.started_at = sim.iso();
  rec.start_count = Number(rec.start_count ?? 0) + 1;
  if (restart) rec.restart_count = Number(rec.restart_count ?? 0) + 1;
  rec.vmm_start_time_us = 60_000 + mem * 10;
  rec.vmm_load_time_us = 4_000 + mem * 2;
  rec.vmm_ready_time_us = 400;
  rec.boot_time_us = 8_000 + mem * 4;
  rec.net_time_us = Number(rec.boot_time_us) + 2_000;
  internal(rec)._since = sim.clock.now();
  logLine(sim, rec.uuid, `${rec.name}: ${String(rec.image ?? "app")} is running (boot ${rec.boot_time_us} us)`);
}

/** Starts an instance; the item answers its state and previous state (or the reason it cannot start). */
export function startInstance(sim: Sim, rec: Rec, restart = false): Item {
  const prev = String(rec.state);
  const ok = () => itemOk({ uuid: rec.uuid, name: rec.name, state: rec.state, previous_state: prev });
  if (prev === "running" || prev === "starting") return ok();
  if (prev !== "stopped" && prev !== "standby") return itemError({ uuid: rec.uuid, name: rec.name }, Code.WrongState, `Instance is ${prev}`);
  const q = sim.options.quotas.live_memory_mb;
  if (liveMemoryMb(sim) + Number(rec.memory_mb ?? 0) > q) return itemError({ uuid: rec.uuid, name: rec.name }, Code.Quota, `Quota exceeded: at most ${q} MB of live memory`);
  delete rec.stop_reason;
  delete rec.stop_code;
  delete rec.exit_code;
  logLine(sim, rec.uuid, prev === "standby" ? `Resuming ${rec.name} from standby` : `Booting ${String(rec.image ?? "app")} (${rec.memory_mb} MB, ${rec.vcpus} vCPU)`);
  setState(sim, rec, "starting");
  schedule(sim, rec, sim.options.timings.bootMs, () => becomeRunning(sim, rec, restart));
  return ok();
}

/** Ends a stop: the instance is stopped with a stop_reason (and exit_code/stop_code when the kernel shut down). */
function becomeStopped(sim: Sim, rec: Rec, reason: number, exitCode = 0): void {
  stopClock(sim, rec);
  rec.state = "stopped";
  rec.stopped_at = sim.iso();
  rec.stop_reason = reason;
  if (reason & 1) {
    rec.stop_code = STOP_CODE_OK;
    rec.exit_code = exitCode;
  } else {
    delete rec.stop_code;
    delete rec.exit_code;
  }
  logLine(sim, rec.uuid, reason === STOP.appExited ? `${rec.name}: application exited with code ${exitCode}` : `${rec.name}: stopped`);
  if ((rec.features as string[] | undefined)?.includes("delete-on-stop")) removeInstance(sim, rec);
}

function stopping(sim: Sim, rec: Rec, reason: number): void {
  setState(sim, rec, "stopping");
  schedule(sim, rec, sim.options.timings.stopMs, () => becomeStopped(sim, rec, reason));
}

/** Stops an instance (`force` skips draining, `drainMs` > 0 or -1 drains first). */
export function stopInstance(sim: Sim, rec: Rec, opts: { force?: boolean; drainMs?: number }): Item {
  const prev = String(rec.state);
  const ok = () => itemOk({ uuid: rec.uuid, name: rec.name, state: rec.state, previous_state: prev });
  const reason = opts.force ? STOP.forced : STOP.clean;
  switch (prev) {
    case "stopped":
      return { ...itemError({ uuid: rec.uuid, name: rec.name }, Code.WrongState, "Instance is not running"), state: prev };
    case "stopping":
      return ok();
    case "draining":
      if (opts.force) stopping(sim, rec, reason);
      return ok();
    case "standby":
      cancel(rec);
      becomeStopped(sim, rec, reason);
      sim.changed();
      return ok();
    case "starting":
      stopping(sim, rec, reason);
      return ok();
    case "running": {
      const drain = opts.force ? 0 : opts.drainMs === -1 ? MAX_DRAIN_MS : Math.max(0, opts.drainMs ?? 0);
      if (drain > 0) {
        setState(sim, rec, "draining");
        schedule(sim, rec, drain, () => stopping(sim, rec, reason));
      } else stopping(sim, rec, reason);
      return ok();
    }
    default:
      return itemError({ uuid: rec.uuid, name: rec.name }, Code.WrongState, `Instance is ${prev}`);
  }
}

/** Suspends a running instance into `standby` (after an optional drain). */
export function suspendInstance(sim: Sim, rec: Rec, drainMs = 0): Item {
  const prev = String(rec.state);
  const ok = () => itemOk({ uuid: rec.uuid, name: rec.name, state: rec.state, previous_state: prev });
  if (prev === "standby") return ok();
  if (prev !== "running") return { ...itemError({ uuid: rec.uuid, name: rec.name }, Code.WrongState, `Instance is ${prev}`), state: prev };
  const standby = () => {
    stopClock(sim, rec);
    rec.state = "standby";
    logLine(sim, rec.uuid, `${rec.name}: suspended`);
  };
  const drain = drainMs === -1 ? MAX_DRAIN_MS : Math.max(0, drainMs);
  if (drain > 0) {
    setState(sim, rec, "draining");
    schedule(sim, rec, drain, standby);
  } else {
    standby();
    sim.changed();
  }
  return ok();
}

/** The application of a live instance exits with `exitCode`; the restart policy may start it again. */
export function crashInstance(sim: Sim, rec: Rec, exitCode: number): void {
  if (!["running", "draining", "starting"].includes(String(rec.state))) throw new Error(`@ukc/mock: instance '${rec.name}' is ${String(rec.state)}, not running`);
  if (!(Number.isInteger(exitCode) && exitCode >= 0)) throw new RangeError(`@ukc/mock: exit code must be a non-negative integer, got ${exitCode}`);
  cancel(rec);
  becomeStopped(sim, rec, STOP.appExited, exitCode);
  sim.changed();
  const policy = String(rec.restart_policy ?? "never");
  if (sim.state.instances.get(rec.uuid) === rec && (policy === "always" || (policy === "on-failure" && exitCode !== 0))) startInstance(sim, rec, true);
}

/** Deletes an instance (running ones are force-stopped); the item carries `previous_state`. */
export function deleteInstance(sim: Sim, rec: Rec): Item {
  if (rec.delete_lock === true) return itemError({ uuid: rec.uuid, name: rec.name }, Code.NotAllowed, "Deletion protection enabled");
  const prev = String(rec.state);
  removeInstance(sim, rec);
  return itemOk({ uuid: rec.uuid, name: rec.name, previous_state: prev });
}

/** Takes an instance out of the state, with its timers, log, non-persistent volumes and ephemeral service group. */
export function removeInstance(sim: Sim, rec: Rec): void {
  cancel(rec);
  sim.state.instances.delete(rec.uuid);
  sim.state.logs.delete(rec.uuid);
  releaseAttachments(sim, rec);
  sim.changed();
}

/** Drops what an instance leaves behind: non-persistent volumes no other instance uses (unless `keepVolumes`), its service-group membership. */
export function releaseAttachments(sim: Sim, rec: Rec, keepVolumes = false): void {
  if (!keepVolumes) for (const entry of (rec.volumes as { uuid?: string; name?: string }[] | undefined) ?? []) {
    const vol = find(sim.state.volumes, entry);
    if (!vol || vol.persistent !== false) continue;
    const used = [...sim.state.instances.values(), ...sim.state.templates.values()].some((i) => i !== rec && ((i.volumes as { uuid?: string }[] | undefined) ?? []).some((e) => namesVolume(e, vol)));
    if (!used) sim.state.volumes.delete(vol.uuid);
  }
  const sgRef = rec.service_group as { uuid?: string } | undefined;
  const sg = sgRef?.uuid ? sim.state.serviceGroups.get(sgRef.uuid) : undefined;
  if (sg) {
    sg.instances = ((sg.instances as { uuid: string }[] | undefined) ?? []).filter((i) => i.uuid !== rec.uuid);
    const others = [...sim.state.instances.values()].some((i) => i !== rec && (i.service_group as { uuid?: string } | undefined)?.uuid === sg.uuid);
    if (sg.persistent === false && !(sg.instances as unknown[]).length && !others) {
      sim.state.serviceGroups.delete(sg.uuid);
      dropAutoCertificates(sim, (sg.domains as StoredDomain[] | undefined) ?? []);
    }
  }
}

/** Waits (held by the server, at most `timings.maxServerWaitMs`) until `done()` or the timeout; true when done. */
export async function holdUntil(sim: Sim, signal: AbortSignal, timeoutMs: number, done: () => boolean): Promise<boolean> {
  const limit = timeoutMs < 0 ? sim.options.timings.maxServerWaitMs : Math.min(timeoutMs, sim.options.timings.maxServerWaitMs);
  const end = sim.clock.now() + limit;
  for (;;) {
    if (done()) return true;
    const left = end - sim.clock.now();
    if (left <= 0 || signal.aborted) return false;
    await sim.nextChange(left, signal);
  }
}
