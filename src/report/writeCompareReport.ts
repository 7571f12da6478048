import { writeOutputSet } from "../core/writeOutputSet.js";
import type { CompareResult } from "../metrics/CompareResult.js";
import { compareRows } from "./compareTable.js";
import type { ReportData, ReportRun } from "./html/ReportData.js";
import { reportHtml } from "./html/reportHtml.js";
import { reportRun } from "./html/reportRun.js";
import { seriesCsv } from "./seriesCsv.js";
import { type OpenMetricsTime, openMetricsFile } from "./writeRunReport.js";

/** Options of `writeCompareReport`. */
export interface CompareReportOptions {
  /**
   * The goodput fleets (`verdict.goodputFleets`) of the scenario, or per variant (key: the variant's name, `baseline`
   * for the scenario as written) when a variant changes them. report.html's first chart shows these fleets and starts
   * the others hidden. Default: every fleet of the run (the verdict's default).
   */
  goodputFleets?: readonly string[] | Readonly<Record<string, readonly string[]>>;
  /** Time base of series.om (`--openmetrics-start`). Default: the scenario's clock. */
  openMetrics?: OpenMetricsTime;
}

/**
 * Writes a comparison into `dir`: summary.json (statistics per variant and every run's summary), series.csv (the
 * first replication of each variant, with a `variant` column), series.om (the same as OpenMetrics, a `variant`
 * label) and report.html (overlays and the table).
 */
export function writeCompareReport(
  dir: string,
  result: CompareResult,
  options: CompareReportOptions = {},
): void {
  const data = compareReportData(result, options);
  const summary = {
    scenario: result.scenario,
    seeds: result.seeds,
    stats: result.stats,
    runs: result.runs.map((r) => ({ variant: r.variant, summaries: r.summaries })),
  };
  writeOutputSet(dir, "compare", {
    "summary.json": `${JSON.stringify(summary, null, 2)}\n`,
    "series.csv": seriesCsv(data.runs.map((r) => ({ label: r.label, series: r.series }))),
    "series.om": openMetricsFile(
      data.runs.map((r) => ({ label: r.label, series: r.series })),
      data.runs[0]?.summary ?? { start: "", simulatedSeconds: 0 },
      { scenario: result.scenario, seed: String(result.seeds[0] ?? "") },
      options.openMetrics,
    ),
    "report.html": reportHtml(data),
  });
}

/** What report.html of a comparison shows (writeCompareReport; the web app renders the same page). */
export function compareReportData(result: CompareResult, options: CompareReportOptions = {}): ReportData {
  const label = (v: string | null): string => v ?? "baseline";
  const runs: ReportRun[] = result.runs
    .filter((r) => r.firstSeries !== null && r.summaries[0] !== undefined)
    .map((r) =>
      reportRun(
        label(r.variant),
        { summary: r.summaries[0]!, series: r.firstSeries! },
        goodputFleetsOf(options.goodputFleets, label(r.variant)),
      ),
    );
  return {
    kind: "compare",
    title: `${result.scenario}: ${runs.map((r) => r.label).join(" vs ")}`,
    start: runs[0]?.summary.start ?? "",
    runs,
    compare: { seeds: result.seeds, stats: result.stats, table: compareRows(result.stats) },
  };
}

function goodputFleetsOf(
  given: CompareReportOptions["goodputFleets"],
  label: string,
): readonly string[] | undefined {
  if (given === undefined || Array.isArray(given)) return given as readonly string[] | undefined;
  return (given as Readonly<Record<string, readonly string[]>>)[label];
}
