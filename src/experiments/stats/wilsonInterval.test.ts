import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "../../engine/Xoshiro128.js";
import { wilsonInterval } from "./wilsonInterval.js";

describe("wilsonInterval", () => {
  it("matches hand-computed intervals", () => {
    const none = wilsonInterval(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    const half = wilsonInterval(5, 10)!;
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    const all = wilsonInterval(5, 5)!;
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(0.5655, 4);
  });

  it("returns null for no trials and rejects impossible counts", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(4, 3)).toThrow(RangeError);
  });

  it("covers the true share about 95% of the time (fixed seed)", () => {
    const rng = new Xoshiro128(7);
    const trials = 4000;
    for (const [p, n] of [
      [0.3, 20],
      [0.5, 15],
      [0.1, 40],
    ] as const) {
      let covered = 0;
      for (let t = 0; t < trials; t++) {
        let k = 0;
        for (let i = 0; i < n; i++) if (rng.next() < p) k++;
        const ci = wilsonInterval(k, n)!;
        if (ci.low <= p && p <= ci.high) covered++;
      }
      // The coverage estimate itself has sampling error: accept 95% ± 3 standard errors of a share of `trials`,
      // widened by the known discreteness of Wilson coverage at small n (it oscillates within about ±2.5 points).
      const se = Math.sqrt((0.95 * 0.05) / trials);
      expect(covered / trials).toBeGreaterThan(0.95 - 0.025 - 3 * se);
      expect(covered / trials).toBeLessThan(0.95 + 0.025 + 3 * se);
    }
  });
});
