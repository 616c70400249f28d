// Contract tests: every operation of spec/openapi.yaml, called through the typed low-level client
// against Prism (which validates each request against the spec and answers the spec's example).
//
// One entry per operationId. `contracts` must have a key for every OperationId (a missing or
// misspelt one is a compile error), each entry calls its operation with valid inputs taken from
// the spec, and checks concrete values of the spec's 200 example on the typed response.
import { beforeAll, describe, expect, inject, test } from "vitest";
import { createClient, operationIds, type OperationId, type operations, type UnikraftCloudClient } from "../src/index";
import { responseExample, routes } from "./support/spec";

/** The body of an operation's 200 answer, as generated from the spec. */
type Success<Op extends OperationId> = operations[Op]["responses"][200]["content"]["application/json"];

interface Contract<Op extends OperationId> {
  /** Calls the operation with valid path/query parameters and body, as the spec defines them. */
  call(api: UnikraftCloudClient): Promise<{ data?: Success<Op>; error?: unknown; response: Response }>;
  /** Checks concrete values of the spec's 200 example on the typed body. */
  check(body: Success<Op>): void;
}

// Identifiers used by the spec's examples.
const INSTANCE = "123e4567-e89b-12d3-a456-426614174000"; // path `uuid` example of every by-UUID operation
const FUNKY_TOWN = "funky-town-g756b5d";
const HELLO_WORLD = "hello-world-x9k2m1p";
const HELLO_WORLD_UUID = "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13";
const NGINX_TEMPLATE = "nginx-template-k3m9q2z";
const NGINX_TEMPLATE_UUID = "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b";
const REDIS_TEMPLATE_UUID = "3e8d4a2b-7c6f-4b1a-9d0e-5f4c3b2a1e0d";
const VOLUME = "funky-vol-g7gum5cj";
const VOLUME_UUID = "c1d2e3f4-5678-90ab-cdef-1234567890ab";
const VOLUME_2 = "funky-vol-t7qumh5j";
const VOLUME_2_UUID = "8f2b6a1e-3c4d-4e5f-9a0b-1c2d3e4f5a6b";
const SERVICE = "funky-service-g7gum5cj";
const SERVICE_UUID = "c1d2e3f4-5678-90ab-cdef-1234567890ab";
const POLICY = "funky-policy";
const CERTIFICATE = "funky-certificate";
const CERTIFICATE_2_UUID = "5b0c9d8e-7f6a-4b5c-8d9e-0f1a2b3c4d5e";
const IMAGE_TAG = "funky-user/my-image:latest";
const IMAGE_DIGEST = "sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef";
const uuid = INSTANCE;

const decodeLog = (output: string | undefined) => new TextDecoder().decode(Buffer.from(output ?? "", "base64"));

