// Contract tests of the volumes operations (see ../contract.test.ts).
import { expect } from "vitest";
import { type Contracts, INSTANCE, VOLUME, VOLUME_UUID, VOLUME_2, VOLUME_2_UUID, uuid } from "./support";

export const volumes = {
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
} satisfies Contracts<"listVolumes" | "createVolume" | "deleteVolumes" | "updateVolumes" | "attachVolumes" | "detachVolumes" | "getVolume" | "deleteVolume" | "updateVolume" | "attachVolume" | "detachVolume">;
