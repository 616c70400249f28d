/**
 * The `prop`/`op`/`value` updates of instances, templates and checkpoints. Configuration that the
 * running VM depends on (image, memory, vCPUs, arguments, environment, ROMs, …) needs a stopped
 * instance (error 11 otherwise); tags, deletion protection, scale-to-zero, autokill, schedules
 * and annotations can change at any time.
 */
import type { Rec } from "../core.js";
import { Code, type Item } from "../envelope.js";
import { applyStrings, opProblem, patched, patchError, type Patch } from "./shared-util.js";

/** Props whose change needs a stopped instance. */
const NEEDS_STOPPED = new Set(["image", "memory_mb", "vcpus", "args", "env", "roms", "plugins", "hostname", "dependencies"]);

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** Applies set/add/del on a string map (`env`, `annotations`). */
function applyMap(rec: Rec, key: string, patch: Patch): string | undefined {
  const cur = isObject(rec[key]) ? { ...(rec[key] as Record<string, string>) } : {};
  if (patch.op === "del") {
    const names = typeof patch.value === "string" ? [patch.value] : Array.isArray(patch.value) ? patch.value : isObject(patch.value) ? Object.keys(patch.value) : undefined;
    if (!names || !names.every((n) => typeof n === "string")) return "value must be a name or a list of names";
    for (const n of names as string[]) delete cur[n];
    rec[key] = cur;
    return undefined;
  }
  if (!isObject(patch.value) || !Object.values(patch.value).every((v) => typeof v === "string")) return "value must be an object of strings";
  rec[key] = patch.op === "set" ? { ...(patch.value as Record<string, string>) } : { ...cur, ...(patch.value as Record<string, string>) };
  return undefined;
}

/** Applies set/add/del on a list of objects (`schedules`, `roms`, `plugins`, `dependencies`). */
function applyList(rec: Rec, key: string, patch: Patch): string | undefined {
  const list = Array.isArray(patch.value) ? patch.value : patch.value === undefined ? [] : [patch.value];
  const cur = Array.isArray(rec[key]) ? (rec[key] as unknown[]) : [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b) || (isObject(a) && isObject(b) && a.name !== undefined && a.name === b.name);
  if (patch.op === "set") rec[key] = structuredClone(list);
  else if (patch.op === "add") rec[key] = [...cur, ...structuredClone(list)];
  else rec[key] = cur.filter((c) => !list.some((l) => same(c, l)));
  return undefined;
}

/** Applies one update to an instance-like record; `allowed` limits the props (templates and checkpoints). */
export function applyUpdate(rec: Rec, patch: Patch, allowed?: readonly string[]): Item {
  const err = (code: number, message: string) => patchError(rec, patch, code, message);
  if (allowed && !allowed.includes(patch.prop)) return err(Code.Invalid, `Property '${patch.prop}' cannot be updated here`);
  if (!["set", "add", "del"].includes(patch.op)) return err(Code.Invalid, `Unknown op '${patch.op}'`);
  if (NEEDS_STOPPED.has(patch.prop) && rec.state !== "stopped" && rec.state !== "template" && rec.state !== "checkpoint") return err(Code.WrongState, `Instance must be stopped to update '${patch.prop}' (it is ${String(rec.state)})`);
  const v = patch.value;
  let problem: string | undefined;
  switch (patch.prop) {
    case "memory_mb":
    case "vcpus": {
      const bad = opProblem(rec, patch, ["set"]);
      if (bad) return bad;
      const min = patch.prop === "memory_mb" ? 16 : 1;
      if (typeof v !== "number" || !Number.isInteger(v) || v < min) return err(Code.Invalid, `value must be an integer of at least ${min}`);
      rec[patch.prop] = v;
      break;
    }
    case "image":
    case "hostname":
    case "sched_priority": {
      const bad = opProblem(rec, patch, ["set"]);
      if (bad) return bad;
      if (typeof v !== "string" || !v) return err(Code.Invalid, "value must be a string");
      rec[patch.prop] = v;
      break;
    }
    case "delete_lock": {
      if (patch.op === "del") rec.delete_lock = false;
      else if (patch.op === "set" && typeof v === "boolean") rec.delete_lock = v;
      else return err(Code.Invalid, "delete_lock takes set with a boolean");
      break;
    }
    case "tags": {
      const r = applyStrings(rec.tags as string[] | undefined, patch.op, v);
      if (typeof r === "string") return err(Code.Invalid, r);
      rec.tags = r;
      break;
    }
    case "args": {
      // Arguments keep their order and repeats.
      const list = Array.isArray(v) ? v : [v];
      if (!list.every((a) => typeof a === "string")) return err(Code.Invalid, "value must be a string or a list of strings");
      const cur = (rec.args as string[] | undefined) ?? [];
      rec.args = patch.op === "set" ? [...list] : patch.op === "add" ? [...cur, ...list] : cur.filter((a) => !list.includes(a));
      break;
    }
    case "env":
    case "annotations":
      problem = applyMap(rec, patch.prop, patch);
      break;
    case "scale_to_zero":
    case "autokill": {
      const key = patch.prop === "autokill" ? (rec.state === "template" ? "template_autokill" : rec.state === "checkpoint" ? "checkpoint_autokill" : "autokill") : "scale_to_zero";
      if (patch.op === "del") delete rec[key];
      else if (!isObject(v)) return err(Code.Invalid, `${patch.prop} takes an object`);
      else rec[key] = patch.op === "add" && isObject(rec[key]) ? { ...(rec[key] as object), ...v } : { ...v };
      if (key === "scale_to_zero" && isObject(rec[key])) (rec[key] as Record<string, unknown>).enabled = (rec[key] as Record<string, unknown>).policy !== "off";
      break;
    }
    case "schedules":
    case "roms":
    case "plugins":
    case "dependencies":
      problem = applyList(rec, patch.prop, patch);
      break;
    default:
      return err(Code.Invalid, `Unknown property '${patch.prop}'`);
  }
  return problem ? err(Code.Invalid, problem) : patched(rec, patch);
}
