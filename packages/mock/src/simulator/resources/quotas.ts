/**
 * Quotas of the caller, computed from the current state: what is used (instances, live ones with
 * their vCPUs and memory, service groups, services, volumes and their size) against the hard
 * limits of `options.quotas`, and the per-resource limits. `GET /v1/users/{uuid}/quotas` answers
 * for the caller's UUID ({@link USER_UUID}); another UUID is an item with code 8.
 */
import type { Route, Sim } from "../core.js";
import { answer, Code, itemError, itemOk, type Item } from "../envelope.js";
import { AUTOSCALE_LIMITS } from "./autoscale.js";
import { totalVolumeMb } from "./volume-model.js";

/** The UUID of the simulated caller. */
export const USER_UUID = "00000000-0000-4000-8000-000000000001";
const LIVE = new Set(["starting", "running", "draining", "stopping"]);
/** Per-resource limits (memory and vCPUs as instance create checks them). */
export const LIMITS = { min_memory_mb: 16, max_memory_mb: 16_384, min_volume_mb: 1, max_volume_mb: 65_536, min_autoscale_size: AUTOSCALE_LIMITS.min, max_autoscale_size: AUTOSCALE_LIMITS.max, min_vcpus: 1, max_vcpus: 16 };

/** The caller's quotas item. */
export function quotasItem(sim: Sim): Item {
  const q = sim.options.quotas;
  let live = 0;
  let vcpus = 0;
  let memory = 0;
  for (const i of sim.state.instances.values()) {
    if (!LIVE.has(String(i.state))) continue;
    live++;
    vcpus += Number(i.vcpus ?? 1);
    memory += Number(i.memory_mb ?? 0);
  }
  let services = 0;
  for (const sg of sim.state.serviceGroups.values()) services += ((sg.services as unknown[] | undefined) ?? []).length;
  return itemOk({
    uuid: USER_UUID,
    used: {
      instances: sim.state.instances.size,
      live_instances: live,
      live_vcpus: vcpus,
      live_memory_mb: memory,
      service_groups: sim.state.serviceGroups.size,
      services,
      volumes: sim.state.volumes.size + sim.state.volumeTemplates.size,
      total_volume_mb: totalVolumeMb(sim),
    },
    hard: {
      instances: q.instances,
      live_instances: q.instances,
      live_vcpus: q.instances * LIMITS.max_vcpus,
      live_memory_mb: q.live_memory_mb,
      service_groups: q.service_groups,
      services: q.service_groups * 8,
      volumes: q.volumes,
      total_volume_mb: q.total_volume_mb,
    },
    limits: { ...LIMITS, max_volume_mb: Math.min(LIMITS.max_volume_mb, q.total_volume_mb) },
  });
}

/** The quotas routes. */
export function quotasRoutes(sim: Sim): Route[] {
  return [
    { method: "GET", path: "/v1/users/quotas", handler: () => answer("quotas", [quotasItem(sim)]) },
    {
      method: "GET",
      path: "/v1/users/{uuid}/quotas",
      handler: (req) => {
        const uuid = String(req.params.uuid).toLowerCase();
        return answer("quotas", [uuid === USER_UUID ? quotasItem(sim) : itemError({ uuid }, Code.NotFound, `No user with UUID '${uuid}'`)]);
      },
    },
  ];
}
