/**
 * Certificates: create (`common_name` or `cn`, PEM `chain` and `pkey`; names unique) starts
 * `pending` and becomes `valid` after `timings.certificateMs`; list/get; update (new chain and key:
 * `pending` again, then `valid`); delete (not while a service-group domain uses it: code 15).
 * Service groups get certificates issued for their domains through {@link issueCertificate}.
 */
import { bodyItems, perRef, type Rec, type Route, type Sim, type SimRequest } from "../core.js";
import { answer, Code, failure, itemError, itemOk, type Item } from "../envelope.js";
import { listView, nameProblem, pathRef } from "./shared-util.js";

const DAY_MS = 86_400_000;
const PEM = /-----BEGIN [A-Z ]+-----/;

/** Starts (or restarts) validation: `pending` now, `valid` after `timings.certificateMs`. */
function validate(sim: Sim, cert: Rec): void {
  (cert._cancel as (() => void) | undefined)?.();
  cert.state = "pending";
  cert.validation = { attempt: Number((cert.validation as { attempt?: number } | undefined)?.attempt ?? 0) + 1, next: new Date(sim.clock.now() + sim.options.timings.certificateMs).toISOString() };
  cert._cancel = sim.clock.after(sim.options.timings.certificateMs, () => {
    if (sim.state.certificates.get(cert.uuid) !== cert) return;
    const now = sim.clock.now();
    cert.state = "valid";
    cert.not_before = new Date(now).toISOString();
    cert.not_after = new Date(now + 90 * DAY_MS).toISOString();
    cert.serial_number = cert.uuid.replace(/-/g, "").slice(0, 32).toUpperCase();
    delete cert.validation;
    delete cert._cancel;
    sim.changed();
  });
}

/** Stores a new certificate for a common name; `auto` marks one issued for a service-group domain. */
export function issueCertificate(sim: Sim, commonName: string, opts: { name?: string; auto?: boolean } = {}): Rec {
  const cert: Rec = {
    uuid: sim.ids.uuid(),
    name: opts.name ?? sim.ids.name("cert"),
    created_at: sim.iso(),
    common_name: commonName,
    subject: `CN=${commonName}`,
    issuer: opts.auto ? "CN=Simulated ACME CA" : `CN=${commonName}`,
    state: "pending",
    ...(opts.auto ? { _auto: true } : {}),
  };
  sim.state.certificates.set(cert.uuid, cert);
  validate(sim, cert);
  sim.changed();
  return cert;
}

/** The service groups whose domains use a certificate. */
export function certificateUsers(sim: Sim, cert: Rec): { uuid: string; name: string }[] {
  const out: { uuid: string; name: string }[] = [];
  for (const sg of sim.state.serviceGroups.values()) {
    const domains = (sg.domains as { _cert?: string; certificate?: { uuid?: string } }[] | undefined) ?? [];
    if (domains.some((d) => d._cert === cert.uuid || d.certificate?.uuid === cert.uuid)) out.push({ uuid: sg.uuid, name: sg.name });
  }
  return out;
}

/** The public view of a certificate (fields of the spec's Certificate). */
export function certificateView(sim: Sim, cert: Rec): Item {
  const out: Record<string, unknown> = {};
  for (const k of ["uuid", "name", "created_at", "common_name", "subject", "issuer", "serial_number", "not_before", "not_after", "state", "validation"]) if (cert[k] !== undefined) out[k] = cert[k];
  out.service_groups = certificateUsers(sim, cert);
  return itemOk(out);
}

/** The routes of certificates. */
export function certificatesRoutes(sim: Sim): Route[] {
  const certs = () => sim.state.certificates;

  function create(req: SimRequest) {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const bad = nameProblem(certs(), b.name);
    if (bad) return bad;
    if (b.cn !== undefined && b.common_name !== undefined && b.cn !== b.common_name) return failure(400, "Conflicting parameters: 'cn' and 'common_name' differ");
    const cn = b.common_name ?? b.cn;
    if (typeof cn !== "string" || !cn) return failure(400, "A common name ('common_name' or 'cn') is required");
    if (typeof b.chain !== "string" || !PEM.test(b.chain)) return failure(400, "Invalid 'chain': a PEM certificate chain is required");
    if (typeof b.pkey !== "string" || !PEM.test(b.pkey)) return failure(400, "Invalid 'pkey': a PEM private key is required");
    const cert = issueCertificate(sim, cn, typeof b.name === "string" ? { name: b.name } : {});
    return answer("certificates", [certificateView(sim, cert)]);
  }

  function update(cert: Rec, b: Record<string, unknown>): Item {
    const ref = { uuid: cert.uuid, name: cert.name };
    if (cert._auto) return itemError(ref, Code.NotAllowed, "Certificates issued for a domain are renewed by the platform");
    if (typeof b.chain !== "string" || !PEM.test(b.chain)) return itemError(ref, Code.Invalid, "Invalid 'chain': a PEM certificate chain is required");
    if (typeof b.pkey !== "string" || !PEM.test(b.pkey)) return itemError(ref, Code.Invalid, "Invalid 'pkey': a PEM private key is required");
    validate(sim, cert);
    sim.changed();
    return certificateView(sim, cert);
  }

  function remove(req: SimRequest, refs: { uuid?: string; name?: string }[]) {
    return answer(
      "certificates",
      perRef(sim, req, "certificate", certs(), refs, (cert) => {
        const users = certificateUsers(sim, cert);
        if (users.length) return itemError({ uuid: cert.uuid, name: cert.name }, Code.Attached, `Certificate is in use by service group '${users[0]!.name}'`);
        (cert._cancel as (() => void) | undefined)?.();
        certs().delete(cert.uuid);
        sim.changed();
        return itemOk({ uuid: cert.uuid, name: cert.name });
      }),
    );
  }

  const refOfItem = (b: Record<string, unknown>) => (typeof b.uuid === "string" ? { uuid: b.uuid.toLowerCase() } : { name: String(b.name) });

  return [
    { method: "GET", path: "/v1/certificates", handler: (req) => answer("certificates", listView("certificate", certs(), req, (c) => certificateView(sim, c))) },
    { method: "POST", path: "/v1/certificates", handler: create },
    {
      method: "PUT",
      path: "/v1/certificates",
      handler: (req) => {
        const items = bodyItems(req.body);
        return answer("certificates", perRef(sim, req, "certificate", certs(), items.map(refOfItem), (c, _r, i) => update(c, items[i]!)));
      },
    },
    { method: "DELETE", path: "/v1/certificates", handler: (req) => remove(req, bodyItems(req.body).map(refOfItem)) },
    { method: "GET", path: "/v1/certificates/{uuid}", handler: (req) => answer("certificates", perRef(sim, req, "certificate", certs(), [pathRef(req)], (c) => certificateView(sim, c))) },
    { method: "PUT", path: "/v1/certificates/{uuid}", handler: (req) => answer("certificates", perRef(sim, req, "certificate", certs(), [pathRef(req)], (c) => update(c, (req.body ?? {}) as Record<string, unknown>))) },
    { method: "DELETE", path: "/v1/certificates/{uuid}", handler: (req) => remove(req, [pathRef(req)]) },
  ];
}
