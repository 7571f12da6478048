import { offsetMinutes } from "../clockTime.js";
import { chartMarkers } from "./chartMarkers.js";
import { type PackedSeries, packSeries } from "./packSeries.js";
import type { ReportData, ReportRun } from "./ReportData.js";

/**
 * The series columns each chart of report.html draws (regular expressions, shared with the page's script, which
 * reads them from the payload: one list in one place). Only these columns are embedded; series.csv has them all.
 */
export const CHART_PATTERNS = {
  load: "^fleet\\.([^.]+)\\.(offered|firstAttempts|attempts|setupAttempts|setups|successes)$",
  deviceQueue: "^link\\.[^.]+\\.queue$",
  deviceUtilisation: "^link\\.[^.]+\\.utili[sz]ation$",
  deviceDrops: "^link\\.[^.]+\\.drops$",
  serviceQueue: "^service\\.[^.]+\\.queue$",
  monitoring: "^monitoring\\.(staleness|blind)$",
  overlay: "^(goodput|amplification)$",
} as const;

/** The columns a compare overlay needs of a run: goodput and amplification (its parts when it has no column). */
const OVERLAY_FALLBACK = /^fleet\.[^.]+\.(attempts|firstAttempts)$/;

/** One run as the page receives it: series packed for display, markers computed here. */
export interface PayloadRun extends Omit<ReportRun, "series"> {
  series: PackedSeries;
  markers: ReturnType<typeof chartMarkers>;
}

/** What report.html embeds: the report data with packed series, the clock of second 0 and the chart patterns. */
export interface ReportPayload extends Omit<ReportData, "runs"> {
  runs: PayloadRun[];
  /** Local wall-clock seconds since the epoch at second 0 (the start's own zone), or null without a start. */
  local0: number | null;
  /** The start's zone, `UTC-08:00`. */
  zone: string;
  patterns: typeof CHART_PATTERNS;
}

function chartColumns(run: ReportRun, detailed: boolean): string[] {
  const names = Object.keys(run.series.columns);
  const all = Object.values(CHART_PATTERNS).map((p) => new RegExp(p));
  const overlay = new RegExp(CHART_PATTERNS.overlay);
  if (detailed) return names.filter((n) => all.some((re) => re.test(n)));
  const own = names.filter((n) => overlay.test(n));
  return own.includes("amplification") ? own : [...own, ...names.filter((n) => OVERLAY_FALLBACK.test(n))];
}

/** Builds the embedded payload: the first run in full detail, the others (compare) with the overlay columns only. */
export function reportPayload(data: ReportData): ReportPayload {
  const base = Date.parse(data.start);
  const off = offsetMinutes(data.start);
  const sign = off < 0 ? "-" : "+";
  const zone = `UTC${sign}${String(Math.floor(Math.abs(off) / 60)).padStart(2, "0")}:${String(Math.abs(off) % 60).padStart(2, "0")}`;
  return {
    ...data,
    local0: Number.isNaN(base) ? null : base / 1000 + off * 60,
    zone,
    patterns: CHART_PATTERNS,
    runs: data.runs.map((r, i) => ({
      ...r,
      series: packSeries(r.series, chartColumns(r, i === 0)),
      markers: chartMarkers(r.summary),
    })),
  };
}
