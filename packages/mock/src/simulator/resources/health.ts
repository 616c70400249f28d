/** Health of the simulated API (`GET /v1/healthz`). */
import type { Route, Sim } from "../core.js";
import { data } from "../envelope.js";

/** The health route: every simulated service is healthy. */
export function healthRoutes(sim: Sim): Route[] {
  void sim;
  return [{ method: "GET", path: "/v1/healthz", handler: () => data({ checks: { images: "healthy", instances: "healthy", volumes: "healthy" }, versions: { platform: "simulator" } }) }];
}
