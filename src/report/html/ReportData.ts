import type { VariantStats } from "../../metrics/CompareResult.js";
import type { PhaseDiagram } from "../../metrics/PhaseDiagram.js";
import type { RunSummary, Series } from "../../metrics/RunResult.js";

/** One run shown in a report: a label (the variant, or "baseline"), its summary and its series. */
export interface ReportRun {
  label: string;
  summary: Omit<RunSummary, "timing"> & { timing?: RunSummary["timing"] };
  series: Series;
  /**
   * The fleets whose successes make goodput (the scenario's `verdict.goodputFleets`), in the scenario's order. The
   * first chart shows these fleets' series by default and starts every other fleet's series hidden. Default, when the
   * writer is not told: every fleet of the run (the verdict's own default). Report data only: not part of summary.json.
   */
  goodputFleets: string[];
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
  /**
   * A run still under way (the web app's live view): shown instead of the verdict, e.g. `RUNNING 42%`; the charts
   * show the series so far.
   */
  status?: string;
}
