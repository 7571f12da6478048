/**
 * report.html size limits (issue 16): every built-in's `run --out` report at most 500 KB, the 2021 compare with all
 * its variants at most 1.5 MB. The runs here use a small scale for speed; the size does not depend on the scale:
 * the scale multiplies populations and capacities, never the number of series columns or intervals, and packSeries
 * writes a fixed number of characters per column and display bucket whatever the values (its own test proves it).
 * Small-scale runs are noisier, so they need envelopes at least as often as full-scale ones: an upper bound.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareVariants } from "../experiments/compareVariants.js";
import { ports } from "../experiments/defaultPorts.js";
import { inProcessRunner } from "../experiments/pool/inProcessRunner.js";
import { builtinInfo, builtinNames } from "../scenario/builtins.js";
import { writeCompareReport } from "./writeCompareReport.js";
import { writeRunReport } from "./writeRunReport.js";

const SCALE = 0.02;
const KB = 1000;

describe("report.html size", () => {
  const root = mkdtempSync(join(tmpdir(), "stampede-size-"));

  for (const name of builtinNames()) {
    it(`${name}: run --out report.html is at most 500 KB`, async () => {
      const scenario = await ports.load(name, { scale: SCALE });
      const result = await ports.run(scenario, { seed: 1 });
      const dir = join(root, name);
      writeRunReport(dir, result, { goodputFleets: scenario.verdict.goodputFleets });
      const size = readFileSync(join(dir, "report.html")).length;
      expect(size).toBeLessThanOrEqual(500 * KB);
      // series.csv keeps every interval of every column.
      const csv = readFileSync(join(dir, "series.csv"), "utf8");
      expect(csv.trimEnd().split("\n")).toHaveLength(result.series.time.length + 1);
    });
  }

  it("aws-us-east-1-2021-12-07: compare with all its variants is at most 1.5 MB", async () => {
    const name = "aws-us-east-1-2021-12-07";
    const variants = builtinInfo(name).variants.map((v) => v.name);
    expect(variants.length).toBeGreaterThanOrEqual(3);
    const result = await compareVariants(inProcessRunner(ports), {
      scenario: name,
      variants,
      replications: 1,
      scale: SCALE,
    });
    const dir = join(root, "compare");
    writeCompareReport(dir, result);
    expect(readFileSync(join(dir, "report.html")).length).toBeLessThanOrEqual(1500 * KB);
  });
});
