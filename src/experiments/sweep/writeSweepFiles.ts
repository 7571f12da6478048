import { join } from "node:path";
import { writeFileAtomic } from "../../core/writeFileAtomic.js";
import type { SweepParam } from "./parseParam.js";
import { type PhaseDiagram, phaseDiagram } from "./phaseDiagram.js";
import type { SweepFailure } from "./runSweep.js";
import type { SweepRecord } from "./SweepPlan.js";

const byJob = (
  a: { pointIndex: number; replication: number },
  b: { pointIndex: number; replication: number },
) => a.pointIndex - b.pointIndex || a.replication - b.replication;

/**
 * Sorts records and failures by (point, replication) in place, builds the phase diagram and writes phase.json and
 * failures.json into `dir`: what a sweep writes at its end, and what `stampede merge` writes for the merged shards.
 * `stopped` (why the sweep stopped early, or null) marks the diagram `partial` with that `stopReason`.
 */
export function writeSweepFiles(
  dir: string,
  params: readonly SweepParam[],
  records: SweepRecord[],
  failures: SweepFailure[],
  stopped: string | null = null,
): PhaseDiagram {
  records.sort(byJob);
  failures.sort(byJob);
  const failedPerPoint = new Map<number, number>();
  for (const f of failures) failedPerPoint.set(f.pointIndex, (failedPerPoint.get(f.pointIndex) ?? 0) + 1);
  const full = phaseDiagram(params, records, failedPerPoint);
  const diagram: PhaseDiagram = stopped === null ? full : { ...full, partial: true, stopReason: stopped };
  writeFileAtomic(join(dir, "phase.json"), `${JSON.stringify(diagram, null, 2)}\n`);
  writeFileAtomic(join(dir, "failures.json"), `${JSON.stringify(failures, null, 2)}\n`);
  return diagram;
}
