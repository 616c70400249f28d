/**
 * Autoscale: one configuration per service group (create in a batch or by the group's UUID;
 * `create_args` is `{ template }` — an existing instance template — or `{ roms }`; sizes within
 * 0..16, min ≤ max; a second create answers 23), get/list (a group without configuration answers
 * envelope status `unconfigured`, its item `enabled: false`), delete, and the configuration's
 * policies (create, list, get by name, delete by name or by body). No instances are scaled.
 */
import { bodyItems, find, notFound, perRef, type Rec, type Route, type Sim, type SimRequest } from "../core.js";
import { answer, Code, itemError, itemOk, type Item, type SimResponse } from "../envelope.js";
import { pathRef, refOf } from "./shared-util.js";

/** Smallest and largest autoscale sizes (the quotas' limits). */
export const AUTOSCALE_LIMITS = { min: 0, max: 16 } as const;
const UNCONFIGURED = "Autoscale is not configured";

type Policy = Record<string, unknown> & { name: string };

function readPolicy(name: unknown, p: Record<string, unknown>): Policy | string {
  if (typeof name !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(name)) return `Invalid policy name '${String(name)}'`;
  const steps = Array.isArray(p.steps) ? (p.steps as Record<string, unknown>[]) : [];
  if (!steps.every((s) => Number.isInteger(s?.adjustment))) return "Every step needs an integer adjustment";
  return { name, enabled: p.enabled ?? true, metric: p.metric ?? "cpu", adjustment_type: p.adjustment_type ?? "change", steps: steps.map((s) => ({ ...s })) };
}

