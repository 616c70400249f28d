import { expect, inject, test } from "vitest";
import { createClient } from "../src/index";

test("healthz through prism", async () => {
  const api = createClient({ baseUrl: inject("prismUrl"), token: "t" });
  const res = await api.GET("/v1/healthz");
  expect(res.response.status).toBe(200);
});
