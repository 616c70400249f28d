/**
 * TLS certificates: upload (create), get, list, replace the chain and key (update), delete, and
 * wait for a state (e.g. `valid`) by polling.
 */
import type * as api from "@ukc/api";
import { ValidationError } from "../core/errors.js";
import type { Ref } from "../core/refs.js";
import type { Certificate, Named } from "../core/types.js";
import type { Context } from "../internal/call.js";
import { CERTIFICATES } from "./declared.js";
import { createOrReconcile } from "../internal/create.js";
import { byRefs, standard } from "../internal/resource.js";
import type { RequestOptions } from "../internal/transport.js";
import { validateBody } from "../internal/validate.js";


/** A PEM certificate block: BEGIN/END markers around some content. */
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----\r?\n[\s\S]*?\S[\s\S]*?-----END CERTIFICATE-----/;
/** A PEM private-key block (`PRIVATE KEY`, `RSA PRIVATE KEY`, `EC PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`, …). */
const PEM_PRIVATE_KEY = /-----BEGIN ((?:[A-Z]+ )?PRIVATE KEY)-----\r?\n[\s\S]*?\S[\s\S]*?-----END \1-----/;
/** A DNS name or a wildcard (`*.example.com`); a trailing dot is allowed. */
const COMMON_NAME = /^(\*\.)?([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

/** Checks the PEM of a chain and a key (beyond the spec's types). Messages never include the key. */
function checkPem(p: { chain?: unknown; pkey?: unknown }): void {
  if (typeof p.chain !== "string" || !PEM_CERTIFICATE.test(p.chain)) {
    throw new ValidationError("params.chain", "must be the certificate chain in PEM (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)");
  }
  if (PEM_PRIVATE_KEY.test(p.chain)) throw new ValidationError("params.chain", "contains a private key; pass the key in pkey and only certificates in chain");
  if (typeof p.pkey !== "string" || !PEM_PRIVATE_KEY.test(p.pkey)) {
    throw new ValidationError("params.pkey", "must be the private key in PEM (-----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----); its content is not shown here");
  }
}

/** Before the spec's rules: one common name, `common_name` or its older spelling `cn`. */
function checkCommonName(params: api.CreateCertificateRequest): void {
  const { cn, common_name } = (params ?? {}) as { cn?: string; common_name?: string };
  if (cn !== undefined && common_name !== undefined) {
    throw new ValidationError("params.cn", "give the common name once: common_name (cn is its older spelling), not both");
  }
  if (params && typeof params === "object" && cn === undefined && common_name === undefined) {
    throw new ValidationError("params.common_name", "is required: the domain the certificate is for, e.g. 'example.com' or '*.example.com'");
  }
}

/** After the spec's rules: the common name is a domain name, the chain and key are PEM. */
function checkUpload(params: api.CreateCertificateRequest): void {
  const { cn, common_name } = params as { cn?: string; common_name?: string };
  const name = cn ?? common_name;
  if (typeof name !== "string" || name.length > 253 || !COMMON_NAME.test(name)) {
    throw new ValidationError(cn !== undefined ? "params.cn" : "params.common_name", `the common name must be a domain name such as 'example.com' or '*.example.com', got ${JSON.stringify(name)}`);
  }
  checkPem(params);
}

/** TLS certificates of Unikraft Cloud. */
export function certificates(ctx: Context) {
  const { path } = CERTIFICATES;
  const std = standard<Certificate, Certificate, Named<api.DeleteCertificatesResponseDeletedCertificate>>(ctx, CERTIFICATES);
  return {
    /**
     * Uploads a TLS certificate: its `common_name` (the older `cn` is accepted too), the `chain` and
     * the private key `pkey` in PEM, checked before sending (the key never appears in an error).
     * @example const cert = await ukc.certificates.create({ name: "example", common_name: "example.com", chain, pkey });
     */
    async create(params: api.CreateCertificateRequest, options?: RequestOptions): Promise<Certificate> {
      checkCommonName(params);
      const route = { operation: "create certificate", path, key: "certificates", root: "createCertificate", check: checkUpload as (p: unknown) => void, get: std.get };
      return (await createOrReconcile<Certificate>(ctx, route, params, options)).item;
    },

    /** Gets one certificate by name or UUID. @example const cert = await ukc.certificates.get("example"); */
    get: std.get,

    /** Lists certificates, page by page, as an async iterator. @example for await (const cert of ukc.certificates.list()) console.log(cert.common_name); */
    list: std.list as (options?: Omit<Parameters<typeof std.list>[0] & object, "tags">) => ReturnType<typeof std.list>,

    /**
     * Replaces the chain and private key of one or many certificates (e.g. after a renewal),
     * checked before sending.
     * @example await ukc.certificates.update("example", { chain: renewedChain, pkey: renewedKey });
     */
    update: (async (input: Ref | readonly Ref[], params: api.UpdateCertificateByUUIDRequestBody, options?: RequestOptions) => {
      validateBody("updateCertificate", params, "params");
      checkPem(params);
      return byRefs(ctx, { operation: "update certificate", method: "PUT", path, one: `${path}/{uuid}`, key: "certificates", fields: () => ({ ...params }) }, input, options);
    }) as {
      (ref: Ref, params: api.UpdateCertificateByUUIDRequestBody, options?: RequestOptions): Promise<Certificate>;
      (refs: readonly Ref[], params: api.UpdateCertificateByUUIDRequestBody, options?: RequestOptions): Promise<Certificate[]>;
    },

    /** Deletes one or many certificates; one still used by a service group cannot be. @example await ukc.certificates.delete("old-cert"); */
    delete: std.delete,

    /**
     * Polls the certificate until it is in one of the given states or the predicate holds; rejects
     * at once when it reaches `error` while another state is awaited.
     * @example const cert = await ukc.certificates.waitUntil("example", { state: "valid" }, { timeoutMs: 120_000 });
     */
    waitUntil: std.waitUntil,
  };
}

/** The certificates resource. */
export type Certificates = ReturnType<typeof certificates>;
