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
 */
export function writeSweepFiles(
  dir: string,
  params: readonly SweepParam[],
  records: SweepRecord[],
  failures: SweepFailure[],
): PhaseDiagram {
  records.sort(byJob);
  failures.sort(byJob);
  const failedPerPoint = new Map<number, number>();
  for (const f of failures) failedPerPoint.set(f.pointIndex, (failedPerPoint.get(f.pointIndex) ?? 0) + 1);
  const diagram = phaseDiagram(params, records, failedPerPoint);
  writeFileAtomic(join(dir, "phase.json"), `${JSON.stringify(diagram, null, 2)}\n`);
  writeFileAtomic(join(dir, "failures.json"), `${JSON.stringify(failures, null, 2)}\n`);
  return diagram;
}
