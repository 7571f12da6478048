import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const ENTRY = resolve(ROOT, "src/entries/policies.ts");
/** The folders the @stampede-sim/policies package is built from (packages/policies/tsconfig.json). */
const ALLOWED = ["src/core/", "src/policies/", "src/runtime/", "src/entries/policies.ts"];

/** Every source file the package's entry reaches, and every non-relative specifier they name. */
function closure(): { files: string[]; bare: string[] } {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const todo = [ENTRY];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith(".")) bare.add(fileName);
      else todo.push(resolve(dirname(file), fileName).replace(/\.js$/, ".ts"));
    }
  }
  return { files: [...seen].map((f) => relative(ROOT, f)).sort(), bare: [...bare].sort() };
}

describe("@stampede-sim/policies", () => {
  it("is built only from core/, policies/ and runtime/, and imports no package (node: built-ins only)", () => {
    const { files, bare } = closure();
    expect(files.filter((f) => !ALLOWED.some((a) => f.startsWith(a)))).toEqual([]);
    expect(bare.filter((s) => !s.startsWith("node:"))).toEqual([]);
    expect(files.length).toBeGreaterThan(40);
  });

  it("has no dependency and no install script, and stampede-sim depends on the same version", () => {
    const pkg = JSON.parse(readFileSync(resolve(ROOT, "packages/policies/package.json"), "utf8"));
    const sim = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8"));
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.scripts ?? {}).toEqual({});
    expect(pkg.peerDependenciesMeta["@opentelemetry/api"].optional).toBe(true);
    expect(sim.dependencies[pkg.name]).toBe(pkg.version);
    expect(sim.exports["./policies"].import).toBe("./dist/entries/simPolicies.js");
  });
});
