#!/usr/bin/env node
// Extracts the vendor's current wire contract from its newest published client
// (`npm pack @unikraft/cloud@<version>`) into spec/contract/vendor.json: every operation's method,
// path, query keys and body type, and every model's fields, types and enums. Facts only: no prose,
// no code of the vendor's is kept.
//
//   node tools/contract/extract.mjs [--version 0.2.0] [--from <unpacked package dir>]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const version = opt("--version", "0.2.0");
let pkgDir = opt("--from");
if (!pkgDir) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ukc-contract-"));
  execFileSync("npm", ["pack", `@unikraft/cloud@${version}`, "--silent"], { cwd: tmp, stdio: ["ignore", "pipe", "inherit"] });
  const tgz = fs.readdirSync(tmp).find((f) => f.endsWith(".tgz"));
  execFileSync("tar", ["xzf", tgz], { cwd: tmp });
  pkgDir = path.join(tmp, "package");
}
const platform = path.join(pkgDir, "dist/esm/api/platform");

/** Reads a type node into a small, prose-free description. */
function typeOf(node) {
  if (!node) return { type: "unknown" };
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword: return { type: "string" };
    case ts.SyntaxKind.NumberKeyword: return { type: "number" };
    case ts.SyntaxKind.BooleanKeyword: return { type: "boolean" };
    case ts.SyntaxKind.UnknownKeyword: case ts.SyntaxKind.AnyKeyword: return { type: "unknown" };
    case ts.SyntaxKind.NullKeyword: return { type: "null" };
    case ts.SyntaxKind.LiteralType:
      if (node.literal.kind === ts.SyntaxKind.StringLiteral) return { const: node.literal.text };
      if (node.literal.kind === ts.SyntaxKind.NumericLiteral) return { const: Number(node.literal.text) };
      if (node.literal.kind === ts.SyntaxKind.NullKeyword) return { type: "null" };
      return { type: "unknown" };
    case ts.SyntaxKind.ArrayType: return { type: "array", items: typeOf(node.elementType) };
    case ts.SyntaxKind.ParenthesizedType: return typeOf(node.type);
    case ts.SyntaxKind.UnionType: {
      const parts = node.types.map(typeOf);
      if (parts.every((p) => "const" in p)) return { enum: parts.map((p) => p.const) };
      return { anyOf: parts };
    }
    case ts.SyntaxKind.TypeReference: {
      const name = node.typeName.getText();
      if (name === "Record" && node.typeArguments?.length === 2) return { type: "map", values: typeOf(node.typeArguments[1]) };
      if (name === "Array" && node.typeArguments?.length === 1) return { type: "array", items: typeOf(node.typeArguments[0]) };
      return { ref: name };
    }
    case ts.SyntaxKind.TypeLiteral: return objectOf(node.members);
    default: return { type: "unknown", text: node.getText() };
  }
}
function objectOf(members) {
  const properties = {};
  let additional;
  for (const m of members) {
    if (ts.isPropertySignature(m)) {
      const key = m.name.getText().replace(/^["']|["']$/g, "");
      properties[key] = { ...typeOf(m.type), ...(m.questionToken ? {} : { required: true }) };
    } else if (ts.isIndexSignatureDeclaration(m)) {
      additional = typeOf(m.type);
    }
  }
  return { type: "object", properties, ...(additional ? { additional } : {}) };
}

const modelsSrc = fs.readFileSync(path.join(platform, "models.gen.d.ts"), "utf8");
const modelsFile = ts.createSourceFile("models.gen.d.ts", modelsSrc, ts.ScriptTarget.Latest, true);
const models = {};
for (const st of modelsFile.statements) {
  if (ts.isInterfaceDeclaration(st)) {
    const obj = objectOf(st.members);
    if (st.heritageClauses) obj.extends = st.heritageClauses.flatMap((h) => h.types.map((t) => t.getText()));
    models[st.name.text] = obj;
  } else if (ts.isTypeAliasDeclaration(st)) {
    models[st.name.text] = typeOf(st.type);
  }
}

// Operations: read each generated API class (method, path, query keys, body) from its .js, and the
// body and response model names from its .d.ts.
const operations = [];
for (const file of fs.readdirSync(platform).filter((f) => f.endsWith(".gen.js")).sort()) {
  const group = file.replace(".gen.js", "");
  if (group === "index" || group === "models") continue;
  const js = ts.createSourceFile(file, fs.readFileSync(path.join(platform, file), "utf8"), ts.ScriptTarget.Latest, true);
  const dtsPath = path.join(platform, file.replace(".js", ".d.ts"));
  const dts = ts.createSourceFile(dtsPath, fs.readFileSync(dtsPath, "utf8"), ts.ScriptTarget.Latest, true);
  const sigs = {};
  ts.forEachChild(dts, function visit(n) {
    if (ts.isMethodDeclaration(n) || ts.isMethodSignature(n)) {
      const ret = n.type?.getText().match(/Promise<models\.(\w+)>/)?.[1];
      let body;
      for (const p of n.parameters) {
        const text = p.type?.getText() ?? "";
        const m = text.match(/body\??:\s*models\.(\w+)(\[\])?/);
        if (m) body = { model: m[1], array: Boolean(m[2]), required: !/body\?:/.test(text) };
      }
      sigs[n.name.getText()] = { response: ret, body };
    }
    ts.forEachChild(n, visit);
  });
  ts.forEachChild(js, function visit(n) {
    if (ts.isMethodDeclaration(n)) {
      const call = n.body?.statements[0];
      const obj = call && ts.isReturnStatement(call) && ts.isCallExpression(call.expression) ? call.expression.arguments[0] : undefined;
      if (obj && ts.isObjectLiteralExpression(obj)) {
        const prop = (k) => obj.properties.find((p) => p.name?.getText() === k);
        const method = prop("method").initializer.text;
        const tpl = prop("path").initializer;
        const pathText = ts.isNoSubstitutionTemplateLiteral(tpl)
          ? tpl.text
          : tpl.head.text + tpl.templateSpans.map((s) => `{${s.expression.getText()}}`+ s.literal.text).join("");
        const q = prop("query");
        const query = q ? q.initializer.properties.map((p) => p.name.getText()) : [];
        const name = n.name.getText();
        const sig = sigs[name] ?? {};
        operations.push({
          group, name, method, path: pathText, query,
          ...(prop("body") ? { body: sig.body ?? { model: "unknown" } } : {}),
          ...(sig.response ? { response: sig.response } : {}),
        });
      }
    }
    ts.forEachChild(n, visit);
  });
}

const out = {
  $comment: "Extracted by tools/contract/extract.mjs from the vendor's published client. Facts only (names, methods, paths, query keys, field types, enums); regenerate, never edit by hand.",
  source: `@unikraft/cloud@${version}`,
  operations,
  models,
};
const dest = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../spec/contract/vendor.json");
fs.mkdirSync(path.dirname(dest), { recursive: true });
fs.writeFileSync(dest, JSON.stringify(out, null, 1) + "\n");
console.log(`${operations.length} operations, ${Object.keys(models).length} models -> ${path.relative(process.cwd(), dest)}`);
