/**
 * Service groups: create (services required, names unique, domains get their fqdn and a
 * certificate — an existing one or one issued `pending` → `valid`), list/get with their member
 * instances, update (services, domains, soft/hard limits, autokill; `set`/`add`/`del`), delete
 * (not while instances use it: code 15; its issued certificates and autoscale configuration go
 * with it).
 */
import { bodyItems, perRef, type Rec, type Route, type Sim, type SimRequest } from "../core.js";
import { answer, Code, failure, itemError, type Item } from "../envelope.js";
import { listView, nameProblem, opProblem, patched, patchError, pathRef, readPatch, type Patch } from "./shared-util.js";
import { dropAutoCertificates, fqdnOf, members, planDomains, readServices, realiseDomains, serviceGroupView, type StoredDomain } from "./service-group-model.js";

function limitsProblem(soft: unknown, hard: unknown): string | undefined {
  if (!Number.isInteger(soft) || Number(soft) < 1) return `Invalid soft_limit '${String(soft)}'`;
  if (!Number.isInteger(hard) || Number(hard) < 1) return `Invalid hard_limit '${String(hard)}'`;
  if (Number(soft) > Number(hard)) return "soft_limit must not exceed hard_limit";
  return undefined;
}

/** The service-group routes. */
export function serviceGroupsRoutes(sim: Sim): Route[] {
  const groups = () => sim.state.serviceGroups;

  function create(req: SimRequest) {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const bad = nameProblem(groups(), b.name);
    if (bad) return bad;
    const services = readServices(b.services);
    if (typeof services === "string") return failure(400, services);
    const soft = b.soft_limit ?? 1;
    const hard = b.hard_limit ?? Math.max(1, Number(soft));
    const limits = limitsProblem(soft, hard);
    if (limits) return failure(400, limits);
    const name = typeof b.name === "string" ? b.name : sim.ids.name();
    const plans = planDomains(sim, b.domains ?? []);
    if (!Array.isArray(plans)) {
      if (plans.code === "taken") return failure(409, plans.message);
      if (plans.code === "nocert") return answer("service_groups", [itemError({ name }, Code.NotFound, plans.message)]);
      return failure(400, plans.message);
    }
    if (groups().size >= sim.options.quotas.service_groups) return answer("service_groups", [itemError({ name }, Code.Quota, `Quota exceeded: at most ${sim.options.quotas.service_groups} service groups`)]);
    const sg: Rec = { uuid: sim.ids.uuid(), name, created_at: sim.iso(), persistent: true, soft_limit: soft, hard_limit: hard, services, domains: [], instances: [] };
    if (b.autokill !== undefined) sg.autokill = b.autokill;
    groups().set(sg.uuid, sg);
    sg.domains = realiseDomains(sim, plans);
    sim.changed();
    return answer("service_groups", [serviceGroupView(sim, sg)]);
  }

  function update(sg: Rec, patch: Patch): Item {
    switch (patch.prop) {
      case "services": {
        const wrong = opProblem(sg, patch, ["set", "add", "del"]);
        if (wrong) return wrong;
        const current = (sg.services as { port: number }[]) ?? [];
        if (patch.op === "del") {
          const ports = (Array.isArray(patch.value) ? patch.value : [patch.value]).map((s) => (s as { port?: unknown })?.port ?? s);
          const missing = ports.find((p) => !current.some((s) => s.port === p));
          if (missing !== undefined) return patchError(sg, patch, Code.Invalid, `No service on port ${String(missing)}`);
          const left = current.filter((s) => !ports.includes(s.port));
          if (!left.length) return patchError(sg, patch, Code.Invalid, "A service group needs at least one service");
          sg.services = left;
          break;
        }
        const next = readServices(patch.op === "add" ? [...current, ...(Array.isArray(patch.value) ? patch.value : [patch.value])] : patch.value);
        if (typeof next === "string") return patchError(sg, patch, Code.Invalid, next);
        sg.services = next;
        break;
      }
      case "domains": {
        const wrong = opProblem(sg, patch, ["set", "add", "del"]);
        if (wrong) return wrong;
        const current = (sg.domains as StoredDomain[]) ?? [];
        const list = Array.isArray(patch.value) ? patch.value : patch.value === undefined ? [] : [patch.value];
        if (patch.op === "del") {
          const fqdns = list.map((d) => fqdnOf(String((d as { name?: unknown })?.name ?? d)));
          const missing = fqdns.find((f) => !current.some((d) => d.fqdn === f));
          if (missing) return patchError(sg, patch, Code.Invalid, `No domain '${missing}'`);
          sg.domains = current.filter((d) => !fqdns.includes(d.fqdn));
          dropAutoCertificates(sim, current.filter((d) => fqdns.includes(d.fqdn)));
          break;
        }
        const plans = planDomains(sim, list, patch.op === "set" ? sg : undefined);
        if (!Array.isArray(plans)) return patchError(sg, patch, plans.code === "nocert" ? Code.NotFound : plans.code === "taken" ? Code.AlreadyExists : Code.Invalid, plans.message);
        if (patch.op === "set") {
          const keep = current.filter((d) => plans.some((p) => p.fqdn === d.fqdn && !p.cert));
          const fresh = realiseDomains(sim, plans.filter((p) => !keep.some((d) => d.fqdn === p.fqdn)));
          sg.domains = plans.map((p) => keep.find((d) => d.fqdn === p.fqdn) ?? fresh.find((d) => d.fqdn === p.fqdn)!);
          dropAutoCertificates(sim, current.filter((d) => !(sg.domains as StoredDomain[]).includes(d)));
        } else sg.domains = [...current, ...realiseDomains(sim, plans)];
        break;
      }
      case "soft_limit":
      case "hard_limit": {
        const wrong = opProblem(sg, patch, ["set"]);
        if (wrong) return wrong;
        const soft = patch.prop === "soft_limit" ? patch.value : sg.soft_limit;
        const hard = patch.prop === "hard_limit" ? patch.value : sg.hard_limit;
        const problem = limitsProblem(soft ?? 1, hard ?? Number(soft ?? 1));
        if (problem) return patchError(sg, patch, Code.Invalid, problem);
        sg[patch.prop] = patch.value;
        break;
      }
      case "autokill": {
        const wrong = opProblem(sg, patch, ["set"]);
        if (wrong) return wrong;
        const t = (patch.value as { time_ms?: unknown } | undefined)?.time_ms;
        if (t !== undefined && !(Number.isInteger(t) && Number(t) >= 0)) return patchError(sg, patch, Code.Invalid, "autokill.time_ms must be a non-negative integer");
        sg.autokill = patch.value;
        break;
      }
      default:
        return patchError(sg, patch, Code.Invalid, `Unknown property '${patch.prop}'`);
    }
    sim.changed();
    return patched(sg, patch);
  }

  function remove(req: SimRequest, refs: { uuid?: string; name?: string }[]) {
    return answer(
      "service_groups",
      perRef(sim, req, "service group", groups(), refs, (sg) => {
        const users = members(sim, sg);
        if (users.length) return itemError({ uuid: sg.uuid, name: sg.name }, Code.Attached, `Service group is used by instance '${users[0]!.name}'`);
        groups().delete(sg.uuid);
        sim.state.autoscale.delete(sg.uuid);
        dropAutoCertificates(sim, (sg.domains as StoredDomain[] | undefined) ?? []);
        sim.changed();
        return { status: "success", uuid: sg.uuid, name: sg.name };
      }),
    );
  }

  const refOfItem = (b: Record<string, unknown>) => (typeof b.uuid === "string" ? { uuid: b.uuid.toLowerCase() } : { name: String(b.name) });

  return [
    { method: "GET", path: "/v1/services", handler: (req) => answer("service_groups", listView("service group", groups(), req, (sg) => serviceGroupView(sim, sg))) },
    { method: "POST", path: "/v1/services", handler: create },
    { method: "DELETE", path: "/v1/services", handler: (req) => remove(req, bodyItems(req.body).map(refOfItem)) },
    {
      method: "PATCH",
      path: "/v1/services",
      handler: (req) => {
        const items = bodyItems(req.body);
        return answer("service_groups", perRef(sim, req, "service group", groups(), items.map(refOfItem), (sg, _r, i) => update(sg, readPatch(items[i]!))));
      },
    },
    { method: "GET", path: "/v1/services/{uuid}", handler: (req) => answer("service_groups", perRef(sim, req, "service group", groups(), [pathRef(req)], (sg) => serviceGroupView(sim, sg))) },
    { method: "DELETE", path: "/v1/services/{uuid}", handler: (req) => remove(req, [pathRef(req)]) },
    { method: "PATCH", path: "/v1/services/{uuid}", handler: (req) => answer("service_groups", perRef(sim, req, "service group", groups(), [pathRef(req)], (sg) => update(sg, readPatch((req.body ?? {}) as Record<string, unknown>)))) },
  ];
}
