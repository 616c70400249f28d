/**
 * TLS certificates used by service-group domains: upload (create), get, list, delete, and wait for a
 * state (e.g. `valid`) by polling.
 */
import type { Certificate, CreateCertificateRequest, DeleteCertificatesResponseDeletedCertificate } from "@ukc/api";
import { batchOf, perRef, settle } from "../internal/batch.js";
import { via, type Context } from "../internal/context.js";
import { envelope } from "../internal/envelope.js";
import { ValidationError } from "../core/errors.js";
import { paginate, type ListOptions } from "../internal/pagination.js";
import { waitForState, type WaitForOptions } from "../internal/poll.js";
import { NAME_PATTERN, parseRefs, type Ref } from "../core/refs.js";
import type { RequestOptions } from "../internal/transport.js";

/** The states of a certificate (`Certificate.state`). */
export const CERTIFICATE_STATES = ["pending", "valid", "error"] as const;
/** A state of a certificate. */
export type CertificateState = (typeof CERTIFICATE_STATES)[number];

/** Options of `certificates.list()` (the endpoint does not filter by tags). */
export type CertificateListOptions = Omit<ListOptions, "tags"> & RequestOptions;

/**
 * Options of `certificates.waitUntil()`: the total `timeoutMs` (default 60000), the polling schedule
 * (`intervalMs` default 500, doubling up to `maxIntervalMs` default 5000, with jitter), the signal,
 * and the request options of each GET.
 */
export interface CertificateWaitOptions extends Omit<WaitForOptions, "description" | "random">, Omit<RequestOptions, "timeoutMs" | "signal"> {}

/** The condition of `certificates.waitUntil()`: a predicate, or the state(s) to reach. */
export type CertificateCondition = ((certificate: Certificate) => boolean) | { state: CertificateState | readonly CertificateState[] };

