// Contract tests of the checkpoint instance operations (see ../contract.test.ts).
import { expect } from "vitest";
import { type Contracts, FUNKY_TOWN, uuid } from "./support";

// Identifiers used by the checkpoint examples of the spec.
const CHECKPOINT = "funky-town-ckpt-r2d5x8w";
const CHECKPOINT_UUID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const CHECKPOINT_2 = "funky-town-ckpt-m4n6p1q";
const CHECKPOINT_2_UUID = "2c4e6a8b-1d3f-4b5a-9c7e-0f2a4c6e8b1d";

export const checkpoints = {
  listCheckpoints: {
    call: (api) =>
      api.GET("/v1/instances/checkpoints", {
        params: {
          query: {
            name: [CHECKPOINT, CHECKPOINT_2],
            details: true,
            count: 50,
            from: CHECKPOINT_UUID,
            order: "asc",
            sortby: "create_time",
            tags: ["nightly"],
          },
        },
      }),
    check: ({ data }) => {
      const [first, second] = data?.instances ?? [];
      expect(first).toMatchObject({ uuid: CHECKPOINT_UUID, name: CHECKPOINT, state: "checkpoint", memory_mb: 1024 });
      expect(first?.tags).toEqual(["nightly"]);
      expect(second).toMatchObject({ uuid: CHECKPOINT_2_UUID, name: CHECKPOINT_2, tags: [] });
    },
  },
  createCheckpoints: {
    call: (api) =>
      api.POST("/v1/instances/checkpoints", {
        body: [
          { from: { name: FUNKY_TOWN }, name: CHECKPOINT, tags: ["nightly"], timeout_s: 30, autokill: { time_ms: 86400000 } },
          { from: { uuid } },
        ],
      }),
    check: ({ data }) => {
      expect(data?.instances).toEqual([{ status: "success", uuid: CHECKPOINT_UUID, name: CHECKPOINT, state: "checkpoint" }]);
    },
  },
  deleteCheckpoints: {
    call: (api) => api.DELETE("/v1/instances/checkpoints", { body: [{ uuid: CHECKPOINT_UUID }, { name: CHECKPOINT_2 }] }),
    check: ({ data }) => {
      expect(data?.instances).toEqual([{ status: "success", uuid: CHECKPOINT_UUID, name: CHECKPOINT }]);
    },
  },
  updateCheckpoints: {
    call: (api) =>
      api.PATCH("/v1/instances/checkpoints", {
        body: [
          { name: CHECKPOINT, prop: "tags", op: "add", value: ["keep"], id: "op-1" },
          { uuid: CHECKPOINT_2_UUID, prop: "autokill", op: "set", value: { time_ms: 3600000 }, id: "op-2" },
          { name: CHECKPOINT_2, prop: "delete_lock", op: "set", value: true },
        ],
      }),
    check: ({ data }) => {
      expect(data?.instances?.map((i) => [i.id, i.name, i.status])).toEqual([
        ["op-1", CHECKPOINT, "success"],
        ["op-2", CHECKPOINT_2, "success"],
      ]);
    },
  },
  getCheckpointsHistory: {
    call: (api) => api.GET("/v1/instances/checkpoints/history", { params: { query: { uuid: [CHECKPOINT_2_UUID], name: [CHECKPOINT] } } }),
    check: ({ data }) => {
      const [entry] = data?.instances ?? [];
      expect(entry).toMatchObject({ status: "success", uuid: CHECKPOINT_2_UUID, name: CHECKPOINT_2 });
      expect(entry?.history?.map((h) => h.name)).toEqual([CHECKPOINT, CHECKPOINT_2]);
      expect(entry?.history?.[0]?.created_at).toBe("2023-10-04T10:00:00Z");
    },
  },
  getCheckpoint: {
    call: (api) => api.GET("/v1/instances/checkpoints/{uuid}", { params: { path: { uuid }, query: { details: false } } }),
    check: ({ data }) => {
      expect(data?.instances).toHaveLength(1);
      expect(data?.instances?.[0]).toMatchObject({ uuid: CHECKPOINT_UUID, state: "checkpoint", image: "nginx:latest" });
    },
  },
  deleteCheckpoint: {
    call: (api) => api.DELETE("/v1/instances/checkpoints/{uuid}", { params: { path: { uuid } } }),
    check: ({ data }) => {
      expect(data?.instances?.[0]).toMatchObject({ status: "success", uuid: CHECKPOINT_UUID, name: CHECKPOINT });
    },
  },
  updateCheckpoint: {
    call: (api) =>
      api.PATCH("/v1/instances/checkpoints/{uuid}", {
        params: { path: { uuid } },
        body: { prop: "delete_lock", op: "set", value: true, id: "op-1" },
      }),
    check: ({ data }) => {
      expect(data?.instances).toEqual([{ status: "success", uuid: CHECKPOINT_UUID, name: CHECKPOINT, id: "op-1" }]);
    },
  },
  getCheckpointHistory: {
    call: (api) => api.GET("/v1/instances/checkpoints/{uuid}/history", { params: { path: { uuid } } }),
    check: ({ data }) => {
      expect(data?.instances?.[0]?.history).toEqual([{ uuid: CHECKPOINT_UUID, name: CHECKPOINT, created_at: "2023-10-04T10:00:00Z" }]);
    },
  },
} satisfies Contracts<
  | "listCheckpoints"
  | "createCheckpoints"
  | "deleteCheckpoints"
  | "updateCheckpoints"
  | "getCheckpointsHistory"
  | "getCheckpoint"
  | "deleteCheckpoint"
  | "updateCheckpoint"
  | "getCheckpointHistory"
>;
