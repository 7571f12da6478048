import { describe, expect, it } from "vitest";
import { ksCritical001, ksStatistic } from "../testing/ksStatistic.js";
import { Xoshiro128 } from "../Xoshiro128.js";
import {
  Constant,
  type Distribution,
  Empirical,
  Exponential,
  LogNormal,
  Normal,
  normalCdf,
  normalQuantile,
  Pareto,
  Uniform,
  Weibull,
} from "./index.js";

const N = 20000;

const cases: [string, Distribution][] = [
  ["uniform(2, 5)", new Uniform(2, 5)],
  ["exponential(mean 0.25)", new Exponential(0.25)],
  ["normal(10, 2)", new Normal(10, 2)],
  ["normal(0, 1) untruncated", new Normal(0, 1, false)],
  ["lognormal(0, 0.5)", new LogNormal(0, 0.5)],
  ["lognormal from mean 2, cv 1.5", LogNormal.fromMeanCv(2, 1.5)],
  ["pareto(1, 1.5)", new Pareto(1, 1.5)],
  ["pareto(0.1, 4)", new Pareto(0.1, 4)],
  ["weibull(2, 0.7)", new Weibull(2, 0.7)],
  ["weibull(1, 3)", new Weibull(1, 3)],
  ["empirical", new Empirical([0.3, 0.1, 2.5, 0.9, 1.2, 1.7, 4])],
];

function draw(d: Distribution, seed: number): Float64Array {
  const rng = new Xoshiro128(seed);
  return Float64Array.from({ length: N }, () => d.sample(rng));
}

describe("distributions", () => {
  describe.each(cases)("%s", (_name, d) => {
    it("passes a fixed-seed Kolmogorov-Smirnov test against its cdf (alpha = 0.001)", () => {
      expect(ksStatistic(draw(d, 17), (x) => d.cdf(x))).toBeLessThan(ksCritical001(N));
    });

    it("has a sample mean within the 99.9% confidence interval of its stated mean", () => {
      if (d instanceof Pareto && d.alpha <= 2) return; // infinite variance: no CLT interval
      const xs = draw(d, 23);
      const m = xs.reduce((s, x) => s + x, 0) / N;
      const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (N - 1);
      expect(Math.abs(m - d.mean)).toBeLessThan(3.29 * Math.sqrt(v / N));
    });

    it("has a stated mean equal to the integral of its survival function", () => {
      // E[X] = integral of (1 - F) over [0, inf) for X >= 0; trapezoid on a fine grid up to a far quantile
      if (d instanceof Normal && !d.truncateAtZero) return;
      if (d instanceof Pareto && d.alpha <= 2) return;
      let hi = 1;
      while (1 - d.cdf(hi) > 1e-12) hi *= 2;
      const steps = 200000;
      const h = hi / steps;
      let s = 0;
      for (let i = 0; i < steps; i++) s += (1 - d.cdf(i * h) + (1 - d.cdf((i + 1) * h))) / 2;
      expect(s * h).toBeCloseTo(d.mean, 2);
    });
  });

  it("Constant draws its value and nothing from the Rng", () => {
    const rng = new Xoshiro128(1);
    const c = new Constant(3);
    expect(c.sample()).toBe(3);
    expect(c.mean).toBe(3);
    expect([c.cdf(2.999), c.cdf(3)]).toEqual([0, 1]);
    expect(rng.nextUint32()).toBe(new Xoshiro128(1).nextUint32());
  });

  it("Pareto with alpha <= 1 has an infinite mean; Empirical needs finite samples", () => {
    expect(new Pareto(1, 1).mean).toBe(Number.POSITIVE_INFINITY);
    expect(() => new Empirical([1])).toThrow(expect.objectContaining({ code: "E_DISTRIBUTION" }));
    expect(() => new Empirical([1, Number.NaN])).toThrow(expect.objectContaining({ code: "E_DISTRIBUTION" }));
  });

  it("Empirical puts the mass of a segment between repeated samples on that value", () => {
    // sorted [0.1, 0.9, 0.9, 2]: three segments of mass 1/3 each, the middle one a point mass at 0.9
    const d = new Empirical([0.9, 2, 0.1, 0.9]);
    const hits = draw(d, 5).filter((x) => x === 0.9).length / N;
    expect(Math.abs(hits - 1 / 3)).toBeLessThan(3.29 * Math.sqrt(((1 / 3) * (2 / 3)) / N));
    expect([d.cdf(0.9 - 1e-12), d.cdf(0.9)].map((p) => Number(p.toFixed(6)))).toEqual([0.333333, 0.666667]);
  });

  it("LogNormal.fromMeanCv hits the requested mean", () => {
    expect(LogNormal.fromMeanCv(2, 1.5).mean).toBeCloseTo(2, 12);
  });

  it("normalQuantile inverts normalCdf", () => {
    for (const p of [1e-9, 0.001, 0.02, 0.3, 0.5, 0.9, 0.99, 1 - 1e-6]) {
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    }
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
  });
});
