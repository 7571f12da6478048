import { describe, expect, it } from "vitest";
import { mean, runBuiltin } from "./runBuiltin.js";

/** congestive-collapse's claims over three seeds at --scale 0.4 (2,000 clients, a 400 requests/s tier). */
const NAME = "congestive-collapse";
const SCALE = 0.4;
const SEEDS = [1, 2, 3];
const SURGE_END = 15 * 60;

describe(NAME, () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: goodput stays near zero for minutes after the load drops; cancellation recovers at once`, () => {
      const r = runBuiltin(NAME, { seed, scale: SCALE, until: 40 * 60 });
      const v = r.summary.verdict;
      // during the surge and for five minutes after it, almost nothing succeeds...
      expect(mean(r, "goodput", 11 * 60, SURGE_END) / v.baselineGoodput).toBeLessThan(0.05);
      expect(mean(r, "goodput", SURGE_END, SURGE_END + 300) / v.baselineGoodput).toBeLessThan(0.05);
      // ...while the tier is busy, with most of its work done for callers who left
      expect(mean(r, "service.web.busy", SURGE_END, SURGE_END + 300)).toBeGreaterThan(0.95 * 20);
      expect(mean(r, "service.web.wastedShare", SURGE_END, SURGE_END + 300)).toBeGreaterThan(0.9);
      // the backlog drains eventually (the surge is not sustained by retries alone)
      expect(v.recoveredAt).not.toBeNull();
      expect(v.recoveredAt!).toBeGreaterThan(SURGE_END + 300);

      const c = runBuiltin(NAME, { seed, scale: SCALE, variant: "cancellation", until: 40 * 60 });
      expect(c.summary.verdict.recoveredAt).not.toBeNull();
      expect(c.summary.verdict.recoveredAt!).toBeLessThanOrEqual(SURGE_END + 60);
      expect(mean(c, "goodput", SURGE_END + 60, SURGE_END + 300) / v.baselineGoodput).toBeGreaterThan(0.9);
    });
  }

  it("with three retries the attempts exceed capacity and the collapse is metastable", () => {
    const r = runBuiltin(NAME, { seed: 1, scale: SCALE, variant: "more-retries" });
    expect(r.summary.verdict.metastable).toBe(true);
    expect(r.summary.verdict.sustained).toBe(true);
    expect(r.summary.verdict.recoveredAt).toBeNull();
  });
});
