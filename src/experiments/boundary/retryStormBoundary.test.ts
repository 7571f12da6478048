import { describe, expect, it } from "vitest";
import { loadScenario } from "../../scenario/loadScenario.js";
import { ports } from "../defaultPorts.js";
import { inProcessRunner } from "../pool/inProcessRunner.js";
import { runScenario } from "../runScenario.js";
import { findBoundary } from "./findBoundary.js";

/**
 * Issue 13: on retry-storm `stampede boundary` (fluid bisection) agrees with a fresh event-engine sweep of at least 20
 * points across the documented bracket (docs/experiments.md: the CPU loss `faults.primary-cpu-loss.end` from 10m1s to
 * 10m10s), within one grid step. At scale 0.2 with the metastable check 10 min after the trigger and the run cut at
 * 1300 s (the cross-validation's setting), one event seed per point, as a sweep runs it.
 */
const SCALE = 0.2;
const UNTIL = 1300;
const SET = { "verdict.metastableAfter": "10m" };
const FROM = 601;
const TO = 610;
const POINTS = 20;

describe("retry-storm tipping boundary: fluid bisection vs an event-engine sweep", () => {
  it("agree within one grid step of a 20-point event sweep", async () => {
    const step = (TO - FROM) / (POINTS - 1);
    const verdicts: boolean[] = [];
    for (let i = 0; i < POINTS; i++) {
      const end = FROM + i * step;
      const s = loadScenario("retry-storm", {
        scale: SCALE,
        set: { ...SET, "faults.primary-cpu-loss.end": String(end) },
      });
      verdicts.push(runScenario(s, { seed: 1, until: UNTIL }).summary.verdict.metastable === true);
    }
    // One flip, from recovering to metastable, as the documented sweep shows.
    const first = verdicts.indexOf(true);
    expect(first).toBeGreaterThan(0);
    expect(verdicts.slice(first).every((v) => v)).toBe(true);
    expect(verdicts.slice(0, first).some((v) => v)).toBe(false);
    const eventFlip = FROM + (first - 0.5) * step;

    const b = await findBoundary(inProcessRunner(ports), {
      scenario: "retry-storm",
      path: "faults.primary-cpu-loss.end",
      from: FROM,
      to: TO,
      engine: "fluid",
      replications: 1,
      tolerance: 0.05,
      seed: 1,
      set: SET,
      scale: SCALE,
      until: UNTIL,
    });
    expect(b.metastableAbove).toBe(true);
    expect(
      Math.abs(b.boundary - eventFlip),
      `fluid ${b.boundary}, event sweep flip ${eventFlip}`,
    ).toBeLessThanOrEqual(step);
  }, 180_000);
});
