import { describe, expect, it } from "vitest";
import { normalQuantile } from "../../engine/distributions/normalMath.js";
import { incompleteBeta, studentTCdf, studentTQuantile } from "./studentTQuantile.js";

describe("studentTQuantile", () => {
  it("matches published two-sided 95% critical values", () => {
    // Standard t-table values (4 decimals).
    const table: [number, number][] = [
      [1, 12.7062],
      [2, 4.3027],
      [4, 2.7764],
      [9, 2.2622],
      [19, 2.093],
      [29, 2.0452],
      [120, 1.9799],
    ];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 3);
  });

  it("tends to the normal quantile for many degrees of freedom", () => {
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(normalQuantile(0.975), 4);
  });

  it("is the inverse of the CDF and antisymmetric", () => {
    for (const df of [1, 3, 7.5, 40]) {
      for (const p of [0.01, 0.2, 0.5, 0.9, 0.999]) {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-studentTQuantile(p, df), 8);
      }
    }
  });

  it("has the closed form of 1 and 2 degrees of freedom", () => {
    // df 1 is Cauchy: tan(pi (p - 1/2)); df 2: (2p - 1) / sqrt(2 p (1 - p)).
    for (const p of [0.6, 0.8, 0.95]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 8);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 8);
    }
  });

  it("computes I_x(a, b) with its symmetry and the uniform case", () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.25, 2.5, 4)).toBeCloseTo(1 - incompleteBeta(0.75, 4, 2.5), 12);
  });

  it("rejects probabilities outside (0, 1) and non-positive df", () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
  });
});
