import type { JobSpec } from "../JobSpec.js";
import { pointOf, type SweepPlan } from "./SweepPlan.js";

/**
 * The seed of job (point, replication): a function of the sweep's seed, the point index and the replication only, so
 * a job gives the same result wherever it runs (local pool, a shard, a queue worker). Replication r uses seed + r at
 * every point (common random numbers across the grid); the point index is an argument so the rule is stated here.
 */
export function jobSeed(plan: Pick<SweepPlan, "seed">, _pointIndex: number, replication: number): number {
  return plan.seed + replication;
}

/** The job of grid point `pointIndex`, replication `replication`: the plan's overrides plus the point's values. */
export function sweepJob(plan: SweepPlan, pointIndex: number, replication: number): JobSpec {
  return {
    scenario: plan.scenario,
    set: { ...plan.set, ...pointOf(plan.params, pointIndex) },
    seed: jobSeed(plan, pointIndex, replication),
    series: false,
    ...(plan.scale === undefined ? {} : { scale: plan.scale }),
    ...(plan.until === undefined ? {} : { until: plan.until }),
    ...(plan.engine === undefined ? {} : { engine: plan.engine }),
  };
}
