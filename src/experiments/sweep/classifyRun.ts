import type { Phase } from "../../metrics/PhaseDiagram.js";
import type { RunSummary } from "../../metrics/RunResult.js";

export type { Phase } from "../../metrics/PhaseDiagram.js";

/** The default of `verdict.stableRatio`: summaries written before `verdict.stable` existed are read with it. */
export const STABLE_RATIO = 0.5;

/**
 * Classifies a run by its verdict: undetermined when `metastable` is null (too short to tell); metastable when the
 * verdict says so; stable when `verdict.stable` (goodput never under the scenario's `verdict.stableRatio` of baseline;
 * for older summaries without it, `minGoodputRatio >= 0.5`); otherwise it recovers. The ratio lives in the scenario's
 * verdict, not in the sweep, so each run is judged by the ratio of its own scenario (a sweep may vary it).
 */
export function classifyRun(summary: Pick<RunSummary, "verdict">): Phase {
  const v = summary.verdict;
  if (v.metastable === null) return "undetermined";
  if (v.metastable) return "metastable";
  if (v.stable ?? v.minGoodputRatio >= STABLE_RATIO) return "stable";
  return "recovers";
}
