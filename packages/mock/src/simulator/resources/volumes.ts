/** volumes: routes of the simulated platform (to be written). */
import type { Route, Sim } from "../core.js";

/** The volumes routes. */
export function volumesRoutes(sim: Sim): Route[] {
  void sim;
  return [];
}
