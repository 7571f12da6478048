import { writeOutputSet } from "../core/writeOutputSet.js";
import type { RunResult } from "../metrics/RunResult.js";
import type { ReportData } from "./html/ReportData.js";
import { reportHtml } from "./html/reportHtml.js";
import { reportRun } from "./html/reportRun.js";
import { seriesCsv } from "./seriesCsv.js";
import { type OpenMetricsStart, openMetricsEpoch, seriesOpenMetrics } from "./seriesOpenMetrics.js";

/** Options of `writeRunReport`. */
export interface RunReportOptions {
  /** The page's title. Default: scenario, variant and seed. */
  title?: string;
  /**
   * The scenario's `verdict.goodputFleets`: report.html's first chart shows these fleets and starts the others
   * hidden. Default: every fleet of the run (the verdict's default).
   */
  goodputFleets?: readonly string[];
  /**
   * Time base of series.om (`--openmetrics-start`): `scenario` (default) stamps the samples at the scenario's own
   * clock time; `now` ends the run at `nowSeconds` (Unix seconds, required then), for a dashboard's "last N hours".
   */
  openMetrics?: OpenMetricsTime;
}

/** The time base of series.om: the mode and, for `now`, the moment of writing (Unix seconds). */
export interface OpenMetricsTime {
  start: OpenMetricsStart;
  nowSeconds?: number;
}

/** series.om of runs with `labels`, in the time base `time` (default: the scenario's clock). */
export function openMetricsFile(
  runs: readonly { label: string | null; series: RunResult["series"] }[],
  summary: Pick<RunResult["summary"], "start" | "simulatedSeconds">,
  labels: Readonly<Record<string, string>>,
  time: OpenMetricsTime = { start: "scenario" },
): string {
  const epoch = openMetricsEpoch(time.start, summary.start, summary.simulatedSeconds, time.nowSeconds ?? 0);
  return seriesOpenMetrics(runs, { epoch, labels });
}

/** The files `run --out` and `compare --out` write (plus manifest.json, written last). */
export const REPORT_FILES: readonly string[] = ["summary.json", "series.csv", "series.om", "report.html"];

/**
 * Writes summary.json, series.csv, series.om (OpenMetrics) and report.html of one run into `dir` as one set (writeOutputSet: a temporary
 * sibling folder, each file renamed in, manifest.json last). Throws E_OUT_DIR rather than replace files stampede
 * did not write.
 */
export function writeRunReport(dir: string, result: RunResult, options: RunReportOptions = {}): void {
  const s = result.summary;
  writeOutputSet(dir, "run", {
    "summary.json": `${JSON.stringify(result.summary, null, 2)}\n`,
    "series.csv": seriesCsv([{ label: null, series: result.series }]),
    "series.om": openMetricsFile(
      [{ label: s.variant, series: result.series }],
      s,
      { scenario: s.scenario, seed: String(s.seed) },
      options.openMetrics,
    ),
    "report.html": reportHtml(runReportData(result, options)),
  });
}

/** What report.html of one run shows (writeRunReport; the web app renders the same page). */
export function runReportData(result: RunResult, options: RunReportOptions = {}): ReportData {
  const s = result.summary;
  return {
    kind: "run",
    title: options.title ?? `${s.scenario}${s.variant === null ? "" : ` (${s.variant})`}, seed ${s.seed}`,
    start: s.start,
    runs: [reportRun(s.variant ?? "baseline", result, options.goodputFleets)],
  };
}
