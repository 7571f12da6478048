import { describe, expect, it } from "vitest";
import { mean, runBuiltin } from "./runBuiltin.js";

/** gc-spiral's claims over three seeds at --scale 0.5 (1,500 callers, 20 workers). */
const NAME = "gc-spiral";
const SCALE = 0.5;
const SEEDS = [1, 2, 3];

describe(NAME, () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: a one-minute burst tips the service into a slow state it does not leave; small bursts and bounded queues recover`, () => {
      const r = runBuiltin(NAME, { seed, scale: SCALE });
      const v = r.summary.verdict;
      expect(v.metastable).toBe(true);
      // self-sustaining: every worker is there; the queue's memory pressure (load) keeps the service slow
      expect(v.sustained).toBe(true);
      expect(v.recoveredAt).toBeNull();
      // no retries: the load is back to normal, yet the queue stays long and goodput collapsed
      expect(mean(r, "fleet.checkout.firstAttempts", 20 * 60, 60 * 60) / v.baselineGoodput).toBeLessThan(
        1.05,
      );
      expect(mean(r, "service.orders.queue", 20 * 60, 60 * 60)).toBeGreaterThan(5000);
      expect(mean(r, "goodput", 20 * 60, 60 * 60) / v.baselineGoodput).toBeLessThan(0.05);
      for (const variant of ["small-burst", "bounded-queue"]) {
        const ok = runBuiltin(NAME, { seed, scale: SCALE, variant });
        expect(ok.summary.verdict.metastable, variant).toBe(false);
        expect(ok.summary.verdict.recoveredAt, variant).not.toBeNull();
        expect(mean(ok, "service.orders.queue", 20 * 60, 60 * 60), variant).toBeLessThan(50);
      }
    });
  }
});
