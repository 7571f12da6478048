import { describe, expect, it } from "vitest";
import { fitLognormal, outageDurationModel, PUBLISHED_OUTAGE_SECONDS } from "./outageDurationModel.js";

describe("outage duration models", () => {
  it("fits the lognormal to the logs of the published durations (mean, sample sd)", () => {
    const d = fitLognormal();
    const logs = PUBLISHED_OUTAGE_SECONDS.map(Math.log);
    expect(d.mu).toBeCloseTo((logs[0]! + logs[1]! + logs[2]!) / 3, 12);
    expect(Math.exp(d.mu) / 3600).toBeCloseTo(7.53, 2);
    expect(d.sigma).toBeCloseTo(0.616, 3);
  });

  it("names the family and its parameters; the two alternatives keep the published mean", () => {
    const mean = PUBLISHED_OUTAGE_SECONDS.reduce((a, b) => a + b, 0) / 3;
    expect(outageDurationModel().family).toBe("lognormal");
    expect(outageDurationModel("weibull").distribution.mean).toBeCloseTo(mean, 0);
    expect(outageDurationModel("exponential").distribution.mean).toBeCloseTo(mean, 6);
    expect(outageDurationModel("8h").distribution.mean).toBe(8 * 3600);
    expect(() => outageDurationModel("soon")).toThrow(/lognormal, weibull, exponential/);
  });
});
