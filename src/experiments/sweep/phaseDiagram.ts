import type { Phase, PhaseCell, PhaseDiagram } from "../../metrics/PhaseDiagram.js";
import { median } from "../stats/median.js";
import { classifyRun } from "./classifyRun.js";
import { paramUnits, type SweepParam } from "./parseParam.js";
import { coordsOf, gridSize, pointOf, type SweepRecord } from "./SweepPlan.js";

export type { PhaseCell, PhaseDiagram } from "../../metrics/PhaseDiagram.js";

const ORDER: Phase[] = ["metastable", "recovers", "stable"];

/** Builds the phase diagram from a sweep's records; `failed` counts failed jobs per point index. */
export function phaseDiagram(
  params: readonly SweepParam[],
  records: readonly SweepRecord[],
  failed: ReadonlyMap<number, number> = new Map(),
): PhaseDiagram {
  const byPoint = new Map<number, SweepRecord[]>();
  for (const r of records) {
    const list = byPoint.get(r.pointIndex) ?? [];
    list.push(r);
    byPoint.set(r.pointIndex, list);
  }
  const totals = { runs: 0, stable: 0, recovers: 0, metastable: 0, undetermined: 0, failed: 0 };
  const cells: PhaseCell[] = [];
  for (let i = 0; i < gridSize(params); i++) {
    const rs = byPoint.get(i) ?? [];
    const counts: Record<Phase, number> = { stable: 0, recovers: 0, metastable: 0, undetermined: 0 };
    for (const r of rs) counts[classifyRun(r.summary)]++;
    let phase: Phase | null = null;
    for (const ph of ORDER) if (counts[ph] > 0 && (phase === null || counts[ph] > counts[phase])) phase = ph;
    if (phase === null && counts.undetermined > 0) phase = "undetermined";
    const recovered = rs.filter(
      (r) => r.summary.verdict.recoveredAt !== null && classifyRun(r.summary) !== "undetermined",
    );
    const f = failed.get(i) ?? 0;
    cells.push({
      pointIndex: i,
      coords: coordsOf(params, i),
      point: pointOf(params, i),
      runs: rs.length,
      ...counts,
      failed: f,
      phase,
      recovered: recovered.length,
      medianRecoverySeconds: median(
        recovered.map((r) => r.summary.verdict.recoveredAt! - (r.summary.verdict.triggerStart ?? 0)),
      ),
    });
    totals.runs += rs.length;
    totals.stable += counts.stable;
    totals.recovers += counts.recovers;
    totals.metastable += counts.metastable;
    totals.undetermined += counts.undetermined;
    totals.failed += f;
  }
  return {
    params: params.map((p) => ({
      path: p.path,
      values: p.values,
      log: p.log,
      units: paramUnits(p.fromText),
    })),
    cells,
    totals,
  };
}
