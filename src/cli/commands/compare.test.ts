import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakePorts } from "../../experiments/testing/fakeModel.js";
import { runCli } from "../testing/cliHarness.js";
import { register } from "./compare.js";

const compare = (argv: string[]) =>
  runCli((p) => register(p, { ports: fakePorts }), ["compare", "fake", "--quiet", "--workers", "1", ...argv]);

describe("stampede compare", () => {
  it("compares every declared variant by default and writes the report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stampede-cli-compare-"));
    const r = await compare(["--replications", "3", "--out", dir]);
    expect(r.code).toBe(0);
    for (const v of ["baseline", "fixed-backoff", "more-capacity"]) expect(r.stdout).toContain(v);
    expect(r.stdout).toContain("Wilson");
    expect(r.stdout).toContain("seeds 1..3");
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as { stats: unknown[] };
    expect(summary.stats).toHaveLength(3);
    expect(readFileSync(join(dir, "series.csv"), "utf8").split("\n")[0]).toMatch(/^variant,time,/);
    expect(readFileSync(join(dir, "report.html"), "utf8")).toContain('"goodputFleets":["clients"]');
  });

  it("prints JSON statistics for named variants", async () => {
    const r = await compare([
      "--variant",
      "fixed-backoff",
      "--replications",
      "2",
      "--seed",
      "7",
      "--format",
      "json",
    ]);
    const out = JSON.parse(r.stdout) as { seeds: number[]; stats: { variant: string | null }[] };
    expect(out.seeds).toEqual([7, 8]);
    expect(out.stats.map((s) => s.variant)).toEqual([null, "fixed-backoff"]);
  });

  it("rejects an unknown variant before running, exit 2", async () => {
    const r = await compare(["--variant", "nope"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no variant named nope/);
    expect(r.stdout).toBe("");
  });
});
