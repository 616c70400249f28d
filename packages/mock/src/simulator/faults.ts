/**
 * Failure injection: per operation or per resource, an HTTP status (with `Retry-After`), a delay,
 * a connection reset, or a per-item error for a chosen reference, for the next N matching calls.
 */

/** What a fault does to a matching request. */
export type FaultAction =
  | { type: "status"; status: number; message?: string; retryAfterS?: number }
  | { type: "delay"; ms: number }
  | { type: "reset" }
  | { type: "item"; code: number; message?: string };

/** A fault rule. Matching: method and path (a template such as `/v1/instances/{uuid}/log`, or an exact path), and for `item` faults the reference. */
export interface FaultRule {
  /** HTTP method to match; default any. */
  method?: string;
  /** Path template (`{uuid}` matches one segment) or exact path; default any. */
  path?: string;
  /** For `item` faults: the UUID or name of the resource whose item fails. */
  ref?: string;
  /** How many matching calls it applies to; default 1. `Infinity` for all. */
  times?: number;
  action: FaultAction;
}

interface Armed extends FaultRule {
  left: number;
  id: number;
}

/** The set of armed faults. */
export interface Faults {
  add(rule: FaultRule): number;
  clear(): void;
  list(): (FaultRule & { id: number; left: number })[];
  /** The request-level fault (status, delay, reset) for this call, consumed when returned. */
  takeRequest(method: string, path: string): FaultAction | undefined;
  /** The item fault for a reference of this call, consumed when returned. */
  takeItem(method: string, path: string, ref: { uuid?: string; name?: string }): { code: number; message?: string } | undefined;
}

/** Whether a path matches a rule's path: any when unset, a template (`{uuid}` matches one non-empty segment), or exact. */
export function pathMatches(rule: string | undefined, path: string): boolean {
  if (!rule) return true;
  if (!rule.includes("{")) return rule === path;
  const a = rule.split("/");
  const b = path.split("/");
  return a.length === b.length && a.every((seg, i) => (seg.startsWith("{") && seg.endsWith("}") ? b[i] !== "" : seg === b[i]));
}

/** Creates an empty set of faults. */
export function createFaults(): Faults {
  let seq = 0;
  let rules: Armed[] = [];
  const matching = (method: string, path: string) =>
    rules.filter((r) => r.left > 0 && (!r.method || r.method.toUpperCase() === method) && pathMatches(r.path, path));
  const consume = (r: Armed) => {
    r.left--;
    if (r.left <= 0) rules = rules.filter((x) => x !== r);
  };
  return {
    add(rule) {
      const times = rule.times ?? 1;
      if (!(times > 0)) throw new RangeError(`@ukc/mock: a fault's times must be positive, got ${times}`);
      if (rule.action.type === "item" && !rule.ref) throw new Error("@ukc/mock: an item fault needs the ref (UUID or name) whose item fails");
      const armed: Armed = { ...rule, left: times, id: ++seq };
      rules.push(armed);
      return armed.id;
    },
    clear() {
      rules = [];
    },
    list() {
      return rules.map((r) => ({ ...r }));
    },
    takeRequest(method, path) {
      const r = matching(method, path).find((x) => x.action.type !== "item");
      if (!r) return undefined;
      consume(r);
      return r.action;
    },
    takeItem(method, path, ref) {
      const r = matching(method, path).find((x) => x.action.type === "item" && (x.ref === ref.uuid || x.ref === ref.name));
      if (!r || r.action.type !== "item") return undefined;
      consume(r);
      return { code: r.action.code, ...(r.action.message ? { message: r.action.message } : {}) };
    },
  };
}
