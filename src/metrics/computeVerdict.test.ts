import { describe, expect, it } from "vitest";
import type { FaultWindow } from "./capacityBack.js";
import { computeVerdict } from "./computeVerdict.js";

const spec = {
  goodputFleets: [],
  baselineWindow: 600,
  recoveredRatio: 0.9,
  recoveredFor: 300,
  metastableRatio: 0.5,
  metastableAfter: 1800,
  metastableWindow: 60,
  smoothing: 60,
  stableRatio: 0.5,
  outageRatio: 0.5,
};

/** Goodput at 10 s intervals: `value(t)` for t = interval start. */
function series(hours: number, value: (t: number) => number): number[] {
  return Array.from({ length: (hours * 3600) / 10 }, (_, i) => value(i * 10));
}

function verdict(
  goodput: number[],
  triggerStart = 3600,
  triggerEnd = 3700,
  capacityMissing: number[] = goodput.map(() => 0),
  faults: FaultWindow[] = [],
) {
  return computeVerdict({
    goodput,
    amplification: goodput.map((g) => (g > 0 ? 1 : 5)),
    capacityMissing,
    faults,
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

  describe("sustained: a self-sustaining failure or a slow recovery", () => {
    // Goodput at 0 from the trigger until 2 h, so the run is metastable at triggerEnd + 30 min = 5500 s.
    const down = series(4, (t) => (t >= 3600 && t < 7200 ? 0 : 100));
    const check = 3700 + 1800;

    it("is true when every removed capacity is back at the check: the load keeps goodput down", () => {
      // Capacity fully gone during the trigger, back 10 minutes after it.
      const v = verdict(
        down,
        3600,
        3700,
        series(4, (t) => (t >= 3600 && t < 4300 ? 1 : 0)),
      );
      expect(v.metastable).toBe(true);
      expect(v.sustained).toBe(true);
    });

    it("is false while capacity is still coming back at the check (a restart still under way)", () => {
      const v = verdict(
        down,
        3600,
        3700,
        series(4, (t) => (t >= 3600 && t < 7000 ? 1 : 0)),
      );
      expect(v.metastable).toBe(true);
      expect(v.sustained).toBe(false);
    });

    it("is false when capacity comes back during the checked minute, true when it is back as the minute starts", () => {
      const missingUntil = (end: number) => series(4, (t) => (t >= 3600 && t < end ? 0.5 : 0));
      expect(verdict(down, 3600, 3700, missingUntil(check + 30)).sustained).toBe(false);
      expect(verdict(down, 3600, 3700, missingUntil(check)).sustained).toBe(true);
    });

    it("counts only what the trigger took away: capacity missing before the trigger as well does not count", () => {
      // A quarter of the capacity is missing all along, the trigger takes the rest until 4300 s.
      const v = verdict(
        down,
        3600,
        3700,
        series(4, (t) => (t >= 3600 && t < 4300 ? 1 : 0.25)),
      );
      expect(v.sustained).toBe(true);
      // More than before the trigger is missing at the check: not back.
      const w = verdict(
        down,
        3600,
        3700,
        series(4, (t) => (t < 3600 ? 0.25 : t < 4300 ? 1 : 0.3)),
      );
      expect(w.sustained).toBe(false);
    });

    it("compares with the lowest share of the baseline window, not its last interval (which may already show the trigger)", () => {
      const v = verdict(
        down,
        3600,
        3700,
        series(4, (t) => (t >= 3590 && t < 4300 ? 1 : 0)),
      );
      expect(v.sustained).toBe(true);
    });

    it("is false while a fault is in its window at the check, even one that removes no capacity", () => {
      const latency: FaultWindow = { start: 5000, end: 6000, trigger: false };
      expect(verdict(down, 3600, 3700, undefined, [latency]).sustained).toBe(false);
      // A fault that ended before the check, or a background fault already under way at the trigger, does not count.
      const over: FaultWindow = { start: 3600, end: 3700, trigger: true };
      const background: FaultWindow = { start: 0, end: 20000, trigger: false };
      expect(verdict(down, 3600, 3700, undefined, [over, background]).sustained).toBe(true);
      // A trigger fault that is still on at the check does.
      const longTrigger: FaultWindow = { start: 0, end: 20000, trigger: true };
      expect(verdict(down, 3600, 3700, undefined, [longTrigger]).sustained).toBe(false);
    });

    it("is null when the run is not metastable or has no trigger", () => {
      const back = series(4, (t) => (t >= 3600 && t < 4000 ? 10 : 100));
      expect(
        verdict(
          back,
          3600,
          3700,
          series(4, (t) => (t >= 3600 ? 1 : 0)),
        ).sustained,
      ).toBeNull();
      const v = computeVerdict({
        goodput: down,
        amplification: down.map(() => 1),
        capacityMissing: down.map(() => 0),
        faults: [],
        interval: 10,
        triggerStart: null,
        triggerEnd: null,
        detectedAt: null,
        detectedBy: null,
        diagnosedAt: null,
        spec,
      });
      expect(v.metastable).toBe(false);
      expect(v.sustained).toBeNull();
    });
  });
});

/** The verdict of `goodput` (10 s intervals) with some of the spec's fields changed. */
function verdictWith(goodput: number[], over: Partial<typeof spec>, triggerStart = 3600, triggerEnd = 3700) {
  return computeVerdict({
    goodput,
    amplification: goodput.map(() => 1),
    capacityMissing: goodput.map(() => 0),
    faults: [],
    interval: 10,
    triggerStart,
    triggerEnd,
    detectedAt: null,
    detectedBy: null,
    diagnosedAt: null,
    spec: { ...spec, ...over },
  });
}

/** A deterministic noise in [-1, 1] per interval (a fixed sequence, no randomness). */
const wiggle = (t: number) => Math.sin(t * 12.9898) * 0.5 + Math.sin(t * 78.233) * 0.5;

describe("goodput lost", () => {
  it("counts only from the trigger's start to recoveredAt: noise after recovery is not lost goodput", () => {
    // 5 min at 0, then back to a noisy baseline (100 +- 10) that dips to 82 for a minute every 10 min after recovery.
    const v = verdict(
      series(4, (t) =>
        t >= 3600 && t < 3900 ? 0 : t > 4500 && Math.floor(t / 60) % 10 === 0 ? 82 : 100 + 10 * wiggle(t),
      ),
      3600,
      3600,
    );
    expect(v.recoveredAt).toBe(3900);
    // 300 s at 0 (the noise before recovery is within the floor); the later dips are after recovery
    expect(v.goodputLostSeconds).toBe(300);
  });

  it("counts the shortfall to the end when the run never recovers", () => {
    const v = verdict(series(2, (t) => (t >= 3600 ? 50 : 100)));
    expect(v.recoveredAt).toBeNull();
    expect(v.goodputLostSeconds).toBe(1800);
  });

  it("counts an interval within the baseline's own standard deviation as 0, and reports that noise floor", () => {
    // Baseline 100 +- 10: a run that only wiggles the same way after the trigger lost nothing.
    const noisy = series(4, (t) => 100 + 10 * wiggle(t));
    const v = verdict(noisy, 3600, 3600);
    expect(v.goodputNoiseFloor).toBeGreaterThan(0.04);
    expect(v.goodputNoiseFloor).toBeLessThan(0.1);
    expect(v.goodputLostSeconds).toBe(0);
    // The same dip after a steady baseline and after a noisy one: the noise floor removes only the small shortfalls.
    const dip = (t: number) => t >= 3600 && t < 3660;
    const steady = verdict(
      series(4, (t) => (dip(t) ? 50 : t >= 3660 && t < 3720 ? 97 : 100)),
      3600,
      3600,
    );
    expect(steady.goodputNoiseFloor).toBe(0);
    expect(steady.recoveredAt).toBe(3660);
    expect(steady.goodputLostSeconds).toBe(30);
  });

  it("skips intervals without data (NaN) in the baseline and in the loss", () => {
    const g = series(4, (t) => (t >= 3000 && t < 3100 ? Number.NaN : t >= 3600 && t < 3900 ? 0 : 100));
    const v = verdict(g, 3600, 3600);
    expect(v.baselineGoodput).toBe(100);
    expect(v.goodputLostSeconds).toBe(300);
  });
});

describe("recoveredAt", () => {
  it("is never earlier than the trigger's end, even when the trigger ends inside an interval", () => {
    // The trigger (3600 s to 3705 s) takes nothing away: the recovery test passes from the interval holding 3705 s.
    const v = verdict(
      series(4, () => 100),
      3600,
      3705,
    );
    expect(v.recoveredAt).toBe(3705);
  });
});

describe("too short to tell", () => {
  const down = (hours: number) => series(hours, (t) => (t >= 3600 ? 0 : 100));

  it("is undetermined (metastable and sustained null) when the run ends before the metastable window does", () => {
    // The check is at 3700 + 1800 = 5500 s and averages until 5560 s: a run of 5550 s cannot tell.
    const v = verdict(down(5550 / 3600));
    expect(v.metastable).toBeNull();
    expect(v.sustained).toBeNull();
    // ... and one of 5560 s can.
    expect(verdict(down(5560 / 3600)).metastable).toBe(true);
  });
});

describe("the verdict's constants are scenario fields", () => {
  it("metastableWindow: the metastable test averages over it", () => {
    // Goodput back to 60% at 5530 s: the first minute from 5500 s averages 30% (metastable), five minutes 54%.
    const g = series(4, (t) => (t >= 3600 && t < 5530 ? 0 : t >= 5530 && t < 9000 ? 60 : 100));
    expect(verdictWith(g, {}).metastable).toBe(true);
    expect(verdictWith(g, { metastableWindow: 300 }).metastable).toBe(false);
    // a longer window also needs a longer run
    expect(verdictWith(g.slice(0, 570), { metastableWindow: 300 }).metastable).toBeNull();
  });

  it("smoothing: the recovery test judges means over it", () => {
    // After the trigger goodput repeats 100, 100, 85 (10 s each): every 30 s mean is 95 (recovered), while a 10 s
    // mean falls to 85 every third interval, so no 5-minute stretch recovers.
    const g = series(4, (t) =>
      t >= 3600 && t < 3700 ? 0 : t >= 3700 && Math.floor(t / 10) % 3 === 2 ? 85 : 100,
    );
    expect(verdictWith(g, { smoothing: 10 }).recoveredAt).toBeNull();
    expect(verdictWith(g, { smoothing: 30 }).recoveredAt).not.toBeNull();
  });

  it("stableRatio: a run is stable when goodput never falls under it", () => {
    const g = series(4, (t) => (t >= 3600 && t < 3900 ? 60 : 100));
    expect(verdictWith(g, {}).stable).toBe(true);
    expect(verdictWith(g, { stableRatio: 0.7 }).stable).toBe(false);
  });
});
