import { describe, expect, it } from "vitest";
import type { Rng } from "../../core/Rng.js";
import { ksCritical001, ksStatistic } from "../testing/ksStatistic.js";
import { Xoshiro128 } from "../Xoshiro128.js";
import {
  Constant,
  type Distribution,
  Empirical,
  Exponential,
  LogNormal,
  Normal,
  Pareto,
  Uniform,
  Weibull,
} from "./index.js";

/**
 * Each family against closed-form quantiles from the textbook formulas of its *named* parameters. The KS tests in
 * distributions.test.ts only prove that `sample` and `cdf` agree with each other: a parameter swap made consistently
 * in both (Weibull's scale and shape, say) passes them. Here both are held to formulas written independently of the
 * code: the cdf at the closed-form p-quantile must be p, and the sample p-quantile's order-statistic confidence
 * interval must contain the closed-form value.
 */

const N = 40_000;
const PS = [0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
/** Standard normal quantiles z_p from the tables (to 9 digits). */
const Z: Record<number, number> = {
  0.05: -1.644853627,
  0.25: -0.67448975,
  0.5: 0,
  0.75: 0.67448975,
  0.95: 1.644853627,
  0.99: 2.326347874,
};

interface Case {
  name: string;
  d: Distribution;
  /** The p-quantile from the textbook formula. */
  quantile: (p: number) => number;
}

const lnMeanCv = (mean: number, cv: number) => {
  // the mapping under test, written from the moments: E = exp(mu + s2/2), CV^2 = exp(s2) - 1
  const s2 = Math.log(1 + cv * cv);
  return { mu: Math.log(mean) - s2 / 2, sigma: Math.sqrt(s2) };
};

const cases: Case[] = [
  { name: "uniform(2, 5)", d: new Uniform(2, 5), quantile: (p) => 2 + 3 * p },
  // exponential: F^-1(p) = -mean ln(1 - p), the median mean ln 2
  { name: "exponential(mean 0.25)", d: new Exponential(0.25), quantile: (p) => -0.25 * Math.log(1 - p) },
  { name: "normal(10, 2)", d: new Normal(10, 2), quantile: (p) => 10 + 2 * Z[p]! },
  {
    name: "lognormal(mu 0.3, sigma 0.5)",
    d: new LogNormal(0.3, 0.5),
    quantile: (p) => Math.exp(0.3 + 0.5 * Z[p]!),
  },
  {
    name: "lognormal from mean 2, cv 1.5",
    d: LogNormal.fromMeanCv(2, 1.5),
    quantile: (p) => {
      const { mu, sigma } = lnMeanCv(2, 1.5);
      return Math.exp(mu + sigma * Z[p]!);
    },
  },
  // Pareto I: F^-1(p) = min (1 - p)^(-1/alpha)
  { name: "pareto(min 1, alpha 1.5)", d: new Pareto(1, 1.5), quantile: (p) => (1 - p) ** (-1 / 1.5) },
  { name: "pareto(min 0.1, alpha 4)", d: new Pareto(0.1, 4), quantile: (p) => 0.1 * (1 - p) ** (-1 / 4) },
  // Weibull: F^-1(p) = scale (-ln(1 - p))^(1/shape)
  {
    name: "weibull(scale 2, shape 0.7)",
    d: new Weibull(2, 0.7),
    quantile: (p) => 2 * (-Math.log(1 - p)) ** (1 / 0.7),
  },
  {
    name: "weibull(scale 0.5, shape 3)",
    d: new Weibull(0.5, 3),
    quantile: (p) => 0.5 * (-Math.log(1 - p)) ** (1 / 3),
  },
  // linear interpolation of the sorted samples at rank p (n - 1): 0, 1, 2, 4, 8
  {
    name: "empirical(8, 0, 4, 1, 2)",
    d: new Empirical([8, 0, 4, 1, 2]),
    quantile: (p) => {
      const xs = [0, 1, 2, 4, 8];
      const pos = p * 4;
      const i = Math.min(3, Math.floor(pos));
      return xs[i]! + (pos - i) * (xs[i + 1]! - xs[i]!);
    },
  },
];

/**
 * Distribution-free confidence interval (about 99.9%) for the p-quantile from sorted draws: the order statistics at
 * ranks n p -/+ 3.29 sqrt(n p (1 - p)) (normal approximation of the binomial count below the quantile).
 */
function quantileInterval(sorted: Float64Array, p: number): [number, number] {
  const n = sorted.length;
  const spread = 3.29 * Math.sqrt(n * p * (1 - p));
  const lo = Math.max(0, Math.floor(n * p - spread) - 1);
  const hi = Math.min(n - 1, Math.ceil(n * p + spread));
  return [sorted[lo]!, sorted[hi]!];
}

function sortedDraws(d: Distribution, seed: number): Float64Array {
  const rng = new Xoshiro128(seed);
  return Float64Array.from({ length: N }, () => d.sample(rng)).sort();
}

/** The checks of one case, as a list of failures (empty when it passes): used on the real families and on a mutant. */
function textbookFailures(c: Case, seed: number): string[] {
  const failures: string[] = [];
  const sorted = sortedDraws(c.d, seed);
  for (const p of PS) {
    const q = c.quantile(p);
    const f = c.d.cdf(q);
    // normalCdf is accurate to about 1.2e-7; the other families are exact to rounding
    if (Math.abs(f - p) > 1e-6) failures.push(`cdf(${q}) = ${f}, expected ${p}`);
    const [lo, hi] = quantileInterval(sorted, p);
    if (!(lo <= q && q <= hi)) failures.push(`sample ${p}-quantile in [${lo}, ${hi}] excludes ${q}`);
  }
  return failures;
}

describe("textbook quantiles per family", () => {
  it.each(cases)("$name: cdf and sample quantiles match the closed form", (c) => {
    expect(textbookFailures(c, 31)).toEqual([]);
  });

  it("the medians named in the textbooks", () => {
    // exponential: mean ln 2; lognormal: exp(mu); from mean and cv: mean / sqrt(1 + cv^2); Weibull: scale ln2^(1/k)
    expect(new Exponential(3).cdf(3 * Math.LN2)).toBeCloseTo(0.5, 12);
    expect(new LogNormal(0.3, 0.5).cdf(Math.exp(0.3))).toBeCloseTo(0.5, 6);
    expect(LogNormal.fromMeanCv(2, 1.5).cdf(2 / Math.sqrt(1 + 1.5 * 1.5))).toBeCloseTo(0.5, 6);
    expect(new Weibull(2, 0.7).cdf(2 * Math.LN2 ** (1 / 0.7))).toBeCloseTo(0.5, 12);
    expect(new Pareto(1, 2).cdf(Math.SQRT2)).toBeCloseTo(0.5, 12);
    expect(new Constant(0.2).cdf(0.2)).toBe(1);
    expect(new Constant(0.2).cdf(0.1999)).toBe(0);
  });

  it("LogNormal.fromMeanCv maps (mean, cv) to mu = ln(mean) - sigma^2/2, sigma^2 = ln(1 + cv^2)", () => {
    for (const [mean, cv] of [
      [2, 1.5],
      [0.05, 0.3],
      [10, 4],
    ] as const) {
      const d = LogNormal.fromMeanCv(mean, cv);
      const { mu, sigma } = lnMeanCv(mean, cv);
      expect(d.mu).toBeCloseTo(mu, 12);
      expect(d.sigma).toBeCloseTo(sigma, 12);
      // the moments back: mean, and variance (exp(s2) - 1) exp(2 mu + s2) = (cv mean)^2
      expect(d.mean).toBeCloseTo(mean, 12);
      const variance = (Math.exp(sigma ** 2) - 1) * Math.exp(2 * mu + sigma ** 2);
      expect(Math.sqrt(variance) / mean).toBeCloseTo(cv, 12);
    }
  });

  it("a parameter swap made consistently in sample and cdf passes the KS test and fails these checks", () => {
    // a Weibull whose scale and shape were swapped in both methods: self-consistent, so KS cannot see it
    const swapped: Distribution = {
      kind: "weibull",
      mean: Number.NaN,
      sample: (rng: Rng) => 0.7 * (-Math.log(rng.next())) ** (1 / 2),
      cdf: (x: number) => (x <= 0 ? 0 : 1 - Math.exp(-((x / 0.7) ** 2))),
    };
    const rng = new Xoshiro128(17);
    const xs = Float64Array.from({ length: 20_000 }, () => swapped.sample(rng));
    expect(ksStatistic(xs, (x) => swapped.cdf(x))).toBeLessThan(ksCritical001(xs.length));
    const real = cases.find((c) => c.name === "weibull(scale 2, shape 0.7)")!;
    expect(textbookFailures({ ...real, d: swapped }, 31).length).toBeGreaterThan(0);
  });
});
