// Contract tests of the instance templates operations (see ../contract.test.ts).
import { expect } from "vitest";
import { type Contracts, NGINX_TEMPLATE, NGINX_TEMPLATE_UUID, REDIS_TEMPLATE_UUID, uuid } from "./support";

export const templates = {
  listTemplates: {
    call: (api) =>
      api.GET("/v1/instances/templates", {
        params: {
          query: { details: true, count: 50, from: NGINX_TEMPLATE_UUID, order: "asc", sortby: "create_time", tags: ["nginx"] },
        },
      }),
    check: ({ data }) => {
      const [nginx, redis] = data?.instances ?? [];
      expect(nginx).toMatchObject({ uuid: NGINX_TEMPLATE_UUID, name: NGINX_TEMPLATE, state: "template" });
      expect(nginx?.tags).toEqual(["nginx", "base"]);
      expect(redis).toMatchObject({ uuid: REDIS_TEMPLATE_UUID, image: "redis:7.2", restart_policy: "on-failure" });
    },
  },
  createTemplates: {
    call: (api) =>
      api.POST("/v1/instances/templates", {
        body: [{ name: NGINX_TEMPLATE, timeout_s: 30, autokill: { time_ms: 86400000 } }],
      }),
    check: ({ data }) => {
      expect(data?.instances).toEqual([
        { status: "success", uuid: NGINX_TEMPLATE_UUID, name: NGINX_TEMPLATE, state: "template" },
      ]);
    },
  },
  deleteTemplates: {
    call: (api) => api.DELETE("/v1/instances/templates", { body: [{ uuid: NGINX_TEMPLATE_UUID }] }),
    check: ({ data }) => {
      expect(data?.instances?.[0]).toMatchObject({ name: NGINX_TEMPLATE, previous_state: "template" });
    },
  },
  updateTemplates: {
    call: (api) =>
      api.PATCH("/v1/instances/templates", {
        body: [
          { name: NGINX_TEMPLATE, prop: "tags", op: "add", value: ["production"], id: "op-1" },
          { uuid: REDIS_TEMPLATE_UUID, prop: "delete_lock", op: "set", value: true, id: "op-2" },
          { name: NGINX_TEMPLATE, prop: "autokill", op: "set", value: { time_ms: 3600000 }, id: "op-3" },
        ],
      }),
    check: ({ data }) => {
      expect(data?.instances?.map((i) => [i.id, i.name, i.status])).toEqual([
        ["op-1", NGINX_TEMPLATE, "success"],
        ["op-2", "redis-template-p7w4t8n", "success"],
      ]);
    },
  },
  getTemplate: {
    call: (api) => api.GET("/v1/instances/templates/{uuid}", { params: { path: { uuid }, query: { details: true } } }),
    check: ({ data }) => {
      expect(data?.instances).toHaveLength(1);
      expect(data?.instances?.[0]).toMatchObject({ name: NGINX_TEMPLATE, state: "template", memory_mb: 1024 });
    },
  },
  deleteTemplate: {
    call: (api) => api.DELETE("/v1/instances/templates/{uuid}", { params: { path: { uuid } } }),
    check: ({ data }) => {
      expect(data?.instances?.[0]).toMatchObject({ uuid: NGINX_TEMPLATE_UUID, previous_state: "template" });
    },
  },
  updateTemplate: {
    call: (api) =>
      api.PATCH("/v1/instances/templates/{uuid}", {
        params: { path: { uuid } },
        body: { prop: "autokill", op: "set", value: { time_ms: 86400000 }, id: "op-1" },
      }),
    check: ({ data }) => {
      expect(data?.instances?.[0]).toMatchObject({ status: "success", name: NGINX_TEMPLATE, id: "op-1" });
    },
  },
} satisfies Contracts<"listTemplates" | "createTemplates" | "deleteTemplates" | "updateTemplates" | "getTemplate" | "deleteTemplate" | "updateTemplate">;
