import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareOutDir } from "./prepareOutDir.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

describe("prepareOutDir", () => {
  it("creates nested directories and leaves no probe behind", () => {
    const root = mkdtempSync(join(tmpdir(), "stampede-out-"));
    const dir = prepareOutDir(join(root, "a", "b"));
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("fails with E_OUT_DIR when a parent is a file (unwritable even for root)", () => {
    const root = mkdtempSync(join(tmpdir(), "stampede-out-"));
    writeFileSync(join(root, "file"), "x");
    expect(() => prepareOutDir(join(root, "file", "out"))).toThrow(
      expect.objectContaining({ code: "E_OUT_DIR" }),
    );
  });
});

describe("writeFileAtomic", () => {
  it("replaces the file and leaves no temporary file", () => {
    const root = mkdtempSync(join(tmpdir(), "stampede-out-"));
    const f = join(root, "summary.json");
    writeFileAtomic(f, "old");
    writeFileAtomic(f, "new");
    expect(readFileSync(f, "utf8")).toBe("new");
    expect(readdirSync(root)).toEqual(["summary.json"]);
  });
});
