import { describe, expect, it } from "vitest";
import { computeVerdict } from "./computeVerdict.js";

const spec = {
  goodputFleets: [],
  baselineWindow: 600,
  recoveredRatio: 0.9,
  recoveredFor: 300,
  metastableRatio: 0.5,
  metastableAfter: 1800,
  outageRatio: 0.5,
};

/** Goodput at 10 s intervals: `value(t)` for t = interval start. */
function series(hours: number, value: (t: number) => number): number[] {
  return Array.from({ length: (hours * 3600) / 10 }, (_, i) => value(i * 10));
}

function verdict(goodput: number[], triggerStart = 3600, triggerEnd = 3700) {
  return computeVerdict({
    goodput,
    amplification: goodput.map((g) => (g > 0 ? 1 : 5)),
    interval: 10,
    triggerStart,
    triggerEnd,
    detectedAt: null,
    detectedBy: null,
    diagnosedAt: null,
    spec,
  });
}

describe("computeVerdict", () => {
  it("finds the start of the first 5-minute stretch at 90% of baseline after the trigger", () => {
    const v = verdict(series(4, (t) => (t >= 3600 && t < 7200 ? 0 : 100)));
    expect(v.baselineGoodput).toBe(100);
    expect(v.recoveredAt).toBe(7200);
    expect(v.metastable).toBe(true); // still at 0 at triggerEnd + 30 min
    expect(v.minGoodputRatio).toBe(0);
    expect(v.goodputLostSeconds).toBe(3600);
    expect(v.peakAmplification).toBe(5);
  });

  it("is not metastable when goodput is back above half 30 minutes after the trigger", () => {
    const v = verdict(series(4, (t) => (t >= 3600 && t < 4000 ? 10 : 100)));
    expect(v.metastable).toBe(false);
    expect(v.recoveredAt).toBe(4000);
  });

  it("never recovers when goodput stays below 90%", () => {
    const v = verdict(series(4, (t) => (t >= 3600 ? 80 : 100)));
    expect(v.recoveredAt).toBeNull();
    expect(v.metastable).toBe(false);
  });

  it("a short dip inside the stretch restarts it", () => {
    const v = verdict(series(4, (t) => (t >= 3600 && t < 5000 ? 0 : t >= 5100 && t < 5160 ? 0 : 100)));
    expect(v.recoveredAt).toBe(5160);
  });
});
