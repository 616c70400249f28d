/** autoscale: routes of the simulated platform (to be written). */
import type { Route, Sim } from "../core.js";

/** The autoscale routes. */
export function autoscaleRoutes(sim: Sim): Route[] {
  void sim;
  return [];
}
