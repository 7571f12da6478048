import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The layers of src/, top to bottom (design.md, "Architecture" and "Round 2"): a file may import its own folder and
 * any folder of a lower tier, never a higher one nor a peer of its own tier. `fluid/` sits beside `model/`; `spec/`
 * (the resolved scenario's types) sits under `metrics/` so both the model and the verdict can read it.
 */
const TIERS: readonly (readonly string[])[] = [
  ["cli"],
  ["web"],
  ["lab"],
  ["experiments"],
  ["report"],
  ["blast"],
  ["scenario"],
  ["model", "fluid"],
  ["metrics"],
  ["spec"],
  ["graph"],
  ["runtime"],
  ["policies"],
  ["engine"],
  ["core"],
];

/** Package entry points: they may import anything, and nothing inside a layer may import them. */
const ENTRY = "(entry)";
const ENTRY_FOLDERS = new Set(["entries"]);

const SRC = resolve(import.meta.dirname, "../src");

/** Tier of a layer (0 = top), or undefined for an unknown folder. */
function tierOf(layer: string): number | undefined {
  const i = TIERS.findIndex((tier) => tier.includes(layer));
  return i < 0 ? undefined : i;
}

/** The layer a path under src/ belongs to: its first folder, or ENTRY for src/index.ts and entries/. */
function layerOf(absPath: string): string | undefined {
  const rel = relative(SRC, absPath);
  if (rel.startsWith("..")) return undefined;
  const parts = rel.split(/[\\/]/);
  if (parts.length === 1) return ENTRY;
  const top = parts[0]!;
  return ENTRY_FOLDERS.has(top) ? ENTRY : top;
}

/** One module specifier found in a file, with its 1-based line. */
interface ImportSite {
  specifier: string;
  line: number;
  text: string;
}

/**
 * Every module specifier a file names: `import`, `import type`, `export ... from`, `import x = require()`,
 * dynamic `import()` and `import("...").T` type queries.
 */
function importsOf(fileName: string, source: string): ImportSite[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const sites: ImportSite[] = [];
  const add = (literal: ts.Node, statement: ts.Node): void => {
    if (!ts.isStringLiteralLike(literal)) return;
    const line = sf.getLineAndCharacterOfPosition(statement.getStart(sf)).line + 1;
    const text = statement.getText(sf).split("\n")[0]!.trim();
    sites.push({ specifier: literal.text, line, text });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node.moduleSpecifier, node);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg) add(arg, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return sites;
}

/** Non-test .ts files under a folder, recursively. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

/** Why `from` may not import `to`, or null when it may. */
function violation(from: string, to: string): string | null {
  if (from === ENTRY || from === to) return null;
  if (to === ENTRY) return "imports a package entry point";
  const a = tierOf(from);
  const b = tierOf(to);
  if (a === undefined || b === undefined) return null; // reported by the folder test
  if (b < a) return `${from}/ imports ${to}/, a higher layer`;
  if (b === a) return `${from}/ imports ${to}/, a peer layer`;
  return null;
}

/** Every upward (or sideways) relative import under src/, one line each: `file:line: reason: import`. */
function layerViolations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = layerOf(file);
    if (from === undefined) continue;
    for (const site of importsOf(file, readFileSync(file, "utf8"))) {
      if (!site.specifier.startsWith(".")) continue;
      const to = layerOf(resolve(dirname(file), site.specifier));
      if (to === undefined) continue;
      const why = violation(from, to);
      if (why) found.push(`src/${relative(SRC, file)}:${site.line}: ${why}: ${site.text}`);
    }
  }
  return found;
}

describe("layers", () => {
  it("finds every kind of import, with its line", () => {
    const text = [
      'import { a } from "./a.js";',
      'import type { B } from "../b/B.js";',
      "import {",
      "  c,",
      '} from "./c.js";',
      'export { d } from "./d.js";',
      'export type * from "./e.js";',
      'import f = require("./f.js");',
      'const g = await import("./g.js");',
      'let h: import("./h.js").H;',
      'export const i = 1; import "./side.js";',
    ].join("\n");
    expect(importsOf("x.ts", text).map((s) => `${s.line} ${s.specifier}`)).toEqual([
      "1 ./a.js",
      "2 ../b/B.js",
      "3 ./c.js",
      "6 ./d.js",
      "7 ./e.js",
      "8 ./f.js",
      "9 ./g.js",
      "10 ./h.js",
      "11 ./side.js",
    ]);
  });

  it("knows the order", () => {
    expect(violation("model", "scenario")).toMatch(/higher layer/);
    expect(violation("scenario", "model")).toBeNull();
    expect(violation("model", "fluid")).toMatch(/peer/);
    expect(violation("metrics", "spec")).toBeNull();
    expect(violation("spec", "metrics")).toMatch(/higher layer/);
    expect(violation(ENTRY, "cli")).toBeNull();
    expect(violation("core", ENTRY)).toMatch(/entry point/);
  });

  it("places every folder of src/ in a layer", () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !ENTRY_FOLDERS.has(e.name))
      .map((e) => e.name);
    expect(folders.filter((f) => tierOf(f) === undefined)).toEqual([]);
  });

  it("has no import from a higher layer", () => {
    expect(layerViolations()).toEqual([]);
  });
});
