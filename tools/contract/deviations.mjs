// The differences between spec/openapi.yaml and the vendor's current contract that are kept on
// purpose. Each remaining difference (tools/contract/diff.mjs) must have an entry in
// spec/contract/deviations.yaml with the reason; an entry that no longer matches a difference is
// stale. `node tools/contract/deviations.mjs` prints the differences that have no entry.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { diff, load } from "./diff.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const deviationsFile = path.join(root, "spec/contract/deviations.yaml");

/**
 * The key of a difference: its kind, where it is (our schema name when the walk reached one, else
 * the operation and the place in it) and the field. One key covers the same difference reached
 * from several operations.
 */
export function keyOf(d) {
  const at = d.spec ?? (d.where ? `${d.op} ${d.where}` : d.op);
  return [d.kind, at, d.field].filter(Boolean).join(" ");
}

/** Remaining differences grouped by key, and the recorded deviations. */
export function check(specFile) {
  const differences = diff(load(specFile));
  const recorded = YAML.parse(fs.readFileSync(deviationsFile, "utf8"))?.deviations ?? [];
  const byKey = new Map();
  for (const d of differences) {
    const k = keyOf(d);
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k).push(d);
  }
  const keys = new Set(recorded.map((r) => r.key));
  return {
    differences,
    recorded,
    unrecorded: [...byKey].filter(([k]) => !keys.has(k)).map(([k, ds]) => ({ key: k, example: ds[0], count: ds.length })),
    stale: recorded.filter((r) => !byKey.has(r.key)),
    withoutReason: recorded.filter((r) => typeof r.reason !== "string" || r.reason.trim().length < 10),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--spec");
  const r = check(i >= 0 ? path.resolve(process.argv[i + 1]) : undefined);
  for (const u of r.unrecorded) console.log(`- key: ${JSON.stringify(u.key)}\n  # ${u.count}x, e.g. ${JSON.stringify(u.example)}\n  reason: `);
  for (const s of r.stale) console.error(`stale: ${s.key}`);
  console.error(`${r.differences.length} differences, ${r.unrecorded.length} keys unrecorded, ${r.stale.length} stale entries`);
}
