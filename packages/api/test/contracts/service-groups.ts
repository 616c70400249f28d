// Contract tests of the service groups operations (see ../contract.test.ts).
import { expect } from "vitest";
import { type Contracts, INSTANCE, FUNKY_TOWN, SERVICE, SERVICE_UUID, CERTIFICATE, uuid } from "./support";

export const serviceGroups = {
  listServiceGroups: {
    call: (api) => api.GET("/v1/services", { params: { query: { details: true, order: "desc", sortby: "create_time" } } }),
    check: ({ data }) => {
      const [group] = data?.service_groups ?? [];
      expect(group).toMatchObject({ uuid: SERVICE_UUID, name: SERVICE, persistent: true, autoscale: false });
      expect(group?.services?.map((s) => [s.port, s.destination_port, s.handlers])).toEqual([
        [443, 8080, ["tls", "http"]],
        [80, 443, ["http", "redirect"]],
      ]);
      expect(group?.domains?.[0]?.fqdn).toBe("example.com.");
      expect(group?.services?.map((s) => s.protocol)).toEqual(["tcp", "tcp"]);
      expect(group?.autokill?.time_ms).toBe(0);
    },
  },
  createServiceGroup: {
    call: (api) =>
      api.POST("/v1/services", {
        body: {
          name: SERVICE,
          services: [
            { port: 443, destination_port: 8080, handlers: ["tls", "http"] },
            { port: 80, destination_port: 443, handlers: ["http", "redirect"] },
          ],
          domains: [{ name: "example.com." }],
          soft_limit: 1,
          hard_limit: 100,
          autokill: { time_ms: 60000 },
        },
      }),
    check: ({ data }) => {
      expect(data?.service_groups).toEqual([{ status: "success", uuid: SERVICE_UUID, name: SERVICE }]);
    },
  },
  deleteServiceGroups: {
    call: (api) =>
      api.DELETE("/v1/services", { body: [{ name: SERVICE }, { uuid: "12345678-90ab-cdef-1234-567890abcdef" }] }),
    check: ({ data }) => {
      expect(data?.service_groups?.map((g) => g.name)).toEqual([SERVICE, "funky-service-t7qumh5j"]);
    },
  },
  updateServiceGroups: {
    call: (api) =>
      api.PATCH("/v1/services", { body: [{ name: SERVICE, prop: "soft_limit", op: "set", value: 5, id: "op-1" }] }),
    check: ({ data }) => {
      expect(data?.service_groups).toEqual([{ uuid: SERVICE_UUID, name: SERVICE, status: "success", id: "op-1" }]);
    },
  },
  getServiceGroup: {
    call: (api) => api.GET("/v1/services/{uuid}", { params: { path: { uuid }, query: { details: true } } }),
    check: ({ data }) => {
      const [group] = data?.service_groups ?? [];
      expect(group).toMatchObject({ name: SERVICE, soft_limit: 1, hard_limit: 100 });
      expect(group?.instances).toEqual([{ uuid: INSTANCE, name: FUNKY_TOWN }]);
      expect(group?.domains?.[0]).toMatchObject({ fqdn: "example.com.", certificate: { name: CERTIFICATE, state: "valid" } });
    },
  },
  deleteServiceGroup: {
    call: (api) => api.DELETE("/v1/services/{uuid}", { params: { path: { uuid } } }),
    check: ({ data }) => {
      expect(data?.service_groups).toEqual([{ status: "success", uuid: SERVICE_UUID, name: SERVICE }]);
    },
  },
  updateServiceGroup: {
    call: (api) =>
      api.PATCH("/v1/services/{uuid}", {
        params: { path: { uuid } },
        body: { prop: "autokill", op: "set", value: { time_ms: 60000 }, id: "op-1" },
      }),
    check: ({ data }) => {
      expect(data?.service_groups?.[0]).toMatchObject({ name: SERVICE, status: "success", id: "op-1" });
    },
  },
} satisfies Contracts<"listServiceGroups" | "createServiceGroup" | "deleteServiceGroups" | "updateServiceGroups" | "getServiceGroup" | "deleteServiceGroup" | "updateServiceGroup">;
