import { describe, expect, it } from "vitest";
import { sweepText } from "../../report/sweepText.js";
import { fakeLoad, fakeRun } from "../testing/fakeModel.js";
import { classifyRun } from "./classifyRun.js";
import { parseParam } from "./parseParam.js";
import { phaseDiagram } from "./phaseDiagram.js";
import { type SweepRecord, stripTiming } from "./SweepPlan.js";

/** A record at point `pointIndex` whose verdict has `over` applied. */
function record(
  pointIndex: number,
  replication: number,
  over: object,
  point: Record<string, number>,
): SweepRecord {
  const s = stripTiming(fakeRun(fakeLoad("fake"), { seed: replication + 1 }).summary);
  return {
    pointIndex,
    point,
    replication,
    seed: replication + 1,
    summary: { ...s, verdict: { ...s.verdict, ...over } },
  };
}

describe("classifyRun", () => {
  it("files a run too short to tell under undetermined, not under recovers", () => {
    const v = fakeRun(fakeLoad("fake"), { seed: 1 }).summary.verdict;
    expect(classifyRun({ verdict: { ...v, metastable: null, stable: false } })).toBe("undetermined");
    expect(classifyRun({ verdict: { ...v, metastable: true } })).toBe("metastable");
    expect(classifyRun({ verdict: { ...v, metastable: false, stable: false } })).toBe("recovers");
    // stable is the run's own verdict (its scenario's verdict.stableRatio), not a constant of the sweep
    expect(classifyRun({ verdict: { ...v, metastable: false, stable: true, minGoodputRatio: 0.3 } })).toBe(
      "stable",
    );
  });
});

describe("phaseDiagram with undetermined runs", () => {
  const param = parseParam("faults.spike.end=30s..2m:2");
  const at = (i: number) => ({ "faults.spike.end": param.values[i]! });
  const records = [
    record(0, 0, { metastable: null }, at(0)),
    record(0, 1, { metastable: false, stable: false, recoveredAt: 1000 }, at(0)),
    record(0, 2, { metastable: null, recoveredAt: 700 }, at(0)),
    record(1, 0, { metastable: null }, at(1)),
    record(1, 1, { metastable: null }, at(1)),
  ];
  const d = phaseDiagram([param], records);

  it("counts them in their own column, outside the phase vote and the recovery median", () => {
    const [c0, c1] = d.cells;
    expect(c0!.undetermined).toBe(2);
    expect(c0!.recovers).toBe(1);
    expect(c0!.phase).toBe("recovers");
    expect(c0!.recovered).toBe(1);
    expect(c1!.phase).toBe("undetermined");
    expect(d.totals.undetermined).toBe(4);
    expect(d.totals.recovers).toBe(1);
  });

  it("prints them as a class of their own, and the parameter in its own units", () => {
    const text = sweepText(d);
    expect(text).toContain("4 undetermined (too short to tell)");
    expect(text).toContain("u undetermined");
    expect(text).toMatch(/\|\s+r\s+u\n/);
    // the swept values print as durations, as the bounds were written (30s, 2m), not as 30 and 120
    expect(text).toMatch(/\n30s\trecovers\t/);
    expect(text).toMatch(/\n2m00s\tundetermined\t/);
  });
});
