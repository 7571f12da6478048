import { describe, expect, it } from "vitest";
import { LatencyHistogram } from "./LatencyHistogram.js";

describe("LatencyHistogram", () => {
  it("returns quantiles within one bucket (26%) of the truth", () => {
    const h = new LatencyHistogram();
    for (let i = 1; i <= 1000; i++) h.record(i / 1000); // 1 ms .. 1 s uniformly
    expect(h.quantile(0.5)! / 0.5).toBeGreaterThan(1 / 1.26);
    expect(h.quantile(0.5)! / 0.5).toBeLessThan(1.26);
    expect(h.quantile(0.99)! / 0.99).toBeGreaterThan(1 / 1.26);
    expect(h.quantile(0.99)! / 0.99).toBeLessThan(1.26);
  });

  it("is empty after reset and clamps values outside its range", () => {
    const h = new LatencyHistogram();
    expect(h.quantile(0.5)).toBeNull();
    h.record(1e-9);
    h.record(1e9);
    expect(h.total).toBe(2);
    h.reset();
    expect(h.quantile(0.5)).toBeNull();
  });
});
