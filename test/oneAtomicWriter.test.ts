import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../src");

/** Every non-test TypeScript file under src/, relative to it. */
function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [relative(SRC, p)] : [];
  });
}

/** The writer and the output sets built on it (core/writeOutputSet.ts moves a set's files into place). */
const WRITER = "core/writeFileAtomic.ts";
const ALLOWED_RENAMES = new Set([WRITER, "core/writeOutputSet.ts"]);

describe("one atomic writer (core/writeFileAtomic.ts, with fsync)", () => {
  const files = sources();

  it("is the only module that defines or re-exports writeFileAtomic", () => {
    const exporters = files.filter((f) =>
      /export\s+(\{[^}]*\bwriteFileAtomic\b[^}]*\}|(async\s+)?function\s+writeFileAtomic\b|const\s+writeFileAtomic\b)/.test(
        readFileSync(join(SRC, f), "utf8"),
      ),
    );
    expect(exporters).toEqual([WRITER]);
  });

  it("is the only place that renames files into place", () => {
    const renaming = files.filter((f) => /\brename(Sync)?\s*\(/.test(readFileSync(join(SRC, f), "utf8")));
    expect(renaming.filter((f) => !ALLOWED_RENAMES.has(f))).toEqual([]);
  });

  it("fsyncs the data and the folder", () => {
    const text = readFileSync(join(SRC, WRITER), "utf8");
    expect(text).toMatch(/fsyncSync\(fd\)/);
    expect(text).toMatch(/fsyncDirectory\(dirname\(file\)\)/);
  });
});
