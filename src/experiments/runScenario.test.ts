import { describe, expect, it } from "vitest";
import { seriesCsv } from "../report/seriesCsv.js";
import { loadScenario } from "../scenario/index.js";
import { runScenario } from "./runScenario.js";

const NAME = "aws-us-east-1-2021-12-07";

describe("runScenario on the 2021 scenario at scale 0.05", () => {
  // Trigger at 30 min; the run stops at 70 min, 40 min into the storm (past the metastable check at 61 min).
  const r = runScenario(loadScenario(NAME, { scale: 0.05 }), { seed: 1, until: 4200 });
  const col = (name: string) => r.series.columns[name]!;
  const storm = (i: number) => r.series.time[i]! >= 1800 + 60;

  it("writes no data as null, not 0: p99 during the storm, when nothing succeeds, has no value", () => {
    const p99 = col("fleet.internal-clients.p99");
    const ok = col("fleet.internal-clients.successes");
    let stormIntervals = 0;
    p99.forEach((v, i) => {
      if (r.series.time[i]! < 1800) {
        expect(v).toBeGreaterThan(0);
        return;
      }
      if (!storm(i)) return;
      stormIntervals++;
      // no success, no latency sample: no data; before, this read 0 s
      if (ok[i] === 0) expect(v).toBeNull();
    });
    expect(stormIntervals).toBeGreaterThan(100);
    expect(p99.filter((v, i) => storm(i) && v === null).length).toBeGreaterThan(0.9 * stormIntervals);
  });

  it("keeps a true zero as 0: goodput is 0, not null, while the clients make requests and none succeeds", () => {
    const g = col("goodput");
    for (let i = 0; i < g.length; i++) if (storm(i)) expect(g[i]).not.toBeNull();
    expect(g.filter((v, i) => storm(i) && v === 0).length).toBeGreaterThan(100);
    // and the service's success ratio, whose callers all fail, is 0 (there were callers)
    expect(col("service.ec2-api.successRatio").filter((v, i) => storm(i) && v === 0).length).toBeGreaterThan(
      100,
    );
  });

  it("writes no data as an empty CSV cell", () => {
    const lines = seriesCsv([{ label: null, series: r.series }])
      .trim()
      .split("\n");
    const header = lines[0]!.split(",");
    const k = header.indexOf("fleet.internal-clients.p99");
    const at = r.series.time.findIndex((t, i) => t >= 2400 && col("fleet.internal-clients.p99")[i] === null);
    expect(lines[at + 1]!.split(",")[k]).toBe("");
    expect(lines[1]!.split(",")[k]).not.toBe("");
  });

  it("reports each fleet's locally refused attempts beside the attempts sent, in the summary and the series", () => {
    for (const [name, f] of Object.entries(r.summary.fleets)) {
      expect(f.refused).toBeGreaterThanOrEqual(0);
      // amplification is attempts sent per request
      if (f.firstAttempts > 0) expect(f.amplification).toBeCloseTo(f.attempts / f.firstAttempts, 3);
      const series = col(`fleet.${name}.refused`);
      expect(series).toHaveLength(r.series.time.length);
      for (const v of series) expect(v).toBeGreaterThanOrEqual(0);
    }
  });

  it("records the engine, the stampede version and a stable hash of the resolved scenario", () => {
    expect(r.summary.schemaVersion).toBe(6);
    expect(r.summary.engine).toBe("event");
    expect(r.summary.stampedeVersion).toMatch(/^\d+\.\d+\.\d+/);
    const again = runScenario(loadScenario(NAME, { scale: 0.05 }), { seed: 2, until: 60 });
    expect(again.summary.scenarioHash).toBe(r.summary.scenarioHash);
    // a different model input, a different hash; the same input reached another way, the same hash
    const other = runScenario(loadScenario(NAME, { scale: 0.05, set: { "links.nat.devices": "5" } }), {
      until: 60,
    });
    expect(other.summary.scenarioHash).not.toBe(r.summary.scenarioHash);
    const same = runScenario(loadScenario(NAME, { scale: 0.05, set: { "links.nat.devices": "4" } }), {
      until: 60,
    });
    expect(same.summary.overrides).toEqual({ "links.nat.devices": "4" });
    expect(same.summary.scenarioHash).toBe(r.summary.scenarioHash);
  });

  it("reads the verdict's constants from the scenario: metastableWindow and stableRatio change the verdict", () => {
    expect(r.summary.verdict.metastable).toBe(true);
    expect(r.summary.verdict.stable).toBe(false);
    const set = { "verdict.metastableWindow": "20m", "verdict.stableRatio": "0" };
    const v = runScenario(loadScenario(NAME, { scale: 0.05, set }), { seed: 1, until: 4200 }).summary.verdict;
    // the check would need the run to last until 30m + 30m + 20m = 80m: undetermined at 70m
    expect(v.metastable).toBeNull();
    expect(v.sustained).toBeNull();
    expect(v.stable).toBe(true);
  });
});
