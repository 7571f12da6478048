import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type LoadedGraph, loadGraphs } from "../loadGraphs.js";
import { controlPlaneOf } from "./controlPlaneDefaults.js";
import { outageDurationModel } from "./outageDurationModel.js";
import { simulateSector } from "./simulateSector.js";

const REGISTERS = readdirSync("examples/register", { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join("examples/register", d.name));
const PAY = "ZZST00ZGDOO36U4US653/F-PAY"; // Baltica Pay's instant payments (fictional), RTO 1 h
const RUNS = 30;

/** The example sector with Baltica Pay's F-PAY spec changed (a counterfactual). */
function withPay(loaded: LoadedGraph, change: Record<string, unknown>): LoadedGraph {
  return {
    ...loaded,
    failover: loaded.failover.map((f) =>
      f.functionNode === PAY ? { ...f, spec: { ...f.spec, ...change } } : f,
    ),
  };
}

describe("stampede sector on the example registers", () => {
  const loaded = loadGraphs(REGISTERS);
  const run = (l: LoadedGraph, seed: number, runs = RUNS) =>
    simulateSector(l, { fail: "region:aws/us-east-1", runs, seed, duration: outageDurationModel() });

  it("a function static N-1 calls redundant breaches its RTO in at least half the runs, at the shared control plane", () => {
    for (const seed of [1, 2]) {
      const r = run(loaded, seed);
      const pay = r.functions.find((f) => f.id === PAY)!;
      expect(pay.staticState).toBe("degraded");
      expect(pay.mode).toBe("failover");
      // The Wilson interval's lower bound, from the runs themselves, is above one half.
      expect(pay.rtoBreach!.low).toBeGreaterThan(0.5);
      const why = r.redundantButBreaching.find((b) => b.id === PAY)!;
      expect(why.reason).toContain("cp-aws-us-west-2");
      expect(r.criticalBreachingAtOnce.reduce((a, b) => a + b, 0)).toBe(RUNS);
    }
  });

  it("a capacity reservation removes the breach (counterfactual)", () => {
    const r = run(withPay(loaded, { instancesToLaunch: 0, reservedInstances: 40 }), 1);
    const pay = r.functions.find((f) => f.id === PAY)!;
    expect(pay.rtoBreach!.high).toBeLessThan(0.5);
    expect(pay.rtoBreach!.count).toBeLessThanOrEqual(1);
    expect(r.redundantButBreaching.some((b) => b.id === PAY && b.rtoBreach.count > 1)).toBe(false);
  });

  it("a second secondary (its own control plane) removes the breach (counterfactual)", () => {
    const r = run(withPay(loaded, { secondaryRegion: "aws/eu-west-1" }), 1);
    const pay = r.functions.find((f) => f.id === PAY)!;
    expect(pay.secondaryRegion).toBe("aws/eu-west-1");
    expect(pay.rtoBreach!.high).toBeLessThan(0.5);
  });

  it("a finite capacity pool: none left, every launch there fails; a pool far above the demand changes nothing", () => {
    const west = "aws/us-west-2";
    const plane = (capacity: number) => [{ ...controlPlaneOf(west, loaded.controlPlanes), capacity }];
    const sim = (capacity: number | undefined) =>
      simulateSector(loaded, {
        fail: "region:aws/us-east-1",
        runs: 8,
        seed: 4,
        duration: outageDurationModel(),
        ...(capacity === undefined ? {} : { controlPlanes: plane(capacity) }),
      });
    const demand = loaded.failover
      .filter((f) => f.spec.secondaryRegion === west)
      .reduce((n, f) => n + f.spec.instancesToLaunch, 0);
    expect(demand).toBeGreaterThan(100);
    const unlimited = sim(undefined);
    expect(unlimited.assumptions.controlPlanes.find((c) => c.region === west)!.capacity).toBeNull();
    // Ten times the demand: never reached, the same runs (common random numbers) to the last second.
    const ample = sim(10 * demand);
    expect(ample.functions).toEqual(unlimited.functions);
    // No capacity: every function that must launch instances in us-west-2 is down for the whole outage.
    const none = sim(0);
    const launching = none.functions.filter(
      (f) =>
        f.secondaryRegion === west &&
        loaded.failover.find((x) => x.functionNode === f.id)!.spec.instancesToLaunch > 0,
    );
    expect(launching.length).toBeGreaterThan(1);
    for (const f of launching) expect(f.downtime).toEqual(none.outageSeconds);
    const pay = none.redundantButBreaching.find((b) => b.id === PAY)!;
    expect(pay.reason).toContain(
      "insufficient capacity: the pool of 0 instances ran out in 8 of the 8 breaching runs",
    );
    // Half the demand: the firms that fail over late find no capacity; the early ones still get theirs.
    const half = sim(Math.floor(demand / 2));
    const breaches = (r: typeof none) => r.functions.reduce((n, f) => n + (f.rtoBreach?.count ?? 0), 0);
    expect(breaches(half)).toBeGreaterThan(breaches(unlimited));
    expect(breaches(half)).toBeLessThanOrEqual(breaches(none));
    expect(
      half.functions.some((f) => f.secondaryRegion === west && f.downtime.p50 < half.outageSeconds.p50),
    ).toBe(true);
  });

  it("is a pure function of the seed, and functions waiting for the primary are down for the whole outage", () => {
    const a = run(loaded, 3, 8);
    const b = run(loaded, 3, 8);
    expect({ ...a, timing: null }).toEqual({ ...b, timing: null });
    const kyc = a.functions.find((f) => f.id === "ZZST00ZGDOO36U4US653/F-KYC")!;
    expect(kyc.mode).toBe("waits");
    expect(kyc.downtime).toEqual(a.outageSeconds);
  });

  it("DORA class: side-file criteria decide it where they are given, else it stays undetermined", () => {
    const baltica = "ZZST00ZGDOO36U4US653";
    const withDora = (dora: Record<string, boolean>): LoadedGraph => ({
      ...loaded,
      failover: loaded.failover.map((f) =>
        f.spec.lei === baltica ? { ...f, spec: { ...f.spec, dora } } : f,
      ),
    });
    const firm = (l: LoadedGraph) => run(l, 1, 8).firms.find((f) => f.firm === baltica)!;
    const unknown = firm(loaded);
    expect(unknown.dora.undetermined).toBe(8);
    const none = {
      clients: false,
      reputational: false,
      geographical: false,
      dataLosses: false,
      maliciousAccess: false,
      economic: false,
    };
    const known = firm(withDora(none));
    expect(known.dora.undetermined).toBe(0);
    expect(known.dora.major).toBe(0);
    // Clients affected (Art. 9(1)) and more than 2 h of critical downtime (Art. 9(3)): two thresholds, major.
    const clients = firm(withDora({ ...none, clients: true }));
    expect(clients.dora.undetermined).toBe(0);
    expect(clients.dora.major).toBeGreaterThan(0);
    expect(clients.dora.major + clients.dora["not major"]).toBe(8);
    // Everything else known but Art. 9(5)(b) unknown: it alone could make each incident major (Art. 8(1)(a)).
    const { maliciousAccess: _, ...allButMalicious } = none;
    expect(firm(withDora(allButMalicious)).dora.undetermined).toBe(8);
    // A malicious access (side file): major on its own in every run where a critical function was down.
    const malicious = firm(withDora({ ...none, maliciousAccess: true }));
    expect(malicious.dora.major).toBe(8);
  });
});
