import { describe, expect, it } from "vitest";
import { fakeLoad, fakeRun } from "../../experiments/testing/fakeModel.js";
import type { RunResult } from "../../metrics/RunResult.js";
import { reportRun, runFleets } from "./reportRun.js";

/** The fake run with two fleets in its summary and a third that only has series columns. */
function threeFleetRun(): RunResult {
  const r = fakeRun(fakeLoad("fake"), { seed: 1, until: 600 });
  const fleet = {
    clients: 1,
    firstAttempts: 0,
    attempts: 0,
    setupAttempts: 0,
    refused: 0,
    successes: 0,
    timeouts: 0,
    errors: 0,
    rejected: 0,
    amplification: 0,
    latencyP50: null,
    latencyP99: null,
  };
  r.summary.fleets = { web: fleet, clients: fleet };
  r.series.columns["fleet.batch.successes"] = r.series.time.map(() => 1);
  return r;
}

describe("reportRun", () => {
  it("lists the summary's fleets, then fleets seen only in the series, each once", () => {
    expect(runFleets(threeFleetRun())).toEqual(["web", "clients", "batch"]);
  });

  it("embeds the goodput fleets it is given, in order, without duplicates", () => {
    const r = threeFleetRun();
    const entry = reportRun("baseline", r, ["clients", "web", "clients"]);
    expect(entry.goodputFleets).toEqual(["clients", "web"]);
    expect(entry.label).toBe("baseline");
    expect(entry.summary).toBe(r.summary);
    expect(entry.series).toBe(r.series);
  });

  it("defaults to every fleet of the run, the verdict's default", () => {
    expect(reportRun("baseline", threeFleetRun()).goodputFleets).toEqual(["web", "clients", "batch"]);
  });

  it("keeps an explicitly empty list (the caller said: no goodput fleets)", () => {
    expect(reportRun("baseline", threeFleetRun(), []).goodputFleets).toEqual([]);
  });
});
