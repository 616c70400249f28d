/** images: routes of the simulated platform (to be written). */
import type { Route, Sim } from "../core.js";

/** The images routes. */
export function imagesRoutes(sim: Sim): Route[] {
  void sim;
  return [];
}

/** Puts the seeded image catalogue into the state (to be written). */
export function seedImages(sim: Sim): void {
  void sim;
}
