// Contract tests of the instances operations (see ../contract.test.ts).
import { expect } from "vitest";
import { type Contracts, INSTANCE, FUNKY_TOWN, HELLO_WORLD, HELLO_WORLD_UUID, uuid, decodeLog } from "./support";

export const instances = {
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
    // A rich request: an ephemeral service group with limits, a new and an existing (read-only) volume,
    // scale-to-zero, a wait in seconds, tags, a ROM, a schedule and autokill (fields of the current contract).
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
            soft_limit: 1,
            hard_limit: 100,
          },
          volumes: [
            { name: "funky-volume-g756b5d", size_mb: 32, at: "/mnt/funky-volume" },
            { name: "funky-data", at: "/mnt/data", readonly: true },
          ],
          autostart: true,
          restart_policy: "on-failure",
          scale_to_zero: { policy: "idle", stateful: true, cooldown_time_ms: 3000, notify_time_ms: 1000 },
          timeout_s: 2,
          tags: ["production"],
          roms: [{ name: "app-config", image: { url: "funky-user/app-config:latest", pull_policy: "always" }, at: "/etc/app" }],
          schedules: [{ name: "evening-stop", when: "*-*-* 20:00:00", action: "stop" }],
          autokill: { time_ms: 60000 },
          type: "micro",
        },
      }),
    check: ({ data }) => {
      const [created] = data?.instances ?? [];
      expect(created).toMatchObject({ status: "success", uuid: INSTANCE, name: FUNKY_TOWN, state: "running" });
      expect(created?.memory_mb).toBe(256);
      expect(created?.restart_policy).toBe("on-failure");
      expect(created?.env).toEqual({ ENV_VAR1: "value1", ENV_VAR2: "value2" });
    },
  },
  deleteInstances: {
    call: (api) =>
      api.DELETE("/v1/instances", { body: [{ uuid: INSTANCE, timeout_s: 10 }, { name: HELLO_WORLD, dont_retain: true }] }),
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
    call: (api) =>
      api.PUT("/v1/instances/start", { body: [{ name: FUNKY_TOWN, timeout_s: 5 }, { uuid: HELLO_WORLD_UUID }] }),
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
          { uuid: HELLO_WORLD_UUID, force: true, quick: true, ifstate: "running" },
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
        params: { query: { uuid: [INSTANCE], state: "running", timeout_s: 5 } },
      }),
    check: ({ data }) => {
      expect(data?.instances?.map((i) => [i.uuid, i.name, i.state])).toEqual([[INSTANCE, FUNKY_TOWN, "running"]]);
    },
  },
  getInstance: {
    call: (api) => api.GET("/v1/instances/{uuid}", { params: { path: { uuid }, query: { details: true } } }),
    check: ({ data }) => {
      const [instance] = data?.instances ?? [];
      expect(data?.instances).toHaveLength(1);
      expect(instance).toMatchObject({ uuid: INSTANCE, name: FUNKY_TOWN, state: "running", vcpus: 1 });
      expect(instance?.private_fqdn).toBe("funky-town-g756b5d.internal");
      expect(instance?.volumes?.[0]).toMatchObject({ name: "funky-volume-g756b5d", at: "/mnt/funky-volume", readonly: false });
      expect(instance?.service_group?.name).toBe("funky-service-g756b5d");
    },
  },
  deleteInstance: {
    call: (api) => api.DELETE("/v1/instances/{uuid}", { params: { path: { uuid } }, body: { dont_retain: true } }),
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
      // No inputs besides the UUID in the current contract (offset/limit go to getInstancesLogs).
      api.GET("/v1/instances/{uuid}/log", { params: { path: { uuid } } }),
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
    // The body is optional: sent without one here.
    call: (api) => api.PUT("/v1/instances/{uuid}/start", { params: { path: { uuid } } }),
    check: ({ data }) => {
      expect(data?.instances?.[0]).toMatchObject({ uuid: INSTANCE, state: "starting", previous_state: "stopped" });
    },
  },
  stopInstance: {
    call: (api) =>
      // The options are a JSON body now (the reference had query parameters).
      api.PUT("/v1/instances/{uuid}/stop", { params: { path: { uuid } }, body: { drain_timeout_ms: 250 } }),
    check: ({ data }) => {
      expect(data?.instances?.[0]).toMatchObject({ uuid: INSTANCE, state: "draining", previous_state: "running" });
    },
  },
  waitInstance: {
    call: (api) =>
      // No inputs besides the UUID in the current contract (state/timeout go to waitInstances).
      api.GET("/v1/instances/{uuid}/wait", { params: { path: { uuid } } }),
    check: ({ data }) => {
      expect(data?.instances).toEqual([{ uuid: INSTANCE, name: FUNKY_TOWN, state: "running" }]);
    },
  },
  suspendInstances: {
    call: (api) =>
      api.PUT("/v1/instances/suspend", {
        body: [{ name: FUNKY_TOWN }, { uuid: HELLO_WORLD_UUID, drain_timeout_ms: 250 }],
      }),
    check: ({ data }) => {
      expect(data?.instances?.map((i) => [i.status, i.uuid, i.state, i.previous_state])).toEqual([
        ["success", INSTANCE, "standby", "running"],
        ["success", HELLO_WORLD_UUID, "draining", "running"],
      ]);
    },
  },
  suspendInstance: {
    call: (api) => api.PUT("/v1/instances/{uuid}/suspend", { params: { path: { uuid } }, body: { drain_timeout_ms: 250 } }),
    check: ({ data }) => {
      expect(data?.instances).toHaveLength(1);
      expect(data?.instances?.[0]).toMatchObject({ uuid: INSTANCE, name: FUNKY_TOWN, state: "standby", previous_state: "running" });
    },
  },
  getInstancesHistory: {
    call: (api) => api.GET("/v1/instances/history", { params: { query: { name: [FUNKY_TOWN] } } }),
    check: ({ data }) => {
      const [entry] = data?.instances ?? [];
      expect(entry).toMatchObject({ status: "success", uuid: INSTANCE, name: FUNKY_TOWN });
      expect(entry?.history?.map((h) => [h.name, h.created_at])).toEqual([
        ["funky-town-g756b5d-ckpt-1", "2023-10-01T12:30:00Z"],
        ["funky-town-g756b5d-ckpt-2", "2023-10-01T13:30:00Z"],
      ]);
    },
  },
  getInstanceHistory: {
    call: (api) => api.GET("/v1/instances/{uuid}/history", { params: { path: { uuid } } }),
    check: ({ data }) => {
      expect(data?.instances).toHaveLength(1);
      expect(data?.instances?.[0]?.history?.[0]).toEqual({
        uuid: "2b1a0f9e-8d7c-4b6a-9e5d-4c3b2a1f0e9d",
        name: "funky-town-g756b5d-ckpt-1",
        created_at: "2023-10-01T12:30:00Z",
      });
    },
  },
} satisfies Contracts<"listInstances" | "createInstance" | "deleteInstances" | "updateInstances" | "getInstancesLogs" | "getInstancesMetrics" | "startInstances" | "stopInstances" | "waitInstances" | "getInstance" | "deleteInstance" | "updateInstance" | "getInstanceLogs" | "getInstanceMetrics" | "startInstance" | "stopInstance" | "waitInstance" | "suspendInstances" | "suspendInstance" | "getInstancesHistory" | "getInstanceHistory">;