const contracts = {
  // ----- Instances -----
  listInstances: {
    call: (api) =>
      api.GET("/v1/instances", {
        params: { query: { details: true, count: 50, order: "asc", sortby: "create_time", tags: ["production"] } },
      }),
    check: ({ data }) => {
      const [funky, hello] = data?.instances ?? [];
      expect(data?.instances).toHaveLength(2);
      expect(funky).toMatchObject({ uuid: INSTANCE, name: FUNKY_TOWN, state: "running", image: "nginx:latest" });
      expect(funky?.memory_mb).toBe(1024);
      expect(funky?.scale_to_zero?.policy).toBe("idle");
      expect(funky?.network_interfaces?.[0]?.private_ip).toBe("10.0.0.61");
      expect(hello).toMatchObject({ uuid: HELLO_WORLD_UUID, name: HELLO_WORLD, state: "stopped" });
      expect([hello?.stop_reason, hello?.exit_code, hello?.stop_code]).toEqual([3, 0, 33024]);
    },
  },
  createInstance: {
    // The richest request the spec documents (CreateInstanceRequest's schema example): an ephemeral
    // service group, a new volume, scale-to-zero and features.
    call: (api) =>
      api.POST("/v1/instances", {
        body: {
          image: "nginx:latest",
          name: FUNKY_TOWN,
          args: ["--port=8080", "--debug"],
          env: { ENV_VAR1: "value1", ENV_VAR2: "value2" },
          memory_mb: 256,
          vcpus: 1,
          service_group: {
            services: [{ port: 443, destination_port: 8080, handlers: ["tls", "http"] }],
            domains: [{ name: "example.com." }],
          },
          volumes: [{ name: "funky-volume-g756b5d", size_mb: 32, at: "/mnt/funky-volume" }],
          autostart: true,
          restart_policy: "on_failure",
          scale_to_zero: { policy: "idle", stateful: true, cooldown_time_ms: 3000 },
          wait_timeout_ms: 2000,
          features: ["delete_on_stop"],
        },
      }),
    check: ({ data }) => {
      const [created] = data?.instances ?? [];
      expect(created).toMatchObject({ status: "success", uuid: INSTANCE, name: FUNKY_TOWN, state: "running" });
      expect(created?.memory_mb).toBe(256);
      expect(created?.restart_policy).toBe("on_failure");
      expect(created?.env).toEqual({ ENV_VAR1: "value1", ENV_VAR2: "value2" });
    },
  },
  deleteInstances: {
    call: (api) => api.DELETE("/v1/instances", { body: [{ uuid: INSTANCE }, { name: HELLO_WORLD }] }),
    check: ({ data }) => {
      expect(data?.instances?.map((i) => [i.status, i.name, i.previous_state])).toEqual([
        ["success", FUNKY_TOWN, "running"],
        ["success", HELLO_WORLD, "stopped"],
      ]);
    },
  },
  updateInstances: {
    call: (api) =>
      api.PATCH("/v1/instances", {
        body: [
          { name: FUNKY_TOWN, prop: "memory_mb", op: "set", value: 256, id: "op-1" },
          { uuid: HELLO_WORLD_UUID, prop: "tags", op: "add", value: ["production"], id: "op-2" },
        ],
      }),
    check: ({ data }) => {
      expect(data?.instances?.map((i) => [i.id, i.uuid, i.status])).toEqual([
        ["op-1", INSTANCE, "success"],
        ["op-2", HELLO_WORLD_UUID, "success"],
      ]);
    },
  },
  getInstancesLogs: {
    call: (api) =>
      api.GET("/v1/instances/log", { params: { query: { name: [FUNKY_TOWN], offset: -4096, limit: 4096 } } }),
    check: ({ data }) => {
      const [log] = data?.instances ?? [];
      expect(log).toMatchObject({ uuid: INSTANCE, name: FUNKY_TOWN, state: "running" });
      expect(log?.available).toEqual({ start: 0, end: 298 });
      expect(log?.range).toEqual({ start: 0, end: 298 });
      const text = decodeLog(log?.output);
      expect(text.startsWith("Powered by Unikraft Telesto")).toBe(true);
      expect(text).toContain("nginx/1.25.3");
      expect(Buffer.from(log?.output ?? "", "base64").byteLength).toBe(298);
    },
  },
  getInstancesMetrics: {
    call: (api) =>
      api.GET("/v1/instances/metrics", { params: { query: { uuid: [INSTANCE, HELLO_WORLD_UUID] } } }),
    check: ({ data }) => {
      const [funky, hello] = data?.instances ?? [];
      expect(funky).toMatchObject({ uuid: INSTANCE, rss_bytes: 56777655, cpu_time_ms: 560007, nconns: 5, nreqs: 12 });
      expect(hello).toMatchObject({ name: HELLO_WORLD, rss_bytes: 0, ntotal: 0 });
    },
  },
  startInstances: {
    call: (api) => api.PUT("/v1/instances/start", { body: [{ name: FUNKY_TOWN }, { uuid: HELLO_WORLD_UUID }] }),
    check: ({ data }) => {
      expect(data?.instances?.map((i) => [i.name, i.state, i.previous_state])).toEqual([
        [FUNKY_TOWN, "starting", "stopped"],
        [HELLO_WORLD, "running", "running"],
      ]);
    },
  },
  stopInstances: {
    call: (api) =>
      api.PUT("/v1/instances/stop", {
        body: [
          { name: FUNKY_TOWN, drain_timeout_ms: 250 },
          { uuid: HELLO_WORLD_UUID, force: true },
        ],
      }),
    check: ({ data }) => {
      expect(data?.instances?.map((i) => [i.uuid, i.state, i.previous_state])).toEqual([
        [INSTANCE, "draining", "running"],
        [HELLO_WORLD_UUID, "stopping", "running"],
      ]);
    },
  },
  waitInstances: {
    call: (api) =>
      api.GET("/v1/instances/wait", {
        params: { query: { name: [FUNKY_TOWN, HELLO_WORLD], state: "running", timeout_ms: 5000 } },
      }),
    check: ({ data }) => {
      expect(data?.instances?.map((i) => [i.name, i.state])).toEqual([
        [FUNKY_TOWN, "running"],
        [HELLO_WORLD, "running"],
      ]);
    },
  },
  getInstance: {
    call: (api) => api.GET("/v1/instances/{uuid}", { params: { path: { uuid }, query: { details: true } } }),
    check: ({ data }) => {
      const [instance] = data?.instances ?? [];
      expect(data?.instances).toHaveLength(1);
      expect(instance).toMatchObject({ uuid: INSTANCE, name: FUNKY_TOWN, state: "running", vcpus: 1 });
      expect(instance?.private_fqdn).toBe("funky-town-g756b5d.internal");
      expect(instance?.volumes?.[0]).toMatchObject({ name: "funky-volume-g756b5d", at: "/mnt/funky-volume" });
      expect(instance?.service_group?.name).toBe("funky-service-g756b5d");
    },
  },
  deleteInstance: {
    call: (api) => api.DELETE("/v1/instances/{uuid}", { params: { path: { uuid } } }),
    check: ({ data }) => {
      expect(data?.instances?.[0]).toMatchObject({ uuid: INSTANCE, name: FUNKY_TOWN, previous_state: "running" });
    },
  },
  updateInstance: {
    call: (api) =>
      api.PATCH("/v1/instances/{uuid}", {
        params: { path: { uuid } },
        body: { prop: "memory_mb", op: "set", value: 256, id: "op-1" },
      }),
    check: ({ data }) => {
      expect(data?.instances?.[0]).toMatchObject({ status: "success", uuid: INSTANCE, id: "op-1" });
    },
  },
  getInstanceLogs: {
    call: (api) =>
      api.GET("/v1/instances/{uuid}/log", { params: { path: { uuid }, query: { offset: -4096, limit: 4096 } } }),
    check: ({ data }) => {
      const [log] = data?.instances ?? [];
      expect(log?.available).toEqual({ start: 0, end: 298 });
      expect(log?.range).toEqual({ start: 157, end: 298 });
      const bytes = Buffer.from(log?.output ?? "", "base64");
      // `range` tells how many bytes came back: the last 141 bytes, two log lines.
      expect(bytes.byteLength).toBe((log?.range?.end ?? 0) - (log?.range?.start ?? 0));
      expect(decodeLog(log?.output).split("\n")).toEqual([
        "2023/10/01 12:00:00 [notice] 1#0: start worker processes",
        '10.0.0.1 - - [01/Oct/2023:12:00:05 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.4.0"',
        "",
      ]);
    },
  },
  getInstanceMetrics: {
    call: (api) => api.GET("/v1/instances/{uuid}/metrics", { params: { path: { uuid } } }),
    check: ({ data }) => {
      expect(data?.instances).toHaveLength(1);
      expect(data?.instances?.[0]).toMatchObject({ uuid: INSTANCE, rx_bytes: 12312353, tx_packets: 54534, nqueued: 5 });
    },
  },
  startInstance: {
    call: (api) => api.PUT("/v1/instances/{uuid}/start", { params: { path: { uuid } } }),
    check: ({ data }) => {
      expect(data?.instances?.[0]).toMatchObject({ uuid: INSTANCE, state: "starting", previous_state: "stopped" });
    },
  },
  stopInstance: {
    call: (api) =>
      api.PUT("/v1/instances/{uuid}/stop", { params: { path: { uuid }, query: { drain_timeout_ms: 250 } } }),
    check: ({ data }) => {
      expect(data?.instances?.[0]).toMatchObject({ uuid: INSTANCE, state: "draining", previous_state: "running" });
    },
  },
  waitInstance: {
    call: (api) =>
      api.GET("/v1/instances/{uuid}/wait", {
        params: { path: { uuid }, query: { state: "running", timeout_ms: 5000 } },
      }),
    check: ({ data }) => {
      expect(data?.instances).toEqual([{ uuid: INSTANCE, name: FUNKY_TOWN, state: "running" }]);
    },
  },

  // ----- Instance templates -----
  listTemplates: {
    call: (api) =>
      api.GET("/v1/instances/templates", {
        params: { query: { details: true, from_uuid: INSTANCE, count: 50, tags: ["nginx"] } },
      }),
    check: ({ data }) => {
      const [nginx, redis] = data?.instances ?? [];
      expect(nginx).toMatchObject({ uuid: NGINX_TEMPLATE_UUID, name: NGINX_TEMPLATE, state: "template" });
      expect(nginx?.tags).toEqual(["nginx", "base"]);
      expect(redis).toMatchObject({ uuid: REDIS_TEMPLATE_UUID, image: "redis:7.2", restart_policy: "on_failure" });
    },
  },
  createTemplates: {
    call: (api) => api.POST("/v1/instances/templates", { body: [{ name: NGINX_TEMPLATE }] }),
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
        body: { prop: "tags", op: "add", value: ["production"], id: "op-1" },
      }),
    check: ({ data }) => {
      expect(data?.instances?.[0]).toMatchObject({ status: "success", name: NGINX_TEMPLATE, id: "op-1" });
    },
  },

  // ----- Volumes -----
  listVolumes: {
    call: (api) =>
      api.GET("/v1/volumes", {
        params: { query: { details: true, count: 50, from: INSTANCE, order: "asc", sortby: "create_time" } },
      }),
    check: ({ data }) => {
      const [mounted, available] = data?.volumes ?? [];
      expect(mounted).toMatchObject({ uuid: VOLUME_UUID, name: VOLUME, state: "mounted", size_mb: 64 });
      expect(mounted?.attached_to).toEqual([{ name: "funky-town-g7gum5cj" }]);
      expect(available).toMatchObject({ uuid: VOLUME_2_UUID, name: VOLUME_2, state: "available", size_mb: 128 });
    },
  },
  createVolume: {
    call: (api) => api.POST("/v1/volumes", { body: { name: VOLUME_2, size_mb: 64 } }),
    check: ({ data }) => {
      expect(data?.volumes).toEqual([{ status: "success", uuid: VOLUME_UUID, name: VOLUME }]);
    },
  },
  deleteVolumes: {
    call: (api) => api.DELETE("/v1/volumes", { body: [{ name: VOLUME }, { uuid: VOLUME_2_UUID }] }),
    check: ({ data }) => {
      expect(data?.volumes?.map((v) => [v.uuid, v.name])).toEqual([
        [VOLUME_UUID, VOLUME],
        [VOLUME_2_UUID, VOLUME_2],
      ]);
    },
  },
  updateVolumes: {
    call: (api) =>
      api.PATCH("/v1/volumes", {
        body: [
          { name: VOLUME, prop: "size_mb", op: "set", value: 128, id: "op-1" },
          { uuid: VOLUME_2_UUID, prop: "tags", op: "add", value: ["production"], id: "op-2" },
        ],
      }),
    check: ({ data }) => {
      expect(data?.volumes?.map((v) => [v.id, v.name, v.status])).toEqual([
        ["op-1", VOLUME, "success"],
        ["op-2", VOLUME_2, "success"],
      ]);
    },
  },
  attachVolumes: {
    call: (api) =>
      api.PUT("/v1/volumes/attach", {
        body: [{ name: VOLUME, attach_to: { name: "funky-town-g7gum5cj" }, at: "/mnt/my-volume", readonly: false }],
      }),
    check: ({ data }) => {
      expect(data?.volumes).toEqual([{ status: "success", uuid: VOLUME_UUID, name: VOLUME }]);
    },
  },
  detachVolumes: {
    call: (api) =>
      api.PUT("/v1/volumes/detach", {
        body: [{ name: VOLUME, from: { name: "funky-town-g7gum5cj" } }, { uuid: VOLUME_2_UUID }],
      }),
    check: ({ data }) => {
      expect(data?.volumes?.map((v) => v.name)).toEqual([VOLUME, VOLUME_2]);
    },
  },
  getVolume: {
    call: (api) => api.GET("/v1/volumes/{uuid}", { params: { path: { uuid }, query: { details: true } } }),
    check: ({ data }) => {
      expect(data?.volumes).toHaveLength(1);
      expect(data?.volumes?.[0]).toMatchObject({ name: VOLUME, state: "mounted", persistent: true, tags: ["production"] });
    },
  },
  deleteVolume: {
    call: (api) => api.DELETE("/v1/volumes/{uuid}", { params: { path: { uuid } } }),
    check: ({ data }) => {
      expect(data?.volumes).toEqual([{ status: "success", uuid: VOLUME_UUID, name: VOLUME }]);
    },
  },
  updateVolume: {
    call: (api) =>
      api.PATCH("/v1/volumes/{uuid}", {
        params: { path: { uuid } },
        body: { prop: "tags", op: "add", value: ["production"], id: "op-1" },
      }),
    check: ({ data }) => {
      expect(data?.volumes?.[0]).toMatchObject({ name: VOLUME, status: "success", id: "op-1" });
    },
  },
  attachVolume: {
    call: (api) =>
      api.PUT("/v1/volumes/{uuid}/attach", {
        params: { path: { uuid } },
        body: { attach_to: { name: "funky-town-g7gum5cj" }, at: "/mnt/my-volume", readonly: false },
      }),
    check: ({ data }) => {
      expect(data?.volumes).toEqual([{ status: "success", uuid: VOLUME_UUID, name: VOLUME }]);
    },
  },
  detachVolume: {
    call: (api) =>
      api.PUT("/v1/volumes/{uuid}/detach", {
        params: { path: { uuid } },
        body: { from: { name: "funky-town-g7gum5cj" } },
      }),
    check: ({ data }) => {
      expect(data?.volumes).toEqual([{ status: "success", uuid: VOLUME_UUID, name: VOLUME }]);
    },
  },

  // ----- Service groups -----
  listServiceGroups: {
    call: (api) => api.GET("/v1/services", { params: { query: { details: true, order: "desc", sortby: "create_time" } } }),
    check: ({ data }) => {
      const [group] = data?.service_groups ?? [];
      expect(group).toMatchObject({ uuid: SERVICE_UUID, name: SERVICE, persistent: true, autoscale: false });
      expect(group?.services?.map((s) => [s.port, s.destination_port, s.handlers])).toEqual([
        [443, 8080, ["tls", "http"]],
        [80, 443, ["http", "redirect"]],
      ]);
      expect(group?.domains?.[0]?.name).toBe("example.com.");
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
      expect(group?.domains?.[0]?.certificate).toEqual({ name: CERTIFICATE });
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
        body: { prop: "hard_limit", op: "set", value: 100, id: "op-1" },
      }),
    check: ({ data }) => {
      expect(data?.service_groups?.[0]).toMatchObject({ name: SERVICE, status: "success", id: "op-1" });
    },
  },

  // ----- Autoscale -----
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
        body: [{ name: SERVICE, min_size: 2, max_size: 12, warmup_time_ms: 100, cooldown_time_ms: 100 }],
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
        body: { min_size: 2, max_size: 12, warmup_time_ms: 100, cooldown_time_ms: 100 },
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

  // ----- Certificates -----
  listCertificates: {
    call: (api) => api.GET("/v1/certificates", { params: { query: { details: true, count: 50 } } }),
    check: ({ data }) => {
      const [first, second] = data?.certificates ?? [];
      expect(first).toMatchObject({ uuid: INSTANCE, name: CERTIFICATE, common_name: "example.com", state: "valid" });
      expect(second).toMatchObject({ uuid: CERTIFICATE_2_UUID, common_name: "api.example.com" });
      expect(first?.not_after).toBe("2023-12-30T12:00:00Z");
    },
  },
  createCertificate: {
    call: (api) =>
      api.POST("/v1/certificates", {
        body: {
          name: CERTIFICATE,
          cn: "example.com",
          chain:
            "-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIRAIIQz7DSQONZRGPgu2OCiwAwDQYJKoZIhvcNAQELBQAw\n-----END CERTIFICATE-----\n",
          pkey: "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgevZzL1gdAFr88hb2\n-----END PRIVATE KEY-----\n",
        },
      }),
    check: ({ data }) => {
      expect(data?.certificates).toEqual([{ status: "success", uuid: INSTANCE, name: CERTIFICATE }]);
    },
  },
  deleteCertificates: {
    call: (api) => api.DELETE("/v1/certificates", { body: [{ name: CERTIFICATE }, { uuid: CERTIFICATE_2_UUID }] }),
    check: ({ data }) => {
      expect(data?.certificates?.map((c) => [c.uuid, c.name])).toEqual([
        [INSTANCE, CERTIFICATE],
        [CERTIFICATE_2_UUID, "funky-certificate-2"],
      ]);
    },
  },
  getCertificate: {
    call: (api) => api.GET("/v1/certificates/{uuid}", { params: { path: { uuid } } }),
    check: ({ data }) => {
      expect(data?.certificates).toHaveLength(1);
      expect(data?.certificates?.[0]).toMatchObject({ name: CERTIFICATE, subject: "CN=example.com", state: "valid" });
    },
  },
  deleteCertificate: {
    call: (api) => api.DELETE("/v1/certificates/{uuid}", { params: { path: { uuid } } }),
    check: ({ data }) => {
      expect(data?.certificates).toEqual([{ status: "success", uuid: INSTANCE, name: CERTIFICATE }]);
    },
  },

  // ----- Images, quotas, health -----
  getImageByTag: {
    // The tag is one percent-encoded path segment: openapi-fetch sends funky-user%2Fmy-image%3Alatest.
    call: (api) => api.GET("/v1/images/tag/{tag}", { params: { path: { tag: IMAGE_TAG } } }),
    check: ({ data }) => {
      expect(data?.image).toMatchObject({ tag: IMAGE_TAG, digest: IMAGE_DIGEST, arch: "x86_64", workdir: "/app" });
      expect(data?.image?.kernel?.size).toBe(1843200);
    },
  },
  getImageByDigest: {
    call: (api) => api.GET("/v1/images/digest/{digest}", { params: { path: { digest: IMAGE_DIGEST } } }),
    check: ({ data }) => {
      expect(data?.image).toMatchObject({ tag: IMAGE_TAG, digest: IMAGE_DIGEST });
      expect(data?.image?.entrypoint).toEqual(["/bin/sh", "-c"]);
      expect(data?.image?.auxiliary_roms?.[0]?.size).toBe(655);
    },
  },
  getQuotas: {
    call: (api) => api.GET("/v1/users/quotas"),
    check: ({ data }) => {
      const [quotas] = data?.quotas ?? [];
      expect(quotas?.used).toMatchObject({ instances: 4, live_instances: 2, live_memory_mb: 512 });
      expect(quotas?.hard).toMatchObject({ instances: 16, live_vcpus: 4, total_volume_mb: 1024 });
      expect(quotas?.limits).toMatchObject({ min_memory_mb: 16, max_memory_mb: 2048, max_vcpus: 4 });
    },
  },
  getUserQuotas: {
    call: (api) => api.GET("/v1/users/{uuid}/quotas", { params: { path: { uuid } } }),
    check: ({ data }) => {
      const [quotas] = data?.quotas ?? [];
      expect(quotas?.uuid).toBe("c1d2e3f4-5678-90ab-cdef-1234567890ab");
      expect(quotas?.hard?.service_groups).toBe(15);
      expect(quotas?.limits?.max_autoscale_size).toBe(16);
    },
  },
  healthz: {
    call: (api) => api.GET("/v1/healthz"),
    check: ({ data }) => {
      expect(data).toEqual({ services: {} });
    },
  },
} satisfies { [Op in OperationId]: Contract<Op> };

