import { describe, expect, it } from "vitest";
import { mean, runBuiltin } from "./runBuiltin.js";

/** cache-stampede's claims over three seeds at --scale 0.5 (5,000 users, 10 database connections) and 1. */
const NAME = "cache-stampede";
const SCALE = 0.5;
const SEEDS = [1, 2, 3];
const UNTIL = 41 * 60;
const HIT = "service.app.cacheHitRatio";

describe(NAME, () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: the cache stays cold while the database is overloaded; coalescing and a longer timeout refill it`, () => {
      const r = runBuiltin(NAME, { seed, scale: SCALE, until: UNTIL });
      const v = r.summary.verdict;
      const before = mean(r, HIT, 300, 600);
      expect(before).toBeGreaterThan(0.8);
      expect(v.metastable).toBe(true);
      // self-sustaining: no server is missing (the cache is not capacity), the misses keep the database overloaded
      expect(v.sustained).toBe(true);
      expect(mean(r, HIT, 20 * 60, UNTIL)).toBeLessThan(0.5 * before);
      expect(mean(r, "goodput", 20 * 60, UNTIL) / v.baselineGoodput).toBeLessThan(0.2);
      // the database is busy with queries whose caller (the application) already gave up
      expect(mean(r, "service.database.wastedShare", 20 * 60, UNTIL)).toBeGreaterThan(0.8);
      const longer = runBuiltin(NAME, { seed, scale: SCALE, variant: "longer-timeout", until: UNTIL });
      expect(longer.summary.verdict.metastable).toBe(false);
      expect(mean(longer, HIT, 20 * 60, UNTIL)).toBeGreaterThan(0.95 * before);
      // Coalescing helps through the request rate per key, which --scale lowers (the key space is not scaled):
      // it is checked at the default scale.
      const coalesced = runBuiltin(NAME, { seed, scale: 1, variant: "coalescing", until: 25 * 60 });
      expect(coalesced.summary.verdict.recoveredAt).not.toBeNull();
      expect(mean(coalesced, HIT, 15 * 60, 25 * 60)).toBeGreaterThan(0.95 * before);
      expect(
        mean(coalesced, "goodput", 10 * 60, 25 * 60) / coalesced.summary.verdict.baselineGoodput,
      ).toBeGreaterThan(0.9);
    });
  }
});
