import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareOutDir } from "./prepareOutDir.js";

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
