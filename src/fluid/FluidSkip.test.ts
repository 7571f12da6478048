import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import type { RunResult } from "../metrics/RunResult.js";
import { loadScenario } from "../scenario/loadScenario.js";
import { FluidModel } from "./FluidModel.js";

/**
 * Skipping quiescent stretches (FluidSkip, docs/fluid.md) must not change a fluid run: the same verdict and summary
 * figures, and every series value within 1e-6 relative (the skipped steps repeat the last period's flows up to the
 * steadiness tolerance of 1e-9 per step; in practice the series are equal).
 */
const TOLERANCE = 1e-6;

function worstGap(a: RunResult, b: RunResult): number {
  let worst = 0;
  for (const [name, col] of Object.entries(a.series.columns)) {
    const other = b.series.columns[name];
    expect(other, name).toBeDefined();
    col.forEach((x, i) => {
      const y = other![i] ?? null;
      if (x === null || y === null || Number.isNaN(x) || Number.isNaN(y)) {
        expect(Number.isNaN(x ?? Number.NaN), `${name}[${i}]`).toBe(Number.isNaN(y ?? Number.NaN));
        return;
      }
      worst = Math.max(worst, Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-6));
    });
  }
  return worst;
}

const CASES = [
  { name: "retry-storm", scale: 0.2, until: 1300, minSkipped: 0.8 },
  { name: "reconnect-herd", scale: 0.2, until: undefined, minSkipped: 0.5 },
  { name: "gc-spiral", scale: 0.1, until: undefined, minSkipped: 0.5 },
  { name: "congestive-collapse", scale: 0.1, until: undefined, minSkipped: 0.5 },
  // Measured 0.198 with the multi-rate step (its shortest period is two 0.5 s steps), 0.228 without.
  { name: "aws-us-east-1-2021-12-07", scale: 0.02, until: 7200, minSkipped: 0.18 },
];

describe("FluidSkip", () => {
  for (const c of CASES)
    it(`${c.name}: the same verdict, summary and series with and without skipping`, () => {
      const s = loadScenario(c.name, { scale: c.scale });
      const until = c.until ?? s.duration;
      const off = runScenario(s, { engine: "fluid", until, skip: false });
      const on = runScenario(s, { engine: "fluid", until, skip: true });
      expect(on.summary.verdict).toEqual(off.summary.verdict);
      expect(on.summary.fleets).toEqual(off.summary.fleets);
      expect(on.summary.services).toEqual(off.summary.services);
      expect(on.summary.links).toEqual(off.summary.links);
      expect(on.summary.steps).toBe(off.summary.steps);
      expect(worstGap(off, on)).toBeLessThanOrEqual(TOLERANCE);
      const m = new FluidModel(s, until);
      m.run(until);
      expect(m.integrated + m.skipped).toBe(m.steps);
      expect(m.skipped / m.steps).toBeGreaterThanOrEqual(c.minSkipped);
    });
});
