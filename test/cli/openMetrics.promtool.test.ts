import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/experiments/runScenario.js";
import { writeRunReport } from "../../src/report/writeRunReport.js";
import { loadScenario } from "../../src/scenario/index.js";

/** promtool comes with Debian's `prometheus` package (.ci/run installs it). */
const hasPromtool = spawnSync("promtool", ["--version"], { stdio: "ignore" }).status === 0;
const inCi = Boolean(process.env["CI"]);
if (!hasPromtool && !inCi)
  console.warn("skipping the promtool test: promtool not found (apt-get install prometheus)");

/** Sum of the NUM SAMPLES column of `promtool tsdb list DIR`. */
function samplesIn(db: string): number {
  const out = execFileSync("promtool", ["tsdb", "list", db], { encoding: "utf8" });
  const [header, ...rows] = out.trim().split("\n");
  const col = header!.split(/\s{2,}/).indexOf("NUM SAMPLES");
  expect(col).toBeGreaterThan(0);
  return rows.reduce((sum, row) => sum + Number(row.trim().split(/\s+/)[col]), 0);
}

describe.runIf(hasPromtool || inCi)(
  "series.om loads into Prometheus' TSDB (promtool tsdb create-blocks-from openmetrics)",
  () => {
    it("has one sample per interval with data of every column, at the scenario's clock time", async () => {
      expect(hasPromtool, "promtool is missing: apt-get install prometheus").toBe(true);
      const scenario = loadScenario("retry-storm", { scale: 0.1 });
      const result = await runScenario(scenario, { seed: 1, until: 900 });
      const out = mkdtempSync(join(tmpdir(), "stampede-om-"));
      writeRunReport(out, result);
      const expected = Object.values(result.series.columns)
        .flat()
        .filter((v) => v !== null && !Number.isNaN(v)).length;
      expect(expected).toBeGreaterThan(500);
      const db = join(out, "tsdb");
      execFileSync("promtool", ["tsdb", "create-blocks-from", "openmetrics", join(out, "series.om"), db], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      expect(samplesIn(db)).toBe(expected);
      const text = readFileSync(join(out, "series.om"), "utf8");
      const first = Number(/^stampede_goodput_per_second\{[^}]*\} \S+ (\d+)/m.exec(text)?.[1]);
      expect(first).toBe(Date.parse(scenario.start) / 1000 + scenario.interval);
    });
  },
);
