/**
 * The service-group model: services and domains as a create or an update gives them, checked
 * before anything changes; the public view (members read from the instance records, certificates
 * of the domains with their state).
 */
import { find, type Rec, type Sim } from "../core.js";
import { itemOk, type Item } from "../envelope.js";
import { certificateView, issueCertificate } from "./certificates.js";
import { refOf } from "./shared-util.js";

/** The metro domain that names without a trailing period become a subdomain of. */
export const METRO_DOMAIN = "fra.unikraft.app";

/** A stored domain: the fqdn and the certificate it uses. */
export interface StoredDomain {
  fqdn: string;
  _cert?: string;
}

/** The fqdn of a domain name: a name ending in `.` is already one, others become a subdomain of the metro. */
export function fqdnOf(name: string): string {
  return name.endsWith(".") ? name : `${name}.${METRO_DOMAIN}`;
}

/** Services normalised, or the reason they are not acceptable. */
export function readServices(value: unknown): Record<string, unknown>[] | string {
  if (!Array.isArray(value) || !value.length) return "At least one service is required";
  const out: Record<string, unknown>[] = [];
  for (const s of value as Record<string, unknown>[]) {
    const port = s?.port;
    if (!Number.isInteger(port) || Number(port) < 1 || Number(port) > 65535) return `Invalid port '${String(port)}'`;
    const dest = s.destination_port ?? port;
    if (!Number.isInteger(dest) || Number(dest) < 1 || Number(dest) > 65535) return `Invalid destination_port '${String(dest)}'`;
    if (out.some((o) => o.port === port)) return `Port ${String(port)} is given twice`;
    out.push({ port, destination_port: dest, handlers: Array.isArray(s.handlers) ? [...(s.handlers as string[])] : [], protocol: s.protocol ?? "tcp", ...(typeof s.ip === "string" ? { ip: s.ip } : {}) });
  }
  return out;
}

/** A planned domain: its fqdn and the existing certificate it names, if any. */
export interface DomainPlan {
  fqdn: string;
  cert?: Rec;
}

/** Plans domains, checking names, their uniqueness across service groups (except `self`) and certificates. */
export function planDomains(sim: Sim, value: unknown, self?: Rec): DomainPlan[] | { code: "invalid" | "taken" | "nocert"; message: string } {
  if (!Array.isArray(value)) return { code: "invalid", message: "domains must be a list" };
  const plans: DomainPlan[] = [];
  for (const d of value as Record<string, unknown>[]) {
    if (typeof d?.name !== "string" || !/^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9.])?$/.test(d.name)) return { code: "invalid", message: `Invalid domain '${String(d?.name)}'` };
    const fqdn = fqdnOf(d.name);
    if (plans.some((p) => p.fqdn === fqdn) || domainTaken(sim, fqdn, self)) return { code: "taken", message: `Domain '${fqdn}' already in use` };
    let cert: Rec | undefined;
    if (d.certificate !== undefined) {
      const ref = refOf(d.certificate) ?? {};
      cert = find(sim.state.certificates, ref);
      if (!cert) return { code: "nocert", message: ref.uuid ? `No certificate with UUID '${ref.uuid}'` : `No certificate with name '${String(ref.name)}'` };
    }
    plans.push({ fqdn, ...(cert ? { cert } : {}) });
  }
  return plans;
}

function domainTaken(sim: Sim, fqdn: string, self?: Rec): boolean {
  for (const sg of sim.state.serviceGroups.values()) if (sg !== self && ((sg.domains as StoredDomain[] | undefined) ?? []).some((d) => d.fqdn === fqdn)) return true;
  return false;
}

/** Makes planned domains real: a domain without a certificate gets one issued (`pending`, then `valid`). */
export function realiseDomains(sim: Sim, plans: DomainPlan[]): StoredDomain[] {
  return plans.map((p) => ({ fqdn: p.fqdn, _cert: (p.cert ?? issueCertificate(sim, p.fqdn.replace(/\.$/, ""), { auto: true })).uuid }));
}

/** Drops the certificates issued for domains that no service group uses any more. */
export function dropAutoCertificates(sim: Sim, domains: StoredDomain[]): void {
  for (const d of domains) {
    const cert = d._cert ? sim.state.certificates.get(d._cert) : undefined;
    if (!cert?._auto) continue;
    const used = [...sim.state.serviceGroups.values()].some((sg) => ((sg.domains as StoredDomain[] | undefined) ?? []).some((x) => x._cert === cert.uuid));
    if (!used) {
      (cert._cancel as (() => void) | undefined)?.();
      sim.state.certificates.delete(cert.uuid);
    }
  }
}

/** The instances of a service group: those whose record names it, and those it lists that still exist. */
export function members(sim: Sim, sg: Rec): { uuid: string; name: string }[] {
  const out = new Map<string, { uuid: string; name: string }>();
  for (const m of (sg.instances as { uuid: string }[] | undefined) ?? []) {
    const inst = sim.state.instances.get(String(m.uuid).toLowerCase());
    if (inst) out.set(inst.uuid, { uuid: inst.uuid, name: inst.name });
  }
  for (const inst of sim.state.instances.values()) {
    const ref = inst.service_group as { uuid?: string; name?: string } | string | undefined;
    const hit = typeof ref === "string" ? ref === sg.uuid || ref === sg.name : ref?.uuid ? ref.uuid.toLowerCase() === sg.uuid : ref?.name === sg.name;
    if (hit) out.set(inst.uuid, { uuid: inst.uuid, name: inst.name });
  }
  return [...out.values()];
}

/** The public view of a service group (fields of the spec's ServiceGroup). */
export function serviceGroupView(sim: Sim, sg: Rec): Item {
  const out: Record<string, unknown> = {};
  for (const k of ["uuid", "name", "created_at", "persistent", "soft_limit", "hard_limit", "services", "autokill"]) if (sg[k] !== undefined) out[k] = sg[k];
  out.autoscale = sim.state.autoscale.has(sg.uuid);
  out.domains = ((sg.domains as StoredDomain[] | undefined) ?? []).map((d) => {
    const cert = d._cert ? sim.state.certificates.get(d._cert) : undefined;
    if (!cert) return { fqdn: d.fqdn };
    const view = certificateView(sim, cert);
    return { fqdn: d.fqdn, certificate: { uuid: view.uuid, name: view.name, state: view.state } };
  });
  out.instances = members(sim, sg);
  return itemOk(out);
}
