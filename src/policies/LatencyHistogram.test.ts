import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "../engine/Xoshiro128.js";
import { Hedger } from "./hedge/Hedger.js";
import { LatencyQuantile } from "./hedge/LatencyQuantile.js";
import { LatencyHistogram } from "./LatencyHistogram.js";
import { ManualClock } from "./testing/ManualClock.js";

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

describe("LatencyHistogram: one histogram for the run, the fluid engine and the hedger (conformance)", () => {
  const samples = (): number[] => {
    const rng = new Xoshiro128(7);
    const xs: number[] = [];
    for (let i = 0; i < 900; i++) xs.push(-Math.log(rng.next()) * 0.05); // exponential, mean 50 ms
    return xs;
  };
  const QS = [0.01, 0.5, 0.9, 0.95, 0.99, 1];

  for (const [name, layout] of [
    ["RUN", LatencyHistogram.RUN],
    ["FINE", LatencyHistogram.FINE],
    ["FLUID", LatencyHistogram.FLUID],
  ] as const) {
    it(`${name}: the hedger's window, a weight-1 histogram and a doubled-weight one give the same quantiles`, () => {
      const h = new LatencyHistogram(layout);
      const w = new LatencyHistogram(layout);
      const window = new LatencyQuantile(1000, layout);
      for (const x of samples()) {
        h.record(x);
        w.record(x, 2);
        window.add(x);
      }
      for (const q of QS) {
        expect(window.quantile(q)).toBe(h.quantile(q));
        expect(w.quantile(q)).toBe(h.quantile(q));
      }
    });

    it(`${name}: each quantile lies within half a bucket of the exact order statistic`, () => {
      const xs = samples();
      const h = new LatencyHistogram(layout);
      for (const x of xs) h.record(x);
      xs.sort((a, b) => a - b);
      const half = 10 ** (0.5 / layout.perDecade) * (1 + 1e-12);
      for (const q of [0.5, 0.9, 0.95, 0.99]) {
        const exact = Math.max(layout.min, xs[Math.ceil(q * xs.length) - 1]!);
        expect(h.quantile(q)! / exact).toBeLessThanOrEqual(half);
        expect(h.quantile(q)! / exact).toBeGreaterThanOrEqual(1 / half);
      }
    });
  }

  it("the Hedger's delay is the window's quantile of the same samples", () => {
    const hedger = new Hedger({ quantile: 0.9, minSamples: 1 }, new ManualClock(0));
    const h = new LatencyHistogram(LatencyHistogram.FINE);
    for (const x of samples()) {
      hedger.record(x);
      h.record(x);
    }
    expect(hedger.delay()).toBe(h.quantile(0.9));
  });

  it("a full window forgets its oldest samples exactly", () => {
    const window = new LatencyQuantile(100);
    const h = new LatencyHistogram(LatencyHistogram.FINE);
    for (let i = 0; i < 100; i++) window.add(10); // all forgotten below
    for (let i = 1; i <= 100; i++) {
      window.add(i / 1000);
      h.record(i / 1000);
    }
    expect(window.size).toBe(100);
    for (const q of QS) expect(window.quantile(q)).toBe(h.quantile(q));
  });

  it("ignores weights that are not positive", () => {
    const h = new LatencyHistogram();
    h.record(0.1, 0);
    h.record(0.1, -1);
    h.record(0.1, Number.NaN);
    expect(h.total).toBe(0);
    expect(h.quantile(0.5)).toBeNull();
  });
});
