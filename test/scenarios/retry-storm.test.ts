import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.js";
import { max, mean, runBuiltin } from "./runBuiltin.js";

/**
 * retry-storm's claims over three seeds at --scale 0.3 (600 clients; per-client rates and timeouts unchanged): a
 * sharp boundary in the trigger's length and size, found by the sweep recorded in docs/scenarios/retry-storm.md.
 */
const NAME = "retry-storm";
const SCALE = 0.3;
const SEEDS = [1, 2, 3];
const UNTIL = 42 * 60;
const END = "faults.primary-cpu-loss.end";
const FACTOR = "faults.primary-cpu-loss.capacityFactor";
const dt = loadScenario(NAME).interval;

describe(NAME, () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: just past the boundary it stays metastable with attempts near 5x offered; just short of it, it recovers`, () => {
      const cases = [
        { set: { [END]: "10m4.5s" }, tips: true },
        { set: { [END]: "10m3s" }, tips: false },
        { set: { [FACTOR]: "0.15" }, tips: true },
        { set: { [FACTOR]: "0.3" }, tips: false },
      ];
      for (const c of cases) {
        const r = runBuiltin(NAME, { seed, scale: SCALE, set: c.set, until: UNTIL });
        const v = r.summary.verdict;
        const what = JSON.stringify(c.set);
        expect(v.metastable, what).toBe(c.tips);
        // The fault takes capacity away only while it lasts. It starts on a metrics tick and ends before the next
        // one; the tick runs in the urgent tier, so it samples the end of the interval before the fault starts and
        // `capacity.missing` (a sample at each interval's end) never shows it. At the metastable check everything is
        // back, and the retries alone keep the primary saturated.
        const fault = loadScenario(NAME, { scale: SCALE, set: c.set }).faults["primary-cpu-loss"]!;
        expect(fault.end - fault.start, what).toBeLessThan(dt);
        expect(max(r, "capacity.missing", fault.start - dt, UNTIL), what).toBe(0);
        expect(v.sustained, what).toBe(c.tips ? true : null);
        const offered = mean(r, "fleet.app-servers.firstAttempts", 20 * 60, UNTIL);
        const attempts = mean(r, "fleet.app-servers.attempts", 20 * 60, UNTIL);
        const goodput = mean(r, "goodput", 20 * 60, UNTIL);
        if (c.tips) {
          // every request uses its 5 attempts (1 + 4 retries), and almost none succeeds
          expect(attempts / offered, what).toBeGreaterThan(4.5);
          expect(attempts / offered, what).toBeLessThanOrEqual(5.05);
          expect(goodput / v.baselineGoodput, what).toBeLessThan(0.05);
          expect(v.recoveredAt, what).toBeNull();
        } else {
          expect(attempts / offered, what).toBeLessThan(1.05);
          expect(goodput / v.baselineGoodput, what).toBeGreaterThan(0.9);
          expect(v.recoveredAt, what).not.toBeNull();
        }
      }
    });
  }

  it("the mitigations recover from the default trigger: no retries, a retry budget", () => {
    for (const variant of ["no-retries", "retry-budget"]) {
      const r = runBuiltin(NAME, { seed: 1, scale: SCALE, variant, until: UNTIL });
      expect(r.summary.verdict.metastable, variant).toBe(false);
      expect(r.summary.verdict.recoveredAt, variant).not.toBeNull();
    }
    const base = runBuiltin(NAME, { seed: 1, scale: SCALE, until: UNTIL });
    expect(base.summary.verdict.metastable).toBe(true);
  });
});
