import { describe, expect, it } from "vitest";
import { makeDistribution } from "../../src/model/makeDistribution.js";
import { distributionSchema } from "../../src/scenario/schema/distributionSchema.js";

/**
 * The scenario's distribution fields, as a user writes them, against the textbook quantile of each family in those
 * named parameters. The engine's own tests fix the classes; this one fixes the mapping from the file's field names
 * (`scale`, `shape`, `min`, `alpha`, `mean`, `cv`, `stddev`) to the classes' constructor arguments, where a swap
 * would be invisible to any test that only compares `sample` with `cdf`.
 */

/** Standard normal quantiles z_p from the tables. */
const Z: Record<number, number> = { 0.1: -1.281551566, 0.5: 0, 0.9: 1.281551566 };
const PS = [0.1, 0.5, 0.9];

const cases: [string, unknown, (p: number) => number][] = [
  ["constant", { type: "constant", value: "250ms" }, () => 0.25],
  ["uniform", { type: "uniform", min: "1s", max: "3s" }, (p) => 1 + 2 * p],
  ["exponential", { type: "exponential", mean: "2s" }, (p) => -2 * Math.log(1 - p)],
  ["normal", { type: "normal", mean: "10s", stddev: "2s" }, (p) => 10 + 2 * Z[p]!],
  [
    "lognormal",
    { type: "lognormal", mean: "2s", cv: 1.5 },
    // sigma^2 = ln(1 + cv^2), mu = ln(mean) - sigma^2 / 2: the median is mean / sqrt(1 + cv^2)
    (p) => (2 / Math.sqrt(1 + 1.5 ** 2)) * Math.exp(Math.sqrt(Math.log(1 + 1.5 ** 2)) * Z[p]!),
  ],
  ["pareto", { type: "pareto", min: "100ms", alpha: 3 }, (p) => 0.1 * (1 - p) ** (-1 / 3)],
  ["weibull", { type: "weibull", scale: "2s", shape: 0.7 }, (p) => 2 * (-Math.log(1 - p)) ** (1 / 0.7)],
  ["empirical", { type: "empirical", samples: ["3s", "1s", "2s"] }, (p) => 1 + 2 * p],
];

describe("distribution fields map to the textbook parameters", () => {
  it.each(cases)("%s: cdf at the closed-form quantile is p", (_name, raw, quantile) => {
    const d = makeDistribution(distributionSchema.parse(raw));
    for (const p of PS) {
      const q = quantile(p);
      if (d.kind === "constant") {
        expect(d.cdf(q)).toBe(1);
        expect(d.cdf(q - 1e-9)).toBe(0);
      } else expect(d.cdf(q), `${d.kind} cdf(${q})`).toBeCloseTo(p, 6);
    }
  });
});
