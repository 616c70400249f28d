/** checkpoints: routes of the simulated platform (to be written). */
import type { Route, Sim } from "../core.js";

/** The checkpoints routes. */
export function checkpointsRoutes(sim: Sim): Route[] {
  void sim;
  return [];
}
