/** instances: routes of the simulated platform (to be written). */
import type { Route, Sim } from "../core.js";

/** The instances routes. */
export function instancesRoutes(sim: Sim): Route[] {
  void sim;
  return [];
}

/** Appends bytes (or UTF-8 text) to an instance's log (to be written). */
export function appendLog(sim: Sim, ref: string, chunk: string | Uint8Array): void {
  void sim;
  void ref;
  void chunk;
}

/** Makes a running instance crash with an exit code (to be written). */
export function crash(sim: Sim, ref: string, exitCode: number): void {
  void sim;
  void ref;
  void exitCode;
}
