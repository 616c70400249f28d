// Contract tests of the autoscale operations (see ../contract.test.ts).
import { expect } from "vitest";
import { type Contracts, SERVICE, SERVICE_UUID, POLICY, NGINX_TEMPLATE, uuid } from "./support";

export const autoscale = {
  listAutoscaleConfigurations: {
    call: (api) => api.GET("/v1/services/autoscale", { params: { query: { name: [SERVICE] } } }),
    check: ({ data }) => {
      const [config] = data?.service_groups ?? [];
      expect(config).toMatchObject({ name: SERVICE, enabled: true, min_size: 2, max_size: 10 });
      expect(config?.template?.name).toBe("funky-instance-template");
      expect(config?.policies?.[0]?.steps?.map((s) => s.adjustment)).toEqual([50, 100]);
    },
  },
  createAutoscaleConfigurations: {
    call: (api) =>
      api.POST("/v1/services/autoscale", {
        body: [
          {
            name: SERVICE,
            min_size: 2,
            max_size: 12,
            warmup_time_ms: 100,
            cooldown_time_ms: 100,
            create_args: { template: { name: NGINX_TEMPLATE } },
          },
        ],
      }),
    check: ({ data }) => {
      expect(data?.service_groups).toEqual([{ status: "success", uuid: SERVICE_UUID, name: SERVICE }]);
    },
  },
  deleteAutoscaleConfigurations: {
    call: (api) => api.DELETE("/v1/services/autoscale", { body: [{ name: SERVICE }] }),
    check: ({ data }) => {
      expect(data?.service_groups).toEqual([{ status: "success", uuid: SERVICE_UUID, name: SERVICE }]);
    },
  },
  getAutoscaleConfiguration: {
    call: (api) => api.GET("/v1/services/{uuid}/autoscale", { params: { path: { uuid } } }),
    check: ({ data }) => {
      const [config] = data?.service_groups ?? [];
      expect(config).toMatchObject({ uuid: SERVICE_UUID, warmup_time_ms: 3000, cooldown_time_ms: 3000 });
      expect(config?.policies?.[0]).toMatchObject({ name: POLICY, metric: "cpu", adjustment_type: "percentage" });
    },
  },
  createAutoscaleConfiguration: {
    call: (api) =>
      api.POST("/v1/services/{uuid}/autoscale", {
        params: { path: { uuid } },
        body: {
          uuid,
          min_size: 2,
          max_size: 12,
          warmup_time_ms: 100,
          cooldown_time_ms: 100,
          create_args: { roms: { name: "my-rom", image: { url: "my-rom:latest", pull_policy: "if_not_present" } } },
        },
      }),
    check: ({ data }) => {
      expect(data?.service_groups).toEqual([{ status: "success", uuid: SERVICE_UUID, name: SERVICE }]);
    },
  },
  deleteAutoscaleConfiguration: {
    call: (api) => api.DELETE("/v1/services/{uuid}/autoscale", { params: { path: { uuid } } }),
    check: ({ data }) => {
      expect(data?.service_groups).toEqual([{ status: "success", uuid: SERVICE_UUID, name: SERVICE }]);
    },
  },
  listAutoscalePolicies: {
    call: (api) => api.GET("/v1/services/{uuid}/autoscale/policies", { params: { path: { uuid } } }),
    check: ({ data }) => {
      const [entry] = data?.policies ?? [];
      expect(entry?.status).toBe("success");
      expect(entry?.policy).toMatchObject({ name: POLICY, enabled: true, metric: "cpu" });
      expect(entry?.policy?.steps).toEqual([
        { lower_bound: 10, upper_bound: 500, adjustment: 50 },
        { lower_bound: 500, adjustment: 100 },
      ]);
    },
  },
  createAutoscalePolicy: {
    call: (api) =>
      api.POST("/v1/services/{uuid}/autoscale/policies", {
        params: { path: { uuid } },
        body: {
          name: SERVICE,
          type: {
            name: POLICY,
            enabled: true,
            metric: "cpu",
            adjustment_type: "percentage",
            steps: [
              { lower_bound: 10, upper_bound: 500, adjustment: 50 },
              { lower_bound: 500, adjustment: 100 },
            ],
          },
        },
      }),
    check: ({ data }) => {
      expect(data?.policies).toEqual([{ status: "success", uuid: SERVICE_UUID, name: POLICY }]);
    },
  },
  deleteAutoscalePolicies: {
    call: (api) =>
      api.DELETE("/v1/services/{uuid}/autoscale/policies", { params: { path: { uuid } }, body: { name: POLICY } }),
    check: ({ data }) => {
      expect(data?.policies).toEqual([{ status: "success", name: POLICY }]);
    },
  },
  getAutoscalePolicy: {
    call: (api) =>
      api.GET("/v1/services/{uuid}/autoscale/policies/{name}", { params: { path: { uuid, name: POLICY } } }),
    check: ({ data }) => {
      expect(data?.policies?.[0]?.policy).toMatchObject({ name: POLICY, adjustment_type: "percentage" });
    },
  },
  deleteAutoscalePolicy: {
    call: (api) =>
      api.DELETE("/v1/services/{uuid}/autoscale/policies/{name}", { params: { path: { uuid, name: POLICY } } }),
    check: ({ data }) => {
      expect(data?.policies).toEqual([{ status: "success", name: POLICY }]);
    },
  },
} satisfies Contracts<"listAutoscaleConfigurations" | "createAutoscaleConfigurations" | "deleteAutoscaleConfigurations" | "getAutoscaleConfiguration" | "createAutoscaleConfiguration" | "deleteAutoscaleConfiguration" | "listAutoscalePolicies" | "createAutoscalePolicy" | "deleteAutoscalePolicies" | "getAutoscalePolicy" | "deleteAutoscalePolicy">;