/** A PEM certificate block: BEGIN/END markers around some content. */
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----\r?\n[\s\S]*?\S[\s\S]*?-----END CERTIFICATE-----/;
/** A PEM private-key block (`PRIVATE KEY`, `RSA PRIVATE KEY`, `EC PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`, …). */
const PEM_PRIVATE_KEY = /-----BEGIN ((?:[A-Z]+ )?PRIVATE KEY)-----\r?\n[\s\S]*?\S[\s\S]*?-----END \1-----/;
/** A DNS name or a wildcard (`*.example.com`); a trailing dot is allowed. */
const COMMON_NAME = /^(\*\.)?([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

/** Validates a certificate upload. Messages never include the private key. */
function checkCreate(params: unknown): CreateCertificateRequest {
  if (!params || typeof params !== "object" || Array.isArray(params)) {
    throw new ValidationError("params", "expected { common_name, chain, pkey, name? } with the chain and private key in PEM");
  }
  const p = params as Record<string, unknown>;
  const unknown = Object.keys(p).filter((k) => !["name", "common_name", "cn", "chain", "pkey"].includes(k));
  if (unknown.length) throw new ValidationError("params", `unknown field(s) ${unknown.join(", ")}; a certificate has common_name, chain, pkey and name`);
  if (p.name !== undefined && (typeof p.name !== "string" || !NAME_PATTERN.test(p.name))) {
    throw new ValidationError("params.name", `'${String(p.name)}' is not a valid name: use 1-63 letters, digits, '.', '_' or '-'`);
  }
  // `common_name` is the current spelling; the older `cn` is still read. Exactly one of them.
  if (p.common_name !== undefined && p.cn !== undefined) {
    throw new ValidationError("params.cn", "give the common name once: common_name (cn is its older spelling), not both");
  }
  const field = p.cn !== undefined ? "params.cn" : "params.common_name";
  const cn = p.cn ?? p.common_name;
  if (typeof cn !== "string" || cn.length === 0 || cn.length > 253 || !COMMON_NAME.test(cn)) {
    throw new ValidationError(field, `the common name must be a domain name such as 'example.com' or '*.example.com', got ${JSON.stringify(cn)}`);
  }
  if (typeof p.chain !== "string" || !PEM_CERTIFICATE.test(p.chain)) {
    throw new ValidationError("params.chain", "must be the certificate chain in PEM (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)");
  }
  if (PEM_PRIVATE_KEY.test(p.chain)) {
    throw new ValidationError("params.chain", "contains a private key; pass the key in pkey and only certificates in chain");
  }
  if (typeof p.pkey !== "string" || !PEM_PRIVATE_KEY.test(p.pkey)) {
    throw new ValidationError("params.pkey", "must be the private key in PEM (-----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----); its content is not shown here");
  }
  return p as unknown as CreateCertificateRequest;
}

/** TLS certificates of Unikraft Cloud. */
export function certificates(ctx: Context) {
  const parseMany = (input: Ref | readonly Ref[]) => parseRefs(input as Ref | Ref[]);

  async function getOne(ref: Ref, options?: RequestOptions): Promise<Certificate> {
    return (await perRef("get certificate", ref, parseMany, async ([r]) => {
      const env =
        "uuid" in r!
          ? await envelope("GET", ctx.api.GET("/v1/certificates/{uuid}", { params: { path: { uuid: r.uuid } }, ...via(ctx, options) }))
          : await envelope("GET", ctx.api.GET("/v1/certificates", { params: { query: { name: [r!.name] } }, ...via(ctx, options) }));
      return { items: env.data?.certificates, message: env.message };
    })) as Certificate;
  }

  return {
    /**
     * Uploads a TLS certificate: its `common_name` (the older spelling `cn` is accepted too), the
     * `chain` and the private key `pkey` in PEM.
     * The inputs are checked before sending (the key never appears in an error message).
     * Not retried once the request may have reached the server.
     * @example const cert = await ukc.certificates.create({ name: "example", common_name: "example.com", chain, pkey });
     */
    async create(params: CreateCertificateRequest, options?: RequestOptions): Promise<Certificate> {
      const body = checkCreate(params);
      const env = await envelope("POST", ctx.api.POST("/v1/certificates", { body, ...via(ctx, options) }));
      const created = env.data?.certificates ?? [];
      const { succeeded, failed } = settle("create certificate", [body.name ?? body.common_name ?? body.cn], [undefined], created.slice(0, 1), env.message);
      if (failed.length) throw failed[0]!.error;
      return succeeded[0]!;
    },

    /**
     * Gets one certificate by name or UUID.
     * @example const cert = await ukc.certificates.get("example"); console.log(cert.state, cert.not_after);
     */
    get: getOne,

    /**
     * Lists certificates, page by page, as an async iterator.
     * @example for await (const cert of ukc.certificates.list()) console.log(cert.common_name, cert.state);
     */
    list(options: CertificateListOptions = {}): AsyncGenerator<Certificate, void, undefined> {
      const tags = (options as ListOptions).tags;
      const pages = paginate<Certificate>(
        async (from, count) => {
          const env = await envelope(
            "GET",
            ctx.api.GET("/v1/certificates", {
              params: { query: { count, from, details: options.details, sortby: "create_time", order: "asc" } },
              ...via(ctx, options),
            }),
          );
          return env.data?.certificates ?? [];
        },
        (item) => item.uuid,
        options,
      );
      return (async function* () {
        if (tags !== undefined) throw new ValidationError("tags", "certificates cannot be listed by tags");
        yield* pages;
      })();
    },

    /**
     * Deletes one or many certificates. A certificate still used by a service group cannot be deleted.
     * @example await ukc.certificates.delete(["old-cert", "older-cert"]);
     */
    delete: batchOf<DeleteCertificatesResponseDeletedCertificate>("delete certificate", async (refs, options) => {
      const env =
        refs.length === 1 && "uuid" in refs[0]!
          ? await envelope("DELETE", ctx.api.DELETE("/v1/certificates/{uuid}", { params: { path: { uuid: refs[0].uuid } }, ...via(ctx, options) }))
          : await envelope("DELETE", ctx.api.DELETE("/v1/certificates", { body: refs, ...via(ctx, options) }));
      return { items: env.data?.certificates, message: env.message };
    }),

    /**
     * Polls the certificate (one GET per poll, backing off from `intervalMs`) until it is in one of the
     * given states or the predicate holds, and resolves with the certificate as last read.
     * Rejects with `WaitTimeoutError` (with the last certificate seen) at the deadline, with
     * `AbortError` when the signal aborts, at once with errors a later poll cannot fix
     * (`NotFoundError`, `AuthenticationError`, …), and at once with an `APIError` when the certificate
     * reaches the `error` state while another state is awaited.
     * @example const cert = await ukc.certificates.waitUntil("example", { state: "valid" }, { timeoutMs: 120_000 });
     */
    async waitUntil(ref: Ref, condition: CertificateCondition, options: CertificateWaitOptions = {}): Promise<Certificate> {
      return waitForState({ kind: "certificate", states: CERTIFICATE_STATES, example: "valid", get: getOne }, ref, condition, options);
    },
  };
}

/** The certificates resource. */
export type Certificates = ReturnType<typeof certificates>;
