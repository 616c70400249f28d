/** service-groups: routes of the simulated platform (to be written). */
import type { Route, Sim } from "../core.js";

/** The service-groups routes. */
export function serviceGroupsRoutes(sim: Sim): Route[] {
  void sim;
  return [];
}
