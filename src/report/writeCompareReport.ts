import { join } from "node:path";
import type { CompareResult } from "../experiments/compareVariants.js";
import { compareRows } from "./compareTable.js";
import type { ReportRun } from "./html/ReportData.js";
import { reportHtml } from "./html/reportHtml.js";
import { seriesCsv } from "./seriesCsv.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/**
 * Writes a comparison into `dir`: summary.json (statistics per variant and every run's summary), series.csv (the
 * first replication of each variant, with a `variant` column) and report.html (overlays and the table).
 */
export function writeCompareReport(dir: string, result: CompareResult): void {
  const label = (v: string | null): string => v ?? "baseline";
  const runs: ReportRun[] = result.runs
    .filter((r) => r.firstSeries !== null && r.summaries[0] !== undefined)
    .map((r) => ({ label: label(r.variant), summary: r.summaries[0]!, series: r.firstSeries! }));
  const summary = {
    scenario: result.scenario,
    seeds: result.seeds,
    stats: result.stats,
    runs: result.runs.map((r) => ({ variant: r.variant, summaries: r.summaries })),
  };
  writeFileAtomic(join(dir, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  writeFileAtomic(
    join(dir, "series.csv"),
    seriesCsv(runs.map((r) => ({ label: r.label, series: r.series }))),
  );
  writeFileAtomic(
    join(dir, "report.html"),
    reportHtml({
      kind: "compare",
      title: `${result.scenario}: ${runs.map((r) => r.label).join(" vs ")}`,
      start: runs[0]?.summary.start ?? "",
      runs,
      compare: { seeds: result.seeds, stats: result.stats, table: compareRows(result.stats) },
    }),
  );
}
