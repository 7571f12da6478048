import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "../../engine/Xoshiro128.js";
import { ManualClock } from "../testing/ManualClock.js";
import { Hedger } from "./Hedger.js";
import { LatencyQuantile } from "./LatencyQuantile.js";

describe("LatencyQuantile", () => {
  it("estimates quantiles within half a bucket (6%) of the exact order statistic", () => {
    const q = new LatencyQuantile(1000);
    const rng = new Xoshiro128(5);
    const xs: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const x = -Math.log(rng.next()) * 0.05; // exponential, mean 50 ms
      xs.push(x);
      q.add(x);
    }
    xs.sort((a, b) => a - b);
    for (const p of [0.5, 0.9, 0.95, 0.99]) {
      const exact = xs[Math.ceil(p * 1000) - 1]!;
      const est = q.quantile(p);
      expect(est).toBeGreaterThanOrEqual(exact / (10 ** (1 / 40) * 1.0000001));
      expect(est).toBeLessThanOrEqual(exact * 10 ** (1 / 40) * 1.0000001);
    }
  });
});

describe("Hedger", () => {
  it("hedges after the p95 once it has samples, within its extra-load budget", () => {
    const clock = new ManualClock(0);
    const h = new Hedger({ ratio: 0.1, window: 10 }, clock);
    expect(h.delay()).toBe(-1);
    for (let i = 1; i <= 100; i++) h.record(i / 1000); // 1..100 ms
    const d = h.delay();
    expect(d).toBeGreaterThanOrEqual(0.095 / 10 ** (1 / 40));
    expect(d).toBeLessThanOrEqual(0.095 * 10 ** (1 / 40));
    for (let i = 0; i < 100; i++) h.onRequest();
    let sent = 0;
    for (let i = 0; i < 100; i++) if (h.tryHedge()) sent++;
    expect(sent).toBe(10); // 10% of 100 requests
    expect(h.tryHedge(1)).toBe(false); // maxHedges 1 per request
    expect(h.counters).toEqual({ requests: 100, hedges: 10, refused: 91 });
    expect(new Hedger({ delay: 0.2 }, clock).delay()).toBe(0.2);
  });
});
