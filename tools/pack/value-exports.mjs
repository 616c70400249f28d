// Checks that what a package's declarations export as values exists in its built JavaScript: for each
// entry of the exports map (ESM "import" and CJS "require"), the names that the declaration file
// exports as values (found with the TypeScript compiler: a Program, its TypeChecker and
// SymbolFlags.Value; type-only exports do not count) must be exports of the module that import()
// (ESM) or require() (CJS) loads. A name the types promise and the build lacks type-checks in a
// user's project and then fails at run time (e.g. `export *` of another package in the d.ts only).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

const LOADERS = { import: ["import", "node", "default"], require: ["require", "node", "default"] };
const DECLARATION = /\.d\.(c|m)?ts$/;
const SCRIPT = /\.(c|m)?js$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// "cannot be used as a value because it was imported / exported using 'import type' / 'export type'",
// "only refers to a type, but is being used as a value here".
const NOT_A_VALUE = new Set([1361, 1362, 2693]);

/** Resolves an exports-map target for a list of conditions, in the map's key order, as Node does. */
function resolveTarget(target, conditions) {
  if (typeof target === "string") return target;
  if (Array.isArray(target)) {
    for (const item of target) {
      const found = resolveTarget(item, conditions);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (target && typeof target === "object") {
    for (const [key, value] of Object.entries(target)) {
      if (!conditions.includes(key)) continue;
      const found = resolveTarget(value, conditions);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * The module entry points of a package.json: for each subpath of `exports` (no patterns) and each
 * loader, the declaration file and the JavaScript file it resolves to. Data files are left out.
 *
 * @returns {{ subpath: string, loader: "import" | "require", types: string, js: string }[]}
 */
export function declarationEntries(pkg) {
  let map = pkg.exports;
  if (typeof map === "string" || Array.isArray(map) || (map && !Object.keys(map).some((key) => key.startsWith(".")))) map = { ".": map };
  if (!map) return [];
  const entries = [];
  for (const [subpath, target] of Object.entries(map)) {
    if (!subpath.startsWith(".") || subpath.includes("*")) continue;
    for (const [loader, conditions] of Object.entries(LOADERS)) {
      const types = resolveTarget(target, ["types", ...conditions]);
      const js = resolveTarget(target, conditions);
      if (typeof types === "string" && DECLARATION.test(types) && typeof js === "string" && SCRIPT.test(js)) {
        entries.push({ subpath, loader, types, js });
      }
    }
  }
  return entries;
}

const compilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

// TypeScript's own lib files do not change: parsed once for every entry checked in this process.
const libDir = dirname(ts.getDefaultLibFilePath(compilerOptions));
const libFiles = new Map();

/** Whether an alias (export/import specifier) or any alias it points through is type-only. */
function typeOnlyAlias(checker, symbol) {
  for (let current = symbol, seen = 0; current && current.flags & ts.SymbolFlags.Alias && seen < 100; seen++) {
    if (current.declarations?.some((declaration) => ts.isTypeOnlyImportOrExportDeclaration(declaration))) return true;
    const next = checker.getImmediateAliasedSymbol(current);
    if (!next || next === current) break;
    current = next;
  }
  return false;
}

/**
 * The names that a declaration file exports as values, as its importers see it.
 *
 * @returns {{ values: string[], unresolved: string[] }}
 */
export function declaredValueExports(declarationFile) {
  const file = resolve(declarationFile);
  // One cache of parsed (and bound) files for the two programs below.
  const host = ts.createCompilerHost(compilerOptions, true);
  const parsed = new Map();
  const virtual = new Map();
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, ...rest) => {
    if (virtual.has(name)) return ts.createSourceFile(name, virtual.get(name), languageVersion, true);
    const cache = name.startsWith(libDir) ? libFiles : parsed;
    if (!cache.has(name)) cache.set(name, getSourceFile(name, languageVersion, ...rest));
    return cache.get(name);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);

  const program = ts.createProgram([file], compilerOptions, host);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${declarationFile} could not be read`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return { values: [], unresolved: [] }; // not a module: it exports nothing
  const candidates = [];
  const unresolved = [];
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (!target.declarations?.length) {
      unresolved.push(symbol.name);
      continue;
    }
    if (!(target.flags & ts.SymbolFlags.Value)) continue;
    // An ambient const enum is inlined by TypeScript (and refused under isolatedModules): nothing at run time.
    if ((target.flags & ts.SymbolFlags.Value) === ts.SymbolFlags.ConstEnum) continue;
    if (typeOnlyAlias(checker, symbol)) continue;
    candidates.push(symbol.name);
  }

  // What the checker says about a symbol does not show a re-export through `export type * from`:
  // import each candidate by name, use it as a value, and drop what the compiler refuses as a value.
  const probeable = candidates.filter((name) => IDENTIFIER.test(name));
  const notValues = new Set();
  if (probeable.length > 0) {
    const cjs = /\.d\.cts$/.test(file);
    const probe = join(dirname(file), `__value_exports_probe__.${cjs ? "cts" : "mts"}`);
    const specifier = `./${basename(file).replace(DECLARATION, (ext) => (ext === ".d.cts" ? ".cjs" : ext === ".d.mts" ? ".mjs" : ".js"))}`;
    const lines = [
      `import { ${probeable.map((name, i) => `${name} as __v${i}`).join(", ")} } from ${JSON.stringify(specifier)};`,
      ...probeable.map((_, i) => `__v${i};`),
    ];
    virtual.set(probe, `${lines.join("\n")}\n`);
    const probeProgram = ts.createProgram([probe], compilerOptions, host);
    const probeSource = probeProgram.getSourceFile(probe);
    for (const diagnostic of probeProgram.getSemanticDiagnostics(probeSource)) {
      if (!NOT_A_VALUE.has(diagnostic.code) || diagnostic.start === undefined) continue;
      const line = probeSource.getLineAndCharacterOfPosition(diagnostic.start).line;
      if (line >= 1) notValues.add(probeable[line - 1]);
    }
  }
  return { values: candidates.filter((name) => !notValues.has(name)).sort(), unresolved: unresolved.sort() };
}

/** The names a built module exports at run time, loaded the way its users load it. */
async function runtimeExports(file, loader) {
  if (loader === "import") return new Set(Object.keys(await import(pathToFileURL(file).href)));
  const loaded = createRequire(file)(file);
  if (loaded === null || (typeof loaded !== "object" && typeof loaded !== "function")) return new Set();
  const names = new Set();
  for (let object = loaded; object && object !== Object.prototype && object !== Function.prototype; object = Object.getPrototypeOf(object)) {
    for (const name of Object.getOwnPropertyNames(object)) names.add(name);
  }
  return names;
}

/**
 * Checks every declaration entry of a package (see declarationEntries) against its build.
 *
 * @returns {Promise<{ entries: { subpath: string, loader: string, types: string, js: string, values: string[], missing: string[] }[], problems: string[] }>}
 */
export async function valueExportProblems(dir, pkg) {
  const name = pkg.name ?? basename(dir);
  const entries = [];
  const problems = [];
  for (const entry of declarationEntries(pkg)) {
    const where = `${name} exports["${entry.subpath}"].${entry.loader}`;
    const types = join(dir, entry.types);
    const js = join(dir, entry.js);
    if (!existsSync(types) || !existsSync(js)) {
      problems.push(`${where}: ${[types, js].filter((f) => !existsSync(f)).map((f) => f.slice(dir.length + 1)).join(" and ")} not found (build first)`);
      continue;
    }
    let declared;
    try {
      declared = declaredValueExports(types);
    } catch (error) {
      problems.push(`${where}: could not read the exports of ${entry.types}: ${error.message}`);
      continue;
    }
    if (declared.unresolved.length > 0) {
      problems.push(`${where}: ${entry.types} exports names that do not resolve to a declaration: ${declared.unresolved.join(", ")}`);
    }
    let present;
    try {
      present = await runtimeExports(js, entry.loader);
    } catch (error) {
      problems.push(`${where}: ${entry.loader === "import" ? "import()" : "require()"} of ${entry.js} failed: ${error.message}`);
      continue;
    }
    const missing = declared.values.filter((value) => !present.has(value));
    entries.push({ ...entry, values: declared.values, missing });
    if (missing.length > 0) {
      problems.push(
        `${where}: ${entry.types} declares ${missing.length} value export(s) that ${entry.loader === "import" ? "import()" : "require()"} of ${entry.js} does not have: ${missing.join(", ")}`,
      );
    }
  }
  return { entries, problems };
}
