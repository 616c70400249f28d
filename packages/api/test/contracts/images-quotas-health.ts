// Contract tests of the images, quotas, health operations (see ../contract.test.ts).
import { expect } from "vitest";
import { type Contracts, IMAGE_TAG, IMAGE_DIGEST, uuid } from "./support";

const PINNED_IMAGE = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"; // uuid of the pinImages / unpinImages examples

export const imagesQuotasHealth = {
  getImages: {
    call: (api) => api.GET("/v1/images", { params: { query: { tag: IMAGE_TAG } } }),
    check: ({ data }) => {
      const [image] = data?.images ?? [];
      expect(image).toMatchObject({ url: IMAGE_TAG, initrd_or_rom: false, size_in_bytes: 1843200 });
      expect(image?.env).toEqual({ ENV_VAR: "value" });
      expect(image?.tags).toEqual([IMAGE_TAG, IMAGE_DIGEST]);
    },
  },
  pinImages: {
    call: (api) => api.POST("/v1/images", { body: [{ url: IMAGE_TAG, timeout_s: 60, pull_policy: "if_not_present" }] }),
    check: ({ data }) => {
      const [image] = data?.images ?? [];
      expect(image).toMatchObject({ status: "success", uuid: PINNED_IMAGE, state: "ready", persistent: true });
      expect(image?.tags).toEqual(["latest"]);
    },
  },
  unpinImages: {
    call: (api) => api.DELETE("/v1/images", { body: [{ uuid: PINNED_IMAGE }] }),
    check: ({ data }) => {
      expect(data?.images).toEqual([{ status: "success", uuid: PINNED_IMAGE, name: IMAGE_TAG }]);
    },
  },
  getImageStore: {
    call: (api) => api.GET("/v1/image-store", { params: { query: { digest: IMAGE_DIGEST } } }),
    check: ({ data }) => {
      const [image] = data?.images ?? [];
      expect(image).toMatchObject({ url: IMAGE_TAG, persistent: true, tags: ["latest"] });
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
      expect(data?.checks).toEqual({ images: "healthy", systemd: "healthy" });
      expect(data?.versions?.platform).toBe("1.0.0");
    },
  },
} satisfies Contracts<"getImages" | "pinImages" | "unpinImages" | "getImageStore" | "getQuotas" | "getUserQuotas" | "healthz">;
