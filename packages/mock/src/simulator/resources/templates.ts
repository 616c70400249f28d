/** templates: routes of the simulated platform (to be written). */
import type { Route, Sim } from "../core.js";

/** The templates routes. */
export function templatesRoutes(sim: Sim): Route[] {
  void sim;
  return [];
}
