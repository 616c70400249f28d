// Contract tests of the volumes operations (see ../contract.test.ts).
import { expect } from "vitest";
import { type Contracts, INSTANCE, VOLUME, VOLUME_UUID, VOLUME_2, VOLUME_2_UUID, uuid } from "./support";

// Identifiers of the examples of volume clone and volume templates (used only in this group).
const CLONE = "funky-vol-clone-r5n2w8x";
const CLONE_UUID = "2a4c6e8f-0b1d-4f3a-9c5e-7d9f1b3d5e7a";
const VOLUME_TEMPLATE = "base-vol-template-h4k8p2q";
const VOLUME_TEMPLATE_UUID = "4d7e9a2c-1b3f-4c5d-8e6f-7a8b9c0d1e2f";

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
      expect(mounted?.mounted_by).toEqual([{ name: "funky-town-g7gum5cj", readonly: false }]);
      expect(mounted).toMatchObject({ quota_policy: "static", free_mb: 48, filesystem: "ext4", access_mode: "rwo" });
      expect(available).toMatchObject({ uuid: VOLUME_2_UUID, name: VOLUME_2, state: "available", size_mb: 128 });
    },
  },
  createVolume: {
    call: (api) =>
      api.POST("/v1/volumes", {
        body: { name: VOLUME_2, template: { name: VOLUME_TEMPLATE }, quota_policy: "dynamic", access_mode: "rwo", tags: ["production"] },
      }),
    check: ({ data }) => {
      expect(data?.volumes).toEqual([{ status: "success", uuid: VOLUME_UUID, name: VOLUME, state: "initializing" }]);
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
      expect(data?.volumes?.[0]).toMatchObject({ quota_policy: "static", delete_lock: false, access_mode: "rwo" });
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
  cloneVolumes: {
    call: (api) =>
      api.POST("/v1/volumes/clone", {
        body: [{ name: VOLUME, vol_name: CLONE, tags: ["staging"] }, { uuid: VOLUME_2_UUID, quota_policy: "static", access_mode: "rox" }],
      }),
    check: ({ data }) => {
      expect(data?.volumes).toEqual([{ status: "success", uuid: CLONE_UUID, name: CLONE, state: "initializing" }]);
    },
  },
  cloneVolume: {
    call: (api) =>
      api.POST("/v1/volumes/{uuid}/clone", {
        params: { path: { uuid } },
        body: { vol_name: CLONE, quota_policy: "dynamic" },
      }),
    check: ({ data }) => {
      expect(data?.volumes?.[0]).toMatchObject({ uuid: CLONE_UUID, name: CLONE, state: "initializing" });
    },
  },
  listVolumeTemplates: {
    call: (api) =>
      api.GET("/v1/volumes/templates", {
        params: { query: { name: [VOLUME_TEMPLATE], details: true, count: 10, from: INSTANCE, order: "desc", sortby: "create_time", tags: ["base"] } },
      }),
    check: ({ data }) => {
      expect(data?.volumes).toHaveLength(1);
      expect(data?.volumes?.[0]).toMatchObject({ uuid: VOLUME_TEMPLATE_UUID, name: VOLUME_TEMPLATE, state: "template", size_mb: 256, delete_lock: true });
    },
  },
  createVolumeTemplates: {
    call: (api) => api.POST("/v1/volumes/templates", { body: [{ name: VOLUME_TEMPLATE }] }),
    check: ({ data }) => {
      expect(data?.volumes).toEqual([{ status: "success", uuid: VOLUME_TEMPLATE_UUID, name: VOLUME_TEMPLATE, state: "template" }]);
    },
  },
  deleteVolumeTemplates: {
    call: (api) => api.DELETE("/v1/volumes/templates", { body: [{ uuid: VOLUME_TEMPLATE_UUID }] }),
    check: ({ data }) => {
      expect(data?.volumes).toEqual([{ status: "success", uuid: VOLUME_TEMPLATE_UUID, name: VOLUME_TEMPLATE }]);
    },
  },
  updateVolumeTemplates: {
    call: (api) =>
      api.PATCH("/v1/volumes/templates", {
        body: [
          { name: VOLUME_TEMPLATE, prop: "delete_lock", op: "set", value: true, id: "op-1" },
          { uuid: VOLUME_TEMPLATE_UUID, prop: "tags", op: "add", value: ["base"] },
        ],
      }),
    check: ({ data }) => {
      expect(data?.volumes?.map((v) => [v.id, v.name, v.status])).toEqual([["op-1", VOLUME_TEMPLATE, "success"]]);
    },
  },
  getVolumeTemplate: {
    call: (api) => api.GET("/v1/volumes/templates/{uuid}", { params: { path: { uuid }, query: { details: true } } }),
    check: ({ data }) => {
      expect(data?.volumes?.[0]).toMatchObject({ name: VOLUME_TEMPLATE, state: "template", quota_policy: "static", filesystem: "ext4" });
    },
  },
  updateVolumeTemplate: {
    call: (api) =>
      api.PATCH("/v1/volumes/templates/{uuid}", {
        params: { path: { uuid } },
        body: { prop: "tags", op: "add", value: ["base"], id: "op-1" },
      }),
    check: ({ data }) => {
      expect(data?.volumes?.[0]).toMatchObject({ uuid: VOLUME_TEMPLATE_UUID, status: "success", id: "op-1" });
    },
  },
  deleteVolumeTemplate: {
    call: (api) => api.DELETE("/v1/volumes/templates/{uuid}", { params: { path: { uuid } } }),
    check: ({ data }) => {
      expect(data?.volumes).toEqual([{ status: "success", uuid: VOLUME_TEMPLATE_UUID, name: VOLUME_TEMPLATE }]);
    },
  },
} satisfies Contracts<"listVolumes" | "createVolume" | "deleteVolumes" | "updateVolumes" | "attachVolumes" | "detachVolumes" | "getVolume" | "deleteVolume" | "updateVolume" | "attachVolume" | "detachVolume" | "cloneVolumes" | "cloneVolume" | "listVolumeTemplates" | "createVolumeTemplates" | "deleteVolumeTemplates" | "updateVolumeTemplates" | "getVolumeTemplate" | "updateVolumeTemplate" | "deleteVolumeTemplate">;
