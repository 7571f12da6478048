import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "./writeFileAtomic.js";
import { checkOutputSet, MANIFEST, readManifest, writeOutputSet } from "./writeOutputSet.js";

const root = () => mkdtempSync(join(tmpdir(), "stampede-set-"));
/** A pid that is surely not running (above Linux's pid_max default). */
const DEAD = 4_194_304 + 17;

describe("writeOutputSet: outputs as a set (issue 19, item 8)", () => {
  it("writes every file and manifest.json (sizes, SHA-256) last, leaving no temporaries", () => {
    const base = root();
    const out = join(base, "out");
    const m = writeOutputSet(out, "run", { "summary.json": "{}\n", "report.html": "<html>" });
    expect(readdirSync(out).sort()).toEqual([MANIFEST, "report.html", "summary.json"]);
    expect(readdirSync(base)).toEqual(["out"]); // the sibling temp folder is gone
    expect(readManifest(out)).toEqual(m);
    expect(m.complete).toBe(true);
    expect(m.files).toEqual([
      { name: "summary.json", bytes: 3, sha256: createHash("sha256").update("{}\n").digest("hex") },
      { name: "report.html", bytes: 6, sha256: createHash("sha256").update("<html>").digest("hex") },
    ]);
  });

  it("stages the files in a stampede-prefixed sibling folder, then renames each in", () => {
    const base = root();
    const out = join(base, "out");
    const seen: string[][] = [];
    writeOutputSet(
      out,
      "run",
      { a: "1", b: "2" },
      { beforeRename: () => seen.push(readdirSync(base).sort()) },
    );
    expect(seen[0]).toHaveLength(2);
    expect(seen[0]!.find((n) => n !== "out")).toMatch(
      new RegExp(`^\\.stampede-tmp-out-${process.pid}-\\d+$`),
    );
  });

  it("a crash between renames leaves no manifest (the set is visibly incomplete); the next write repairs it", () => {
    const out = join(root(), "out");
    writeOutputSet(out, "run", { "summary.json": "old", "report.html": "old" });
    expect(() =>
      writeOutputSet(
        out,
        "run",
        { "summary.json": "new", "report.html": "new" },
        {
          beforeRename: (n) => {
            if (n === "report.html") throw new Error("killed");
          },
        },
      ),
    ).toThrow("killed");
    expect(readFileSync(join(out, "summary.json"), "utf8")).toBe("new");
    expect(readFileSync(join(out, "report.html"), "utf8")).toBe("old");
    // Not a complete set, and the manifest says so (while still naming the files as stampede's).
    expect(readManifest(out)?.complete).toBe(false);
    expect(readManifest(out)?.files.map((f) => f.name)).toEqual(["summary.json", "report.html"]);
    writeOutputSet(out, "run", { "summary.json": "new", "report.html": "new" });
    expect(readManifest(out)?.complete).toBe(true);
    expect(readFileSync(join(out, "report.html"), "utf8")).toBe("new");
  });

  it("never replaces or deletes files stampede did not write (--out . in the user's own folder)", () => {
    const out = root();
    writeFileSync(join(out, "summary.json"), "the user's own");
    writeFileSync(join(out, "notes.txt"), "keep me");
    expect(() => writeOutputSet(out, "run", { "summary.json": "x", "report.html": "y" })).toThrow(
      /already has summary\.json, not written by stampede/,
    );
    expect(readFileSync(join(out, "summary.json"), "utf8")).toBe("the user's own");
    expect(readdirSync(out).sort()).toEqual(["notes.txt", "summary.json"]);
    // Beside the user's other files is fine, and they stay.
    const other = root();
    writeFileSync(join(other, "notes.txt"), "keep me");
    writeOutputSet(other, "run", { "summary.json": "x" });
    expect(readFileSync(join(other, "notes.txt"), "utf8")).toBe("keep me");
    // A manifest.json that is not stampede's is not replaced either.
    const third = root();
    writeFileSync(join(third, MANIFEST), '{"name":"my-package"}');
    expect(() => checkOutputSet(third, ["summary.json"])).toThrow(/already has manifest\.json/);
  });

  it("cleans stale temporaries of dead stampede processes, and only those", () => {
    const base = root();
    const out = join(base, "out");
    mkdirSync(out);
    mkdirSync(join(base, `.stampede-tmp-out-${DEAD}-0`));
    writeFileSync(join(out, `.stampede-tmp-summary.json-${DEAD}-3`), "half");
    writeFileSync(join(out, `.summary.json.${DEAD}.0.tmp`), "half (older name)");
    writeFileSync(join(out, `.stampede-tmp-live-${process.pid}-9`), "in use");
    writeFileSync(join(out, ".user-file.tmp"), "not ours");
    writeOutputSet(out, "run", { "summary.json": "{}" });
    expect(readdirSync(base)).toEqual(["out"]);
    expect(readdirSync(out).sort()).toEqual(
      [".stampede-tmp-live-" + `${process.pid}-9`, ".user-file.tmp", MANIFEST, "summary.json"].sort(),
    );
  });
});

describe("writeFileAtomic (the one atomic writer)", () => {
  it("replaces a file through a stampede-prefixed temporary and leaves none", () => {
    const dir = root();
    const f = join(dir, "a.json");
    writeFileAtomic(f, "old");
    writeFileAtomic(f, new TextEncoder().encode("new"));
    expect(readFileSync(f, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["a.json"]);
  });
});
