import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

/** README.md and every .md file under docs/, relative to the repository root. */
function docs(dir = join(ROOT, "docs")): string[] {
  const found = readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return docs(p);
    return e.name.endsWith(".md") ? [relative(ROOT, p)] : [];
  });
  return dir === join(ROOT, "docs") ? ["README.md", ...found] : found;
}

/** A target that names a place on the web or in the page, not a file. */
const isExternal = (t: string) => /^([a-z][a-z0-9+.-]*:|#)/i.test(t);

/** Where a path mentioned in `doc` lands, or why it is wrong ("" when it is fine). */
function problem(doc: string, target: string, mustExist: boolean): string {
  const path = target.split("#")[0]!.split("?")[0]!;
  if (path === "") return "";
  if (path.startsWith("/") || path.startsWith("~"))
    return `${target}: an absolute path (outside the repository)`;
  const abs = resolve(ROOT, dirname(doc), decodeURI(path));
  const rel = relative(ROOT, abs);
  if (rel.startsWith("..")) return `${target}: leaves the repository`;
  if (mustExist && !existsSync(abs)) return `${target}: no such file (${rel})`;
  return "";
}

/** The fenced code blocks removed (their lines kept empty, so line numbers stay right). */
const withoutFences = (text: string) =>
  text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ""));

describe("docs link only to files inside the repository", () => {
  for (const doc of docs()) {
    it(`${doc}: every relative link resolves to a file in the repository`, () => {
      const text = withoutFences(readFileSync(join(ROOT, doc), "utf8"));
      const bad: string[] = [];
      const lineOf = (i: number) => text.slice(0, i).split("\n").length;
      for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|^\s*\[[^\]]+\]:\s*(\S+)/gm)) {
        const target = (m[1] ?? m[2])!;
        if (isExternal(target)) continue;
        const p = problem(doc, target, true);
        if (p) bad.push(`${doc}:${lineOf(m.index)}: ${p}`);
      }
      // Paths to documents in code spans or prose: none may point outside the repository (a reader's copy has no
      // such file). Program paths (`/usr/bin/chromium`) and stream names (`fleet/<name>/retry`) are not documents.
      for (const m of text.matchAll(
        /(?<![\w.:/-])((?:\.\.?\/|\/|~\/)[\w.@/-]+\.(?:md|ts|js|json|ya?ml|txt|csv))\b/g,
      )) {
        const p = problem(doc, m[1]!, false);
        if (p) bad.push(`${doc}:${lineOf(m.index)}: ${p}`);
      }
      for (const m of text.matchAll(/\b((?:shared\/)?reference\/[\w-]+\.md)\b/g)) {
        if (!existsSync(resolve(ROOT, dirname(doc), m[1]!)) && !existsSync(resolve(ROOT, m[1]!)))
          bad.push(`${doc}:${lineOf(m.index)}: ${m[1]}: not a file of the repository`);
      }
      expect(bad).toEqual([]);
    });
  }
});
