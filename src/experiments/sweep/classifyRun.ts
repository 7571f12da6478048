import type { Phase } from "../../metrics/PhaseDiagram.js";
import type { RunSummary } from "../../metrics/RunResult.js";

export type { Phase } from "../../metrics/PhaseDiagram.js";

/** Goodput share of baseline that a stable run never goes under. */
export const STABLE_RATIO = 0.5;

/**
 * Classifies a run by its verdict: metastable when the verdict says so; stable when goodput never fell under 50% of
 * baseline (`minGoodputRatio >= 0.5`); otherwise it recovers.
 */
export function classifyRun(summary: Pick<RunSummary, "verdict">): Phase {
  if (summary.verdict.metastable) return "metastable";
  if (summary.verdict.minGoodputRatio >= STABLE_RATIO) return "stable";
  return "recovers";
}
