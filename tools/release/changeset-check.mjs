#!/usr/bin/env node
// `pnpm check:changeset`: a change to the API contract must come with a changeset.
//
// If spec/openapi.yaml or anything under packages/api/src/generated/ differs from the base, and no
// new .changeset/*.md (other than README.md) was added in the same range, this fails and says what
// to do. The base is the merge base of HEAD with origin/main (else main); when there is none, or it
// is HEAD itself (on main), the base is HEAD~1 (the empty tree for a first commit). The range runs
// from the base to the working tree, so uncommitted and untracked files count too.
//
// usage: node tools/release/changeset-check.mjs [--base REF]
// Exit codes: 0 fine, 1 a contract change without a changeset, 2 not a git repository / bad --base.
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

export const WATCHED = [/^spec\/openapi\.yaml$/, /^packages\/api\/src\/generated\//];
const CHANGESET = /^\.changeset\/(?!README\.md$)[^/]+\.md$/;
const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

function git(args, cwd) {
  const result = spawnSync("git", args, { cwd, encoding: "utf8" });
  return { ok: result.status === 0, out: (result.stdout ?? "").trim(), err: (result.stderr ?? "").trim() };
}

/** Picks the commit to compare with and says why. */
export function findBase(cwd, explicit) {
  if (explicit) {
    const base = git(["rev-parse", "--verify", "--quiet", `${explicit}^{commit}`], cwd);
    if (!base.ok) throw new Error(`--base ${explicit} is not a commit`);
    return { sha: base.out, why: `--base ${explicit}` };
  }
  const head = git(["rev-parse", "--verify", "--quiet", "HEAD"], cwd);
  if (!head.ok) return { sha: EMPTY_TREE, why: "no commit yet: the empty tree" };
  for (const ref of ["origin/main", "main"]) {
    if (!git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], cwd).ok) continue;
    const mergeBase = git(["merge-base", "HEAD", ref], cwd);
    if (mergeBase.ok && mergeBase.out !== head.out) return { sha: mergeBase.out, why: `merge base with ${ref}` };
  }
  const parent = git(["rev-parse", "--verify", "--quiet", "HEAD~1"], cwd);
  if (parent.ok) return { sha: parent.out, why: "HEAD~1 (no merge base with main/origin other than HEAD)" };
  return { sha: EMPTY_TREE, why: "the empty tree (HEAD is the first commit)" };
}

/** Files that differ between the base and the working tree, with their status (A, M, D, R...). */
export function changedFiles(cwd, base) {
  const diff = git(["diff", "--name-status", "--no-renames", base], cwd);
  if (!diff.ok) throw new Error(`git diff ${base} failed: ${diff.err}`);
  const files = diff.out
    ? diff.out.split("\n").map((line) => {
        const [status, path] = line.split("\t");
        return { status: status.charAt(0), path };
      })
    : [];
  const untracked = git(["ls-files", "--others", "--exclude-standard"], cwd);
  for (const path of untracked.out ? untracked.out.split("\n") : []) files.push({ status: "A", path });
  return files;
}

export function checkChangeset(cwd = process.cwd(), explicitBase) {
  const top = git(["rev-parse", "--show-toplevel"], cwd);
  if (!top.ok) throw new Error(`${cwd} is not in a git repository`);
  const base = findBase(top.out, explicitBase);
  const files = changedFiles(top.out, base.sha);
  const contract = files.filter((f) => WATCHED.some((re) => re.test(f.path)));
  const changesets = files.filter((f) => f.status === "A" && CHANGESET.test(f.path));
  return { base, contract, changesets, ok: contract.length === 0 || changesets.length > 0 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { base: { type: "string" } } });
  let result;
  try {
    result = checkChangeset(process.cwd(), values.base);
  } catch (error) {
    console.error(`check:changeset: ${error.message}`);
    process.exit(2);
  }
  const { base, contract, changesets, ok } = result;
  const short = base.sha === EMPTY_TREE ? "empty tree" : base.sha.slice(0, 12);
  if (contract.length === 0) {
    console.log(`check:changeset: OK, the API contract did not change since ${short} (${base.why})`);
  } else if (ok) {
    console.log(`check:changeset: OK, the API contract changed since ${short} (${base.why}) and a changeset was added: ${changesets.map((f) => f.path).join(", ")}`);
  } else {
    console.error(
      [
        `check:changeset: the API contract changed since ${short} (${base.why}), but no changeset was added:`,
        ...contract.map((f) => `  ${f.status} ${f.path}`),
        "",
        "Describe the change for the users of the packages: run `pnpm changeset`, pick the packages",
        "(@ukc/api for a spec change, and @ukc/sdk if its behaviour changes), the bump (patch, minor or",
        "major) and a summary, then commit the new .changeset/*.md file with the change.",
      ].join("\n"),
    );
  }
  process.exit(ok ? 0 : 1);
}