describe("contract: every operation through the typed client against Prism", () => {
  // Records the method and path template of each request the client makes (openapi-fetch passes
  // the template as `schemaPath`), so each entry is checked to call the operation it is keyed by.
  let api: UnikraftCloudClient;
  let lastRoute: string | undefined;
  beforeAll(() => {
    api = createClient({ baseUrl: inject("prismUrl"), token: "test-token" });
    api.use({
      onRequest({ request, schemaPath }) {
        lastRoute = `${request.method} ${schemaPath}`;
      },
    });
  });

  test.each(operationIds)("%s", async (operationId) => {
    const contract: Contract<OperationId> = contracts[operationId];
    lastRoute = undefined;
    const { data, error, response } = await contract.call(api);

    const route = routes.get(operationId);
    expect(lastRoute).toBe(`${route?.method} ${route?.path}`);
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    // Prism lists request violations in `sl-violations`; a valid request has none.
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(data?.status).toBe("success");
    expect(data).toEqual(responseExample(operationId, 200));
    contract.check(data!);
  });
});

describe("coverage check", () => {
  test("every operationId of the generated aliases has a contract test, and no other key exists", () => {
    const tested = new Set<string>(Object.keys(contracts));
    expect(operationIds.filter((id) => !tested.has(id))).toEqual([]);
    expect([...tested].filter((id) => !(operationIds as readonly string[]).includes(id))).toEqual([]);
  });

  test("the generated operationIds are exactly those of spec/openapi.yaml, in document order", () => {
    expect([...operationIds]).toEqual([...routes.keys()]);
    expect(operationIds).toHaveLength(63);
  });
});
