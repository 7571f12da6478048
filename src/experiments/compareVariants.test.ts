import { describe, expect, it } from "vitest";
import { compareVariants, variantStats } from "./compareVariants.js";
import type { JobSpec } from "./JobSpec.js";
import { inProcessRunner } from "./pool/inProcessRunner.js";
import { fakeLoad, fakePorts, fakeRun } from "./testing/fakeModel.js";

describe("compareVariants", () => {
  it("runs baseline and variants with the same seeds (common random numbers)", async () => {
    const seen: JobSpec[] = [];
    const base = inProcessRunner(fakePorts);
    const runner = {
      run: (j: JobSpec) => {
        seen.push(j);
        return base.run(j);
      },
      close: base.close,
    };
    const res = await compareVariants(runner, {
      scenario: "fake",
      variants: ["fixed-backoff", "more-capacity"],
      replications: 4,
      seed: 10,
    });
    expect(res.seeds).toEqual([10, 11, 12, 13]);
    for (const v of [undefined, "fixed-backoff", "more-capacity"]) {
      expect(seen.filter((j) => j.variant === v).map((j) => j.seed)).toEqual(res.seeds);
    }
    expect(res.stats.map((s) => s.variant)).toEqual([null, "fixed-backoff", "more-capacity"]);
    // Series only for the first replication of each variant (report overlays).
    expect(res.runs.every((r) => r.firstSeries !== null)).toBe(true);
    expect(seen.filter((j) => j.series).length).toBe(3);
    // Each variant's statistics equal those computed from runs made directly with the same seeds.
    const direct = res.seeds.map((seed) => fakeRun(fakeLoad("fake", { variant: "fixed-backoff" }), { seed }));
    expect(res.stats[1]).toEqual(
      variantStats(
        "fixed-backoff",
        direct.map((d) => d.summary),
      ),
    );
  });

  it("takes medians over recovered runs only and counts them; never averages a null", () => {
    const runs = [1, 2, 3, 4, 5].map((seed) => fakeRun(fakeLoad("fake"), { seed }).summary);
    // Force a known mix: two metastable runs without recovery, three recovered at known times.
    // One of the two is self-sustaining, the other a slow recovery.
    runs[0]!.verdict = { ...runs[0]!.verdict, metastable: true, sustained: true, recoveredAt: null };
    runs[1]!.verdict = { ...runs[1]!.verdict, metastable: true, sustained: false, recoveredAt: null };
    const start = runs[2]!.verdict.triggerStart!;
    [600, 1200, 3000].forEach((d, i) => {
      const s = runs[2 + i]!;
      s.verdict = {
        ...s.verdict,
        metastable: false,
        sustained: null,
        triggerStart: start,
        recoveredAt: start + d,
      };
    });
    const st = variantStats(null, runs);
    expect(st.metastable.count).toBe(2);
    expect(st.metastable.n).toBe(5);
    expect(st.sustained.count).toBe(1);
    expect(st.sustained.n).toBe(5);
    expect(st.sustained.low).toBeLessThan(0.2);
    expect(st.sustained.high).toBeGreaterThan(0.2);
    expect(st.metastable.low).toBeLessThan(0.4);
    expect(st.metastable.high).toBeGreaterThan(0.4);
    expect(st.recovered).toBe(3);
    expect(st.medianRecoverySeconds).toBe(1200);
    expect(st.diagnosedAmongRecovered).toBe(3);
    expect(st.peakAmplification!.n).toBe(5);
    expect(st.goodputLostSeconds!.low).toBeLessThanOrEqual(st.goodputLostSeconds!.mean);
  });

  it("reports null medians when no run recovered", () => {
    const runs = [1, 2].map((seed) => fakeRun(fakeLoad("fake"), { seed }).summary);
    for (const r of runs) r.verdict = { ...r.verdict, metastable: true, recoveredAt: null };
    const st = variantStats("x", runs);
    expect(st.recovered).toBe(0);
    expect(st.medianRecoverySeconds).toBeNull();
    expect(st.medianDiagnosisSeconds).toBeNull();
    expect(st.metastable.share).toBe(1);
  });
});

describe("variantStats with undetermined runs", () => {
  it("leaves runs too short to tell out of every denominator and counts them apart", () => {
    const runs = [1, 2, 3, 4, 5].map((seed) => fakeRun(fakeLoad("fake"), { seed }).summary);
    runs[0]!.verdict = { ...runs[0]!.verdict, metastable: true, sustained: true, recoveredAt: null };
    for (const s of runs.slice(1, 3)) s.verdict = { ...s.verdict, metastable: null, sustained: null };
    for (const s of runs.slice(3)) s.verdict = { ...s.verdict, metastable: false, sustained: null };
    const st = variantStats(null, runs);
    expect(st.runs).toBe(5);
    expect(st.undetermined).toBe(2);
    // 1 of the 3 determined runs is metastable (an undetermined run would have read "not metastable" before)
    expect(st.metastable.count).toBe(1);
    expect(st.metastable.n).toBe(3);
    expect(st.sustained.n).toBe(3);
    expect(st.goodputLostSeconds?.n).toBe(3);
  });
});
