import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeLoad, fakeRun } from "../experiments/testing/fakeModel.js";
import type { CompareResult } from "../metrics/CompareResult.js";
import type { ReportData } from "./html/ReportData.js";
import { writeCompareReport } from "./writeCompareReport.js";
import { writeRunReport } from "./writeRunReport.js";

/** The JSON report.html embeds (its `stampede-data` block). */
function embedded(dir: string): ReportData {
  const html = readFileSync(join(dir, "report.html"), "utf8");
  const m = /<script type="application\/json" id="stampede-data">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error("no stampede-data block in report.html");
  return JSON.parse(m[1]!) as ReportData;
}

const run = (seed: number) => fakeRun(fakeLoad("fake"), { seed, until: 3600 });

describe("the report data's goodput fleets", () => {
  it("writeRunReport embeds the given goodput fleets; summary.json stays the RunSummary, unchanged", () => {
    const dir = mkdtempSync(join(tmpdir(), "stampede-run-report-"));
    const result = run(1);
    writeRunReport(dir, result, { goodputFleets: ["clients"], title: "t" });
    const data = embedded(dir);
    expect(data.title).toBe("t");
    expect(data.runs.map((r) => r.goodputFleets)).toEqual([["clients"]]);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as Record<string, unknown>;
    expect(summary).toEqual(result.summary);
    expect(summary).not.toHaveProperty("goodputFleets");
  });

  it("writeRunReport without goodput fleets embeds every fleet of the run; the title option is the title", () => {
    const dir = mkdtempSync(join(tmpdir(), "stampede-run-report-"));
    writeRunReport(dir, run(1), { title: "a title" });
    const data = embedded(dir);
    expect(data.title).toBe("a title");
    // The fake run's only fleet appears in its series columns (fleet.clients.*).
    expect(data.runs[0]!.goodputFleets).toEqual(["clients"]);
  });

  it("writeCompareReport takes one list for all runs or one per variant", () => {
    const result: CompareResult = {
      scenario: "fake",
      seeds: [1],
      stats: [],
      runs: [
        { variant: null, summaries: [run(1).summary], firstSeries: run(1).series },
        { variant: "fixed-backoff", summaries: [run(2).summary], firstSeries: run(2).series },
      ],
    };
    const one = mkdtempSync(join(tmpdir(), "stampede-compare-report-"));
    writeCompareReport(one, result, { goodputFleets: ["clients"] });
    expect(embedded(one).runs.map((r) => [r.label, r.goodputFleets])).toEqual([
      ["baseline", ["clients"]],
      ["fixed-backoff", ["clients"]],
    ]);
    const each = mkdtempSync(join(tmpdir(), "stampede-compare-report-"));
    writeCompareReport(each, result, { goodputFleets: { baseline: ["a"], "fixed-backoff": ["b", "c"] } });
    expect(embedded(each).runs.map((r) => r.goodputFleets)).toEqual([["a"], ["b", "c"]]);
    const none = mkdtempSync(join(tmpdir(), "stampede-compare-report-"));
    writeCompareReport(none, result);
    expect(embedded(none).runs.map((r) => r.goodputFleets)).toEqual([["clients"], ["clients"]]);
  });
});
