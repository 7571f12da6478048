import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakePorts } from "../../experiments/testing/fakeModel.js";
import { runCli } from "../testing/cliHarness.js";
import { register } from "./run.js";

const run = (argv: string[]) => runCli((p) => register(p, fakePorts), ["run", "fake", "--quiet", ...argv]);

describe("run --out writes a set (issue 19, item 8)", () => {
  it("writes summary.json, series.csv, report.html and manifest.json, twice in a row, with no temporaries", async () => {
    const base = mkdtempSync(join(tmpdir(), "stampede-out-"));
    const out = join(base, "out");
    expect((await run(["--out", out])).code).toBe(0);
    expect((await run(["--out", out, "--seed", "2"])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "manifest.json",
      "report.html",
      "series.csv",
      "series.om",
      "summary.json",
    ]);
    expect(readdirSync(base)).toEqual(["out"]);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as {
      generator: string;
      kind: string;
      complete: boolean;
      files: { name: string }[];
    };
    expect(manifest).toMatchObject({ generator: "stampede", kind: "run", complete: true });
    expect(manifest.files.map((f) => f.name)).toEqual([
      "summary.json",
      "series.csv",
      "series.om",
      "report.html",
    ]);
    expect(JSON.parse(readFileSync(join(out, "summary.json"), "utf8")).seed).toBe(2);
  });

  it("refuses, before running, to replace a summary.json stampede did not write (exit 2)", async () => {
    const out = mkdtempSync(join(tmpdir(), "stampede-own-"));
    writeFileSync(join(out, "summary.json"), "mine");
    const r = await run(["--out", out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(""); // nothing ran
    expect(r.stderr).toMatch(/^error: --out {2}.* already has summary\.json, not written by stampede/);
    expect(readFileSync(join(out, "summary.json"), "utf8")).toBe("mine");
  });
});
