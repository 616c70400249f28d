// Contract tests of the certificates operations (see ../contract.test.ts).
import { expect } from "vitest";
import { type Contracts, INSTANCE, CERTIFICATE, CERTIFICATE_2_UUID, uuid } from "./support";

const CHAIN = "-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIRAIIQz7DSQONZRGPgu2OCiwAwDQYJKoZIhvcNAQELBQAw\n-----END CERTIFICATE-----\n";
const PKEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgevZzL1gdAFr88hb2\n-----END PRIVATE KEY-----\n";

export const certificates = {
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
          common_name: "example.com",
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
  updateCertificates: {
    call: (api) =>
      api.PUT("/v1/certificates", {
        body: [{ name: CERTIFICATE, chain: CHAIN, pkey: PKEY }],
      }),
    check: ({ data }) => {
      const [cert] = data?.certificates ?? [];
      expect(cert).toMatchObject({ status: "success", uuid: INSTANCE, name: CERTIFICATE, state: "valid" });
      expect(cert?.not_after).toBe("2024-02-29T12:00:00Z");
    },
  },
  updateCertificate: {
    call: (api) => api.PUT("/v1/certificates/{uuid}", { params: { path: { uuid } }, body: { chain: CHAIN, pkey: PKEY } }),
    check: ({ data }) => {
      expect(data?.certificates).toHaveLength(1);
      expect(data?.certificates?.[0]).toMatchObject({ name: CERTIFICATE, common_name: "example.com", state: "valid" });
    },
  },
} satisfies Contracts<"listCertificates" | "createCertificate" | "deleteCertificates" | "getCertificate" | "deleteCertificate" | "updateCertificates" | "updateCertificate">;