/** The autoscale routes. */
export function autoscaleRoutes(sim: Sim): Route[] {
  const groups = () => sim.state.serviceGroups;
  const configs = () => sim.state.autoscale;

  function create(sg: Rec, b: Record<string, unknown>): Item {
    const ref = { uuid: sg.uuid, name: sg.name };
    if (configs().has(sg.uuid)) return itemError(ref, Code.AlreadyExists, "Autoscale is already configured for this service group");
    const min = b.min_size ?? 0;
    const max = b.max_size ?? Math.max(1, Number(min));
    if (!Number.isInteger(min) || !Number.isInteger(max) || Number(min) < AUTOSCALE_LIMITS.min || Number(max) > AUTOSCALE_LIMITS.max || Number(min) > Number(max)) return itemError(ref, Code.Invalid, `Invalid sizes: need ${AUTOSCALE_LIMITS.min} ≤ min_size ≤ max_size ≤ ${AUTOSCALE_LIMITS.max}`);
    for (const k of ["warmup_time_ms", "cooldown_time_ms"]) if (b[k] !== undefined && !(Number.isInteger(b[k]) && Number(b[k]) >= 0)) return itemError(ref, Code.Invalid, `Invalid ${k}`);
    const args = (b.create_args ?? {}) as Record<string, unknown>;
    let template: { uuid: string; name: string } | undefined;
    if (args.template !== undefined) {
      const tref = refOf(args.template) ?? {};
      const tpl = find(sim.state.templates, tref);
      if (!tpl) return { ...notFound("template", tref), ...ref };
      template = { uuid: tpl.uuid, name: tpl.name };
    } else if (args.roms === undefined) return itemError(ref, Code.Invalid, "create_args needs a template or roms");
    const policies: Policy[] = [];
    for (const p of Array.isArray(b.policies) ? (b.policies as Record<string, unknown>[]) : []) {
      const policy = readPolicy(p?.name, p ?? {});
      if (typeof policy === "string") return itemError(ref, Code.Invalid, policy);
      if (policies.some((x) => x.name === policy.name)) return itemError(ref, Code.Invalid, `Policy '${policy.name}' is given twice`);
      policies.push(policy);
    }
    configs().set(sg.uuid, {
      uuid: sg.uuid,
      name: sg.name,
      created_at: sim.iso(),
      enabled: true,
      min_size: min,
      max_size: max,
      warmup_time_ms: b.warmup_time_ms ?? 1000,
      cooldown_time_ms: b.cooldown_time_ms ?? 1000,
      ...(template ? { _template: template } : { _roms: structuredClone(args.roms) }),
      policies,
    });
    sim.changed();
    return itemOk(ref);
  }

  function view(sg: Rec): Item {
    const c = configs().get(sg.uuid);
    if (!c) return itemOk({ uuid: sg.uuid, name: sg.name, enabled: false, message: UNCONFIGURED });
    const out: Record<string, unknown> = { uuid: sg.uuid, name: sg.name };
    for (const k of ["enabled", "min_size", "max_size", "warmup_time_ms", "cooldown_time_ms"]) out[k] = c[k];
    if (c._template) out.template = c._template;
    out.policies = c.policies;
    return itemOk(out);
  }

  /** Answers configurations; when every item is a group without configuration, the envelope says `unconfigured`. */
  function configAnswer(items: Item[]): SimResponse {
    const r = answer("service_groups", items);
    if (items.length && items.every((i) => i.status === "success" && i.message === UNCONFIGURED)) {
      const body = r.body as Record<string, unknown>;
      return { ...r, body: { ...body, status: "unconfigured", message: UNCONFIGURED } };
    }
    return r;
  }

  function remove(req: SimRequest, refs: { uuid?: string; name?: string }[]) {
    return answer(
      "service_groups",
      perRef(sim, req, "service group", groups(), refs, (sg) => {
        const ref = { uuid: sg.uuid, name: sg.name };
        if (!configs().delete(sg.uuid)) return itemError(ref, Code.NotFound, `${UNCONFIGURED} for service group '${sg.name}'`);
        sim.changed();
        return itemOk(ref);
      }),
    );
  }

  /** Runs `fn` with the configuration of the path's service group, or answers the policy-shaped error. */
  function withConfig(req: SimRequest, fn: (c: Rec, sg: Rec) => Item): SimResponse {
    const ref = pathRef(req);
    const sg = groups().get(ref.uuid);
    if (!sg) return answer("policies", [{ status: "error", error: Code.NotFound, message: `No service group with UUID '${ref.uuid}'` }]);
    const fault = sim.itemFault(req, { uuid: sg.uuid, name: sg.name });
    if (fault) return answer("policies", [{ status: "error", error: fault.error, message: fault.message }]);
    const c = configs().get(sg.uuid);
    if (!c) return answer("policies", [{ status: "error", error: Code.NotFound, message: `${UNCONFIGURED} for service group '${sg.name}'` }]);
    return answer("policies", [fn(c, sg)]);
  }

  function deletePolicy(req: SimRequest, name: unknown) {
    return withConfig(req, (c) => {
      const policies = c.policies as Policy[];
      const at = policies.findIndex((p) => p.name === name);
      if (at < 0) return { status: "error", name: String(name), error: Code.NotFound, message: `No policy with name '${String(name)}'` };
      policies.splice(at, 1);
      sim.changed();
      return itemOk({ name: String(name) });
    });
  }

  const refOfItem = (b: Record<string, unknown>) => (typeof b.uuid === "string" ? { uuid: b.uuid.toLowerCase() } : { name: String(b.name) });

  return [
    {
      method: "GET",
      path: "/v1/services/autoscale",
      handler: (req) => {
        const refs = [...req.query.getAll("uuid").map((uuid) => ({ uuid: uuid.toLowerCase() })), ...req.query.getAll("name").map((name) => ({ name }))];
        if (refs.length) return configAnswer(perRef(sim, req, "service group", groups(), refs, view));
        const all = [...configs().values()].sort((a, b) => a.created_at.localeCompare(b.created_at)).map((c) => groups().get(c.uuid)).filter((g): g is Rec => !!g);
        return answer("service_groups", all.map(view));
      },
    },
    {
      method: "POST",
      path: "/v1/services/autoscale",
      handler: (req) => {
        const items = bodyItems(req.body);
        return answer("service_groups", perRef(sim, req, "service group", groups(), items.map(refOfItem), (sg, _r, i) => create(sg, items[i]!)));
      },
    },
    { method: "DELETE", path: "/v1/services/autoscale", handler: (req) => remove(req, bodyItems(req.body).map(refOfItem)) },
    { method: "GET", path: "/v1/services/{uuid}/autoscale", handler: (req) => configAnswer(perRef(sim, req, "service group", groups(), [pathRef(req)], view)) },
    {
      method: "POST",
      path: "/v1/services/{uuid}/autoscale",
      handler: (req) => {
        const b = (req.body ?? {}) as Record<string, unknown>;
        const ref = pathRef(req);
        if (typeof b.uuid === "string" && b.uuid.toLowerCase() !== ref.uuid) return answer("service_groups", [itemError(ref, Code.Invalid, "The body's uuid differs from the path's")]);
        return answer("service_groups", perRef(sim, req, "service group", groups(), [ref], (sg) => create(sg, b)));
      },
    },
    { method: "DELETE", path: "/v1/services/{uuid}/autoscale", handler: (req) => remove(req, [pathRef(req)]) },
    {
      method: "GET",
      path: "/v1/services/{uuid}/autoscale/policies",
      handler: (req) => {
        const ref = pathRef(req);
        const c = groups().has(ref.uuid) ? configs().get(ref.uuid) : undefined;
        if (c) return answer("policies", (c.policies as Policy[]).map((policy) => itemOk({ policy })));
        return withConfig(req, () => itemOk({}));
      },
    },
    {
      method: "POST",
      path: "/v1/services/{uuid}/autoscale/policies",
      handler: (req) =>
        withConfig(req, (c, sg) => {
          const b = (req.body ?? {}) as Record<string, unknown>;
          const ref = { uuid: sg.uuid, name: String(b.name) };
          const policy = readPolicy(b.name, (b.type ?? {}) as Record<string, unknown>);
          if (typeof policy === "string") return itemError(ref, Code.Invalid, policy);
          const policies = c.policies as Policy[];
          if (policies.some((p) => p.name === policy.name)) return itemError(ref, Code.AlreadyExists, `Policy '${policy.name}' already exists`);
          policies.push(policy);
          sim.changed();
          return itemOk(ref);
        }),
    },
    { method: "DELETE", path: "/v1/services/{uuid}/autoscale/policies", handler: (req) => deletePolicy(req, ((req.body ?? {}) as Record<string, unknown>).name) },
    {
      method: "GET",
      path: "/v1/services/{uuid}/autoscale/policies/{name}",
      handler: (req) =>
        withConfig(req, (c) => {
          const policy = (c.policies as Policy[]).find((p) => p.name === req.params.name);
          return policy ? itemOk({ policy }) : { status: "error", error: Code.NotFound, message: `No policy with name '${req.params.name}'` };
        }),
    },
    { method: "DELETE", path: "/v1/services/{uuid}/autoscale/policies/{name}", handler: (req) => deletePolicy(req, req.params.name) },
  ];
}
