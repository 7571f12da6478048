import { join } from "node:path";
import type { RunResult } from "../metrics/RunResult.js";
import { reportHtml } from "./html/reportHtml.js";
import { reportRun } from "./html/reportRun.js";
import { seriesCsv } from "./seriesCsv.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/** Options of `writeRunReport`. */
export interface RunReportOptions {
  /** The page's title. Default: scenario, variant and seed. */
  title?: string;
  /**
   * The scenario's `verdict.goodputFleets`: report.html's first chart shows these fleets and starts the others
   * hidden. Default: every fleet of the run (the verdict's default).
   */
  goodputFleets?: readonly string[];
}

/** Writes summary.json, series.csv and report.html of one run into `dir` (which must exist), each atomically. */
export function writeRunReport(dir: string, result: RunResult, options: RunReportOptions = {}): void {
  const { title, goodputFleets } = options;
  const s = result.summary;
  writeFileAtomic(join(dir, "summary.json"), `${JSON.stringify(s, null, 2)}\n`);
  writeFileAtomic(join(dir, "series.csv"), seriesCsv([{ label: null, series: result.series }]));
  writeFileAtomic(
    join(dir, "report.html"),
    reportHtml({
      kind: "run",
      title: title ?? `${s.scenario}${s.variant === null ? "" : ` (${s.variant})`}, seed ${s.seed}`,
      start: s.start,
      runs: [reportRun(s.variant ?? "baseline", result, goodputFleets)],
    }),
  );
}
