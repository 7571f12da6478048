import { describe, expect, it } from "vitest";
import { runSummarySchema } from "../metrics/runSummarySchema.js";
import { loadScenario } from "../scenario/loadScenario.js";
import { emptyCounts } from "./labProtocol.js";
import { type LabInterval, labResult } from "./labResult.js";

/** Synthetic measurements: 300 successes/s, none from 12 s on (a storm that never ends). */
function intervals(n: number): LabInterval[] {
  return Array.from({ length: n }, (_, i) => {
    const c = emptyCounts();
    const ok = i < 12 ? 300 : 0;
    c.firstAttempts = 300;
    c.attempts = i < 12 ? 300 : 450;
    c.successes = ok;
    c.timeouts = 300 - ok;
    c.latencies = ok > 0 ? [0.01, 0.02] : [];
    return {
      counts: [c],
      queuePeak: i < 12 ? 0 : 150,
      health: [{ process: 0, lagP99Ms: 3, driftMs: 5, cpuSeconds: i }],
    };
  });
}

describe("labResult", () => {
  it("builds a schema-4 summary with engine lab, events null and the lab block, verdict from the measured series", () => {
    const s = loadScenario("lab-reconnect-storm");
    const r = labResult(s, 1, 1, intervals(37), {
      fleetName: "devices",
      linkName: "proxy",
      devices: 1,
      wallSeconds: 37,
      processes: 2,
    });
    const summary = runSummarySchema.parse(r.summary);
    expect(summary.engine).toBe("lab");
    expect(summary.events).toBeNull();
    expect(summary.lab?.processes).toHaveLength(2);
    expect(summary.lab?.unreliable).toBe(false);
    expect(summary.verdict.baselineGoodput).toBe(300);
    expect(summary.verdict.metastable).toBe(true);
    expect(summary.links["proxy"]!.peakQueue).toBe(150);
    expect(summary.links["proxy"]!.wastedShare).toBeNull();
  });

  it("flags a run whose lag p99 exceeds a tenth of the smallest timeout as unreliable", () => {
    const iv = intervals(37);
    iv[3]!.health[0]!.lagP99Ms = 250;
    const r = labResult(loadScenario("lab-reconnect-storm"), 1, 1, iv, {
      fleetName: "devices",
      linkName: "proxy",
      devices: 1,
      wallSeconds: 37,
      processes: 1,
    });
    expect(r.summary.lab?.unreliable).toBe(true);
  });
});
