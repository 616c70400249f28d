// tools/release/changeset-check.mjs on temporary git repositories.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect, test } from "vitest";

const script = fileURLToPath(new URL("./changeset-check.mjs", import.meta.url));
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@example.test",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@example.test",
  GIT_CONFIG_NOSYSTEM: "1",
  HOME: tmpdir(),
};
const repos = [];
afterEach(() => {
  for (const dir of repos.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function git(repo, ...args) {
  const result = spawnSync("git", args, { cwd: repo, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}
function write(repo, path, content) {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), content);
}
function commit(repo, message, files) {
  for (const [path, content] of Object.entries(files)) write(repo, path, content);
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", message);
}
function check(repo, ...args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: repo, env, encoding: "utf8" });
  return { code: result.status, out: result.stdout + result.stderr };
}
/** A repository on main with the spec, generated code and the changeset folder. */
function repo() {
  const dir = mkdtempSync(join(tmpdir(), "ukc-changeset-check-"));
  repos.push(dir);
  git(dir, "init", "-q", "-b", "main");
  commit(dir, "init", {
    "spec/openapi.yaml": "openapi: 3.1.0\n",
    "packages/api/src/generated/schema.ts": "export {};\n",
    ".changeset/README.md": "# Changesets\n",
    ".changeset/config.json": "{}\n",
    "README.md": "hi\n",
  });
  commit(dir, "second", { "README.md": "hello\n" });
  return dir;
}

test("a branch that changes the spec without a changeset fails with a clear message", () => {
  const dir = repo();
  git(dir, "checkout", "-q", "-b", "feature");
  commit(dir, "spec", { "spec/openapi.yaml": "openapi: 3.1.0\npaths: {}\n" });
  commit(dir, "unrelated", { "README.md": "again\n" });
  const result = check(dir);
  expect(result.code).toBe(1);
  expect(result.out).toContain("the API contract changed since");
  expect(result.out).toContain("merge base with main");
  expect(result.out).toContain("M spec/openapi.yaml");
  expect(result.out).toContain("pnpm changeset");
});

test("the same branch passes once a changeset is added in the range", () => {
  const dir = repo();
  git(dir, "checkout", "-q", "-b", "feature");
  commit(dir, "spec", { "spec/openapi.yaml": "openapi: 3.1.0\npaths: {}\n" });
  commit(dir, "changeset", { ".changeset/brave-cats-sing.md": '---\n"@ukc/api": minor\n---\n\nAdd paths.\n' });
  const result = check(dir);
  expect(result.code).toBe(0);
  expect(result.out).toContain("a changeset was added: .changeset/brave-cats-sing.md");
});

test("a change to packages/api/src/generated needs a changeset too", () => {
  const dir = repo();
  git(dir, "checkout", "-q", "-b", "feature");
  commit(dir, "gen", { "packages/api/src/generated/aliases.ts": "export type A = 1;\n" });
  const result = check(dir);
  expect(result.code).toBe(1);
  expect(result.out).toContain("A packages/api/src/generated/aliases.ts");
});

test("changes elsewhere need no changeset", () => {
  const dir = repo();
  git(dir, "checkout", "-q", "-b", "feature");
  commit(dir, "docs", { "README.md": "docs\n", "packages/api/src/client.ts": "export {};\n" });
  const result = check(dir);
  expect(result.code).toBe(0);
  expect(result.out).toContain("the API contract did not change");
});

test("a changeset that already existed at the base, or .changeset/README.md, does not count", () => {
  const dir = repo();
  commit(dir, "old changeset on main", { ".changeset/old-one.md": '---\n"@ukc/api": patch\n---\n\nOld.\n' });
  git(dir, "checkout", "-q", "-b", "feature");
  commit(dir, "spec and readme", { "spec/openapi.yaml": "openapi: 3.1.0\nx: 1\n", ".changeset/README.md": "# edited\n" });
  const result = check(dir);
  expect(result.code).toBe(1);
  expect(result.out).not.toContain("a changeset was added");
});

test("on main without a remote, the base is HEAD~1", () => {
  const dir = repo();
  commit(dir, "spec on main", { "spec/openapi.yaml": "openapi: 3.1.0\ny: 2\n" });
  const failing = check(dir);
  expect(failing.code).toBe(1);
  expect(failing.out).toContain("HEAD~1");

  commit(dir, "spec and changeset on main", {
    "spec/openapi.yaml": "openapi: 3.1.0\ny: 3\n",
    ".changeset/calm-dogs-run.md": '---\n"@ukc/api": patch\n---\n\nFix.\n',
  });
  const passing = check(dir);
  expect(passing.code).toBe(0);
  expect(passing.out).toContain("HEAD~1");
});

test("origin/main is the base when it exists", () => {
  const dir = repo();
  const remoteBase = git(dir, "rev-parse", "HEAD~1");
  git(dir, "update-ref", "refs/remotes/origin/main", remoteBase);
  // Local main is ahead of origin/main with a spec change and no changeset: checked against origin/main.
  commit(dir, "spec", { "spec/openapi.yaml": "openapi: 3.1.0\nz: 1\n" });
  const result = check(dir);
  expect(result.code).toBe(1);
  expect(result.out).toContain(`since ${remoteBase.slice(0, 12)} (merge base with origin/main)`);
});

test("uncommitted changes count: a modified spec fails until an untracked changeset exists", () => {
  const dir = repo();
  git(dir, "checkout", "-q", "-b", "feature");
  write(dir, "spec/openapi.yaml", "openapi: 3.1.0\nwip: true\n");
  expect(check(dir).code).toBe(1);
  write(dir, ".changeset/wip.md", '---\n"@ukc/api": minor\n---\n\nWIP.\n');
  expect(check(dir).code).toBe(0);
});

test("the first commit of a repository is compared with the empty tree", () => {
  const dir = mkdtempSync(join(tmpdir(), "ukc-changeset-check-"));
  repos.push(dir);
  git(dir, "init", "-q", "-b", "main");
  commit(dir, "init", { "spec/openapi.yaml": "openapi: 3.1.0\n" });
  const result = check(dir);
  expect(result.code).toBe(1);
  expect(result.out).toContain("empty tree");
  expect(result.out).toContain("A spec/openapi.yaml");
});

test("--base with a ref that is not a commit, or a directory outside git, exits 2", () => {
  const dir = repo();
  const bad = check(dir, "--base", "no-such-ref");
  expect(bad.code).toBe(2);
  expect(bad.out).toContain("--base no-such-ref is not a commit");
  const outside = mkdtempSync(join(tmpdir(), "ukc-not-git-"));
  repos.push(outside);
  const result = spawnSync(process.execPath, [script], { cwd: outside, env: { ...env, GIT_CEILING_DIRECTORIES: tmpdir() }, encoding: "utf8" });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain("is not in a git repository");
});

test("--base picks the comparison explicitly", () => {
  const dir = repo();
  const first = git(dir, "rev-parse", "HEAD~1");
  commit(dir, "spec with changeset", {
    "spec/openapi.yaml": "openapi: 3.1.0\nq: 1\n",
    ".changeset/a.md": '---\n"@ukc/api": patch\n---\n\nA.\n',
  });
  commit(dir, "spec again", { "spec/openapi.yaml": "openapi: 3.1.0\nq: 2\n" });
  expect(check(dir).code).toBe(1); // HEAD~1: the last commit alone has no changeset
  const result = check(dir, "--base", first);
  expect(result.code).toBe(0);
  expect(result.out).toContain(`--base ${first}`);
});
