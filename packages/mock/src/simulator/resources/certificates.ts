/** certificates: routes of the simulated platform (to be written). */
import type { Route, Sim } from "../core.js";

/** The certificates routes. */
export function certificatesRoutes(sim: Sim): Route[] {
  void sim;
  return [];
}
