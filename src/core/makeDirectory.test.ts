import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeDirectory } from "./makeDirectory.js";

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), "stampede-mkdir-"));
  made.push(d);
  return d;
}

describe("makeDirectory", () => {
  it("creates missing parents and accepts a directory that exists", () => {
    const root = temp();
    const deep = join(root, "a", "b", "c");
    expect(makeDirectory(deep)).toBe(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(makeDirectory(deep)).toBe(deep);
  });

  it("throws ENOTDIR when a parent is a file", () => {
    const root = temp();
    writeFileSync(join(root, "file"), "");
    expect(() => makeDirectory(join(root, "file", "sub"))).toThrow(
      expect.objectContaining({ code: "ENOTDIR" }),
    );
  });

  it.skipIf(!existsSync("/proc/self"))(
    "fails at once under /proc, where recursive mkdirSync never returns",
    () => {
      expect(() => makeDirectory("/proc/stampede-no-such-dir/out")).toThrow(
        expect.objectContaining({ code: "ENOENT" }),
      );
    },
  );
});
