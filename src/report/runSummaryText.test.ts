import { describe, expect, it } from "vitest";
import { formatDuration } from "../core/parseDuration.js";
import type { RunSummary, Verdict } from "../metrics/RunResult.js";
import { runSummaryText } from "./runSummaryText.js";

function summary(verdict: Partial<Verdict>): RunSummary {
  return {
    schemaVersion: 2,
    stampedeVersion: "0.1.0",
    engine: "event",
    scenarioHash: "0".repeat(64),
    scenario: "demo",
    variant: null,
    overrides: {},
    scale: 1,
    seed: 1,
    start: "2017-02-28T09:00:00-08:00",
    simulatedSeconds: 7200,
    events: 1000,
    verdict: {
      metastable: false,
      sustained: null,
      stable: false,
      triggerStart: 600,
      triggerEnd: 600,
      detectedAt: null,
      detectedBy: null,
      diagnosedAt: null,
      recoveredAt: null,
      peakAmplification: 1,
      baselineGoodput: 100,
      minGoodputRatio: 0,
      goodputLostSeconds: 3000,
      goodputNoiseFloor: 0,
      ...verdict,
    },
    triggers: [],
    fleets: {},
    links: {},
    services: {},
    monitoring: null,
    operators: [],
    dependents: {},
    timing: { wallSeconds: 1, eventsPerSecond: 1000 },
  };
}

const verdictLine = (v: Partial<Verdict>) =>
  runSummaryText(summary(v))
    .split("\n")
    .find((l) => l.startsWith("verdict: "));

describe("runSummaryText verdict line", () => {
  it("calls a metastable run with capacity still missing a slow recovery, not metastable", () => {
    const line = verdictLine({ metastable: true, sustained: false });
    expect(line).toMatch(/^verdict: SLOW RECOVERY: /);
    expect(line).toContain("capacity is still coming back");
    expect(line).not.toContain("METASTABLE");
  });

  it("keeps the METASTABLE line for a self-sustaining run and says why", () => {
    const line = verdictLine({ metastable: true, sustained: true });
    expect(line).toMatch(/^verdict: METASTABLE: /);
    expect(line).toContain("self-sustaining: capacity is back, the load keeps it down");
  });

  it("reads a recovered run as before", () => {
    expect(verdictLine({ recoveredAt: 600 + 5400 })).toBe(
      `verdict: recovered ${formatDuration(5400)} after the trigger started`,
    );
  });
});
