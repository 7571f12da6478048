import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/experiments/runScenario.js";
import type { RunResult } from "../../src/metrics/RunResult.js";
import { loadScenario } from "../../src/scenario/index.js";
import type { Scenario } from "../../src/scenario/Scenario.js";

/**
 * Common random numbers: every random mechanism draws from its own named stream, so a variant changes only what it
 * changes. The 2021 scenario's fleets are all open loop: their first attempts are the arrivals themselves.
 */
const NAME = "aws-us-east-1-2021-12-07";
const SCALE = 0.05;
const UNTIL = 2 * 3600;

function firstAttempts(r: RunResult, fleet: string): number[] {
  const c = r.series.columns[`fleet.${fleet}.firstAttempts`];
  if (c === undefined) throw new Error(`no firstAttempts for ${fleet}`);
  return c.map((x) => x ?? Number.NaN);
}

function run(s: Scenario): RunResult {
  return runScenario(s, { seed: 1, until: UNTIL });
}

describe("common random numbers", () => {
  const base = run(loadScenario(NAME, { scale: SCALE }));
  const fleets = Object.keys(base.summary.fleets);

  it("a variant that changes only the retry and reconnect policy leaves every fleet's arrivals identical", () => {
    const fixed = run(loadScenario(NAME, { scale: SCALE, variant: "fixed-backoff" }));
    expect(fixed.summary.fleets["internal-clients"]!.attempts).not.toBe(
      base.summary.fleets["internal-clients"]!.attempts,
    );
    for (const f of fleets) expect(firstAttempts(fixed, f), f).toEqual(firstAttempts(base, f));
  });

  it("adding a fleet changes no other fleet's arrivals", () => {
    const s = loadScenario(NAME, { scale: SCALE });
    const template = s.fleets["dns-lookups"]!;
    s.fleets = { "a-new-fleet": { ...template, clients: 37 }, ...s.fleets };
    const more = run(s);
    for (const f of fleets) expect(firstAttempts(more, f), f).toEqual(firstAttempts(base, f));
  });
});
