import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import type { Verdict } from "../metrics/RunResult.js";
import { loadScenario } from "../scenario/loadScenario.js";

/**
 * Cross-validation of the fluid engine against the event engine on every built-in the fluid engine accepts, at
 * scales a unit test can afford (the full-scale 15% check is in `npm run bench`, bench/fluidBench.ts). The event
 * engine's verdict is the majority over seeds 1..3; the fluid engine is deterministic (one run).
 */
interface Case {
  name: string;
  scale: number;
  until: number;
  set?: Record<string, string>;
}

const SEEDS = [1, 2, 3];

function both(c: Case): { fluid: Verdict; event: Verdict[] } {
  const s = loadScenario(c.name, { scale: c.scale, ...(c.set ? { set: c.set } : {}) });
  const fluid = runScenario(s, { engine: "fluid", until: c.until }).summary.verdict;
  const event = SEEDS.map((seed) => runScenario(s, { seed, until: c.until }).summary.verdict);
  return { fluid, event };
}

function majority(vs: readonly (boolean | null)[]): boolean | null {
  const t = vs.filter((v) => v === true).length;
  const f = vs.filter((v) => v === false).length;
  return t > f ? true : f > t ? false : null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const CASES: Case[] = [
  // The metastable check moved to 10 min after the trigger so that the storm costs the event engine seconds.
  { name: "retry-storm", scale: 0.2, until: 1300, set: { "verdict.metastableAfter": "10m" } },
  { name: "aws-us-east-1-2021-12-07", scale: 0.02, until: 7200 },
  { name: "reconnect-herd", scale: 0.05, until: 2700 },
  { name: "congestive-collapse", scale: 0.1, until: 2800 },
  { name: "gc-spiral", scale: 0.1, until: 2700 },
];

describe("FluidModel cross-validation", () => {
  for (const c of CASES)
    it(`${c.name} (scale ${c.scale}): the event engine's majority verdict, goodput lost within 15%`, () => {
      const { fluid, event } = both(c);
      expect(fluid.metastable).toBe(majority(event.map((v) => v.metastable)));
      expect(fluid.sustained).toBe(majority(event.map((v) => v.sustained)));
      const lost = median(event.map((v) => v.goodputLostSeconds));
      expect(Math.abs(fluid.goodputLostSeconds - lost)).toBeLessThanOrEqual(0.15 * Math.max(lost, 60));
      const recovered = event.filter((v) => v.recoveredAt !== null);
      if (fluid.recoveredAt !== null && recovered.length > 0) {
        const since = (v: Verdict) => v.recoveredAt! - v.triggerStart!;
        const rec = median(recovered.map(since));
        expect(Math.abs(since(fluid) - rec)).toBeLessThanOrEqual(0.15 * rec + c.until / 270);
      }
    }, 240_000);

  it("reconnect-herd: the gap in goodput lost shrinks as the event engine's population grows", () => {
    const gap = (scale: number) => {
      const { fluid, event } = both({ name: "reconnect-herd", scale, until: 2700 });
      return Math.abs(fluid.goodputLostSeconds - median(event.map((v) => v.goodputLostSeconds)));
    };
    // A mean-field run is scale-free (the same result at every scale); the event engine's noise falls with scale.
    expect(gap(0.2)).toBeLessThan(gap(0.05));
  }, 240_000);
});
