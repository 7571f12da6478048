import type { VariantStats } from "../../experiments/compareVariants.js";
import type { PhaseDiagram } from "../../experiments/sweep/phaseDiagram.js";
import type { RunSummary, Series } from "../../metrics/RunResult.js";

/** One run shown in a report: a label (the variant, or "baseline"), its summary and its series. */
export interface ReportRun {
  label: string;
  summary: Omit<RunSummary, "timing"> & { timing?: RunSummary["timing"] };
  series: Series;
}

/**
 * Everything report.html shows, inlined as JSON. `runs[0]` gets the detailed charts; with several runs (compare) the
 * goodput and attempts of all are overlaid; `compare` adds the statistics table; `sweep` the heatmap.
 */
export interface ReportData {
  kind: "run" | "compare" | "sweep";
  title: string;
  /** The scenario's wall-clock start (ISO 8601 with offset): time 0 of every series. */
  start: string;
  runs: ReportRun[];
  compare?: { seeds: number[]; stats: VariantStats[]; table: string[][] };
  sweep?: PhaseDiagram;
}
