import { describe, expect, it } from "vitest";
import { formatDuration } from "../core/parseDuration.js";
import type { RunSummary, Verdict } from "../metrics/RunResult.js";
import { runSummaryText, runTimeline } from "./runSummaryText.js";

function summary(verdict: Partial<Verdict>): RunSummary {
  return {
    schemaVersion: 6,
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
    steps: null,
    stepSeconds: null,
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

describe("runSummaryText timeline", () => {
  it("names an instantaneous trigger on one line instead of 'starts' and 'ends' at the same second", () => {
    const s = summary({ triggerStart: 1800, triggerEnd: 1800 });
    s.triggers = [{ name: "scale-main-service", kind: "automation", start: 1800, end: 1800 }];
    const text = runSummaryText(s);
    expect(text).toMatch(/\+30m 00s\s+\+0s\s+trigger: scale-main-service\n/);
    expect(text).not.toContain("trigger starts");
    expect(text).not.toContain("trigger ends");
    // a trigger with a duration keeps its start and end, by name
    s.triggers = [{ name: "cpu-spike", kind: "fault", start: 600, end: 605 }];
    expect(runTimeline(s).map((e) => e.what)).toEqual([
      "trigger starts: cpu-spike",
      "trigger ends: cpu-spike",
    ]);
  });

  it("prints the blind window of monitoring and each dependent's down windows", () => {
    const s = summary({ triggerStart: 600, triggerEnd: 600 });
    s.monitoring = { staleSeconds: 1200, maxStaleness: 1200, staleWindows: [{ start: 900, end: 2100 }] };
    s.dependents = {
      shop: { illustrative: true, outageSeconds: 600, windows: [{ start: 700, end: 1300 }] },
      bank: { illustrative: false, outageSeconds: 6500, windows: [{ start: 700, end: 7200 }] },
    };
    const events = runTimeline(s);
    const at = (what: string) => events.find((e) => e.what === what)?.at;
    expect(at("monitoring goes blind")).toBe(900);
    expect(at("monitoring sees again")).toBe(2100);
    expect(at("dependent shop down")).toBe(700);
    expect(at("dependent shop back up")).toBe(1300);
    expect(at("dependent bank down")).toBe(700);
    // still down at the end of the run: no "back up" line
    expect(at("dependent bank back up")).toBeUndefined();
    expect(runSummaryText(s)).toContain("monitoring goes blind");
  });
});

describe("runSummaryText when the run is too short to tell", () => {
  it("says the verdict is undetermined, not 'not metastable'", () => {
    const line = verdictLine({ metastable: null });
    expect(line).toMatch(/^verdict: UNDETERMINED: the run ends before the metastable check/);
    expect(line).not.toContain("not metastable");
    expect(verdictLine({ metastable: null, recoveredAt: 900 })).toContain("metastability undetermined");
  });
});

describe("runSummaryText colour (picocolors)", () => {
  const ESC = String.fromCharCode(27);
  it("colours only the verdict line, and only when asked", () => {
    const plain = runSummaryText(summary({ metastable: true, sustained: true }));
    expect(plain).not.toContain(ESC);
    const coloured = runSummaryText(summary({ metastable: true, sustained: true }), { color: true });
    const lines = coloured.split("\n");
    const red = lines.filter((l) => l.includes(ESC));
    expect(red).toHaveLength(1);
    expect(red[0]).toContain(`${ESC}[31mverdict: METASTABLE`);
    expect(
      lines.map((l) =>
        l
          .split(ESC)
          .map((p, i) => (i === 0 ? p : p.replace(/^\[\d+m/, "")))
          .join(""),
      ),
    ).toEqual(plain.split("\n"));
  });

  it("greens a recovered run", () => {
    const text = runSummaryText(summary({ recoveredAt: 5400 + 600 }), { color: true });
    expect(text).toContain(`${ESC}[32mverdict: recovered`);
  });
});
