import type { RunSummary } from "../metrics/RunResult.js";

/** One row of the lab-versus-simulator table: the lab's value, the simulator's, and the gap (sim - lab) / lab. */
export interface ComparisonRow {
  metric: string;
  lab: number | string | null;
  sim: number | string | null;
  /** Relative gap (sim - lab) / lab, or null when either is missing or not a number or the lab's is 0. */
  gap: number | null;
}

/** Mean of a series column over [from, to) seconds (intervals without data skipped), or null. */
export function windowMean(
  time: readonly number[],
  values: readonly (number | null)[],
  from: number,
  to: number,
): number | null {
  let s = 0;
  let k = 0;
  time.forEach((t, i) => {
    const v = values[i];
    if (t >= from && t < to && v !== null && v !== undefined) {
      s += v;
      k++;
    }
  });
  return k === 0 ? null : s / k;
}

/** Recovery time: seconds from the trigger's end to `recoveredAt`, or null when it never recovered. */
export function recoverySeconds(s: RunSummary): number | null {
  const v = s.verdict;
  return v.recoveredAt === null || v.triggerEnd === null ? null : v.recoveredAt - v.triggerEnd;
}

function gap(lab: number | null, sim: number | null): number | null {
  if (lab === null || sim === null || lab === 0) return null;
  return (sim - lab) / lab;
}

/**
 * The side-by-side rows of `stampede lab --compare`: goodput and attempts per first attempt, the device's peak queue,
 * recovery time and verdict. `badState` is the mean over the verdict's metastable window (the steady bad state when
 * it storms, the recovered state when it does not).
 */
export function labComparison(
  lab: { summary: RunSummary; badState: { goodput: number | null; amplification: number | null } },
  sim: { summary: RunSummary; badState: { goodput: number | null; amplification: number | null } },
): ComparisonRow[] {
  const row = (metric: string, a: number | null, b: number | null): ComparisonRow => ({
    metric,
    lab: a,
    sim: b,
    gap: gap(a, b),
  });
  const fleet = (s: RunSummary) => Object.values(s.fleets)[0];
  const link = (s: RunSummary) => Object.values(s.links)[0];
  const verdict = (s: RunSummary) =>
    s.verdict.metastable === true
      ? "metastable"
      : s.verdict.recoveredAt !== null
        ? "recovered"
        : "not recovered";
  return [
    row("normal goodput (/s)", lab.summary.verdict.baselineGoodput, sim.summary.verdict.baselineGoodput),
    row("bad-state goodput (/s)", lab.badState.goodput, sim.badState.goodput),
    row("bad-state attempts per first attempt", lab.badState.amplification, sim.badState.amplification),
    row(
      "attempts per first attempt (run)",
      fleet(lab.summary)?.amplification ?? null,
      fleet(sim.summary)?.amplification ?? null,
    ),
    row("peak device queue", link(lab.summary)?.peakQueue ?? null, link(sim.summary)?.peakQueue ?? null),
    row("recovery time (s)", recoverySeconds(lab.summary), recoverySeconds(sim.summary)),
    { metric: "verdict", lab: verdict(lab.summary), sim: verdict(sim.summary), gap: null },
  ];
}
