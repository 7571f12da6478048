import { describe, expect, it } from "vitest";
import { firstTime, mean, runBuiltin } from "./runBuiltin.js";

/** reconnect-herd's claims over three seeds at --scale 0.2 (2,000 clients, handshake capacity scaled alike). */
const NAME = "reconnect-herd";
const SCALE = 0.2;
const SEEDS = [1, 2, 3];
const FAILOVER = 600;

describe(NAME, () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: lockstep reconnects come back in waves over minutes; jittered ones within a minute`, () => {
      const clients = 10000 * SCALE;
      const back = (variant?: string) => {
        const r = runBuiltin(NAME, { seed, scale: SCALE, until: 25 * 60, ...(variant ? { variant } : {}) });
        const t = firstTime(r, "fleet.devices.disconnected", FAILOVER + 1, (d) => d < 0.01 * clients);
        return { r, t: t === null ? Number.POSITIVE_INFINITY : t - FAILOVER };
      };
      const lockstep = back();
      const jitter = back("jitter");
      expect(jitter.t).toBeLessThanOrEqual(60);
      expect(lockstep.t).toBeGreaterThanOrEqual(120);
      expect(lockstep.t).toBeLessThan(600);
      // goodput lost in the first two minutes after the failover
      const base = lockstep.r.summary.verdict.baselineGoodput;
      const lost = (x: typeof lockstep) => 1 - mean(x.r, "goodput", FAILOVER, FAILOVER + 120) / base;
      expect(lost(lockstep)).toBeGreaterThan(2 * lost(jitter));
      // lockstep clients hammer the handshake capacity far above its rate (storm factor > 1)
      expect(lockstep.r.summary.links["lb"]!.peakStormFactor).toBeGreaterThan(1);
    });
  }
});
