import type { ReportRun } from "./ReportData.js";

/** Matches a fleet's series column, `fleet.<name>.<metric>` (names hold no dots), capturing the name. */
const FLEET_COLUMN = /^fleet\.([^.]+)\./;

/**
 * The run's fleets in first-seen order: the summary's fleets, then any fleet that only appears in the series columns.
 */
export function runFleets(run: Pick<ReportRun, "summary" | "series">): string[] {
  const names = new Set(Object.keys(run.summary.fleets));
  for (const column of Object.keys(run.series.columns)) {
    const m = FLEET_COLUMN.exec(column);
    if (m) names.add(m[1]!);
  }
  return [...names];
}

/**
 * One run's entry in report.html's data. `goodputFleets` is the scenario's `verdict.goodputFleets` (pass
 * `scenario.verdict.goodputFleets`); without it every fleet of the run counts, which is the verdict's default and
 * therefore right whenever the scenario does not name its goodput fleets. Duplicates are dropped, order is kept.
 */
export function reportRun(
  label: string,
  run: Pick<ReportRun, "summary" | "series">,
  goodputFleets?: readonly string[],
): ReportRun {
  return {
    label,
    summary: run.summary,
    series: run.series,
    goodputFleets: [...new Set(goodputFleets ?? runFleets(run))],
  };
}
