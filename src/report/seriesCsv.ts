import type { Series } from "../metrics/RunResult.js";

/** One CSV cell: an interval without data (null, or a column the run does not have) is an empty cell, never 0. */
function cell(v: number | null | undefined): string {
  return v === undefined || v === null || Number.isNaN(v) ? "" : String(v);
}

function quote(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Per-interval series as CSV (comma-separated, one header line, `time` in seconds from the scenario's start first).
 * With several labelled series (compare), a leading `variant` column tells them apart and the columns are the union.
 */
export function seriesCsv(runs: readonly { label: string | null; series: Series }[]): string {
  const labelled = runs.length > 1 || runs.some((r) => r.label !== null);
  const names: string[] = [];
  const seen = new Set<string>();
  for (const r of runs)
    for (const n of Object.keys(r.series.columns))
      if (!seen.has(n)) {
        seen.add(n);
        names.push(n);
      }
  const lines = [[...(labelled ? ["variant"] : []), "time", ...names].map(quote).join(",")];
  for (const r of runs) {
    const cols = names.map((n) => r.series.columns[n]);
    r.series.time.forEach((t, i) => {
      const row = [String(t), ...cols.map((c) => cell(c?.[i]))];
      lines.push((labelled ? [quote(r.label ?? "baseline"), ...row] : row).join(","));
    });
  }
  return `${lines.join("\n")}\n`;
}
