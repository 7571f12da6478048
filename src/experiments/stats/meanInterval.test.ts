import { describe, expect, it } from "vitest";
import { Normal } from "../../engine/distributions/Normal.js";
import { Xoshiro128 } from "../../engine/Xoshiro128.js";
import { meanInterval } from "./meanInterval.js";
import { median } from "./median.js";

describe("meanInterval", () => {
  it("computes mean, sample deviation and the t half-width", () => {
    const est = meanInterval([2, 4, 4, 4, 5, 5, 7, 9])!;
    expect(est.mean).toBe(5);
    expect(est.stddev).toBeCloseTo(Math.sqrt(32 / 7), 12);
    // t(0.975, 7) = 2.3646
    expect(est.high - est.mean).toBeCloseTo((2.3646 * Math.sqrt(32 / 7)) / Math.sqrt(8), 3);
    expect(est.mean - est.low).toBeCloseTo(est.high - est.mean, 12);
  });

  it("leaves out nulls, collapses for one value and returns null for none", () => {
    expect(meanInterval([null, 3, null])).toEqual({ n: 1, mean: 3, stddev: 0, low: 3, high: 3 });
    expect(meanInterval([null, Number.NaN])).toBeNull();
  });

  it("covers the true mean about 95% of the time for normal samples of 5 (fixed seed)", () => {
    const rng = new Xoshiro128(11);
    const dist = new Normal(10, 3, false);
    const trials = 4000;
    let covered = 0;
    for (let t = 0; t < trials; t++) {
      const xs = Array.from({ length: 5 }, () => dist.sample(rng));
      const ci = meanInterval(xs)!;
      if (ci.low <= 10 && 10 <= ci.high) covered++;
    }
    const se = Math.sqrt((0.95 * 0.05) / trials);
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(3.5 * se);
  });
});

describe("median", () => {
  it("handles odd, even, empty and null-containing inputs", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(median([null, 5, null])).toBe(5);
  });
});
