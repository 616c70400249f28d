// Contract tests of the images, quotas, health operations (see ../contract.test.ts).
import { expect } from "vitest";
import { type Contracts, IMAGE_TAG, IMAGE_DIGEST, uuid } from "./support";

export const imagesQuotasHealth = {
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
} satisfies Contracts<"getImageByTag" | "getImageByDigest" | "getQuotas" | "getUserQuotas" | "healthz">;
