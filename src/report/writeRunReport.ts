import { join } from "node:path";
import type { RunResult } from "../metrics/RunResult.js";
import { reportHtml } from "./html/reportHtml.js";
import { seriesCsv } from "./seriesCsv.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/** Writes summary.json, series.csv and report.html of one run into `dir` (which must exist), each atomically. */
export function writeRunReport(dir: string, result: RunResult, title?: string): void {
  const s = result.summary;
  writeFileAtomic(join(dir, "summary.json"), `${JSON.stringify(s, null, 2)}\n`);
  writeFileAtomic(join(dir, "series.csv"), seriesCsv([{ label: null, series: result.series }]));
  writeFileAtomic(
    join(dir, "report.html"),
    reportHtml({
      kind: "run",
      title: title ?? `${s.scenario}${s.variant === null ? "" : ` (${s.variant})`}, seed ${s.seed}`,
      start: s.start,
      runs: [{ label: s.variant ?? "baseline", summary: s, series: result.series }],
    }),
  );
}
