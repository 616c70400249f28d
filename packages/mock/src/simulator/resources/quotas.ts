/** quotas: routes of the simulated platform (to be written). */
import type { Route, Sim } from "../core.js";

/** The quotas routes. */
export function quotasRoutes(sim: Sim): Route[] {
  void sim;
  return [];
}
