import { describe, expect, it } from "vitest";
import { CeilingStations } from "../bench/CeilingStations.js";
import { EngineStations } from "../bench/EngineStations.js";
import { EngineTimeouts } from "../bench/EngineTimeouts.js";

/** Guards the benchmark models: the engine and the ceiling must run the same amount of the same model. */
describe("benchmark models", () => {
  it("run exactly two events per M/M/1 customer, engine and ceiling alike", () => {
    const n = 20_000;
    expect(new EngineStations(1, 1, { maxArrivals: n }).run(Number.POSITIVE_INFINITY)).toBe(2 * n);
    expect(new CeilingStations(1, 1, { maxArrivals: n }).run(Number.POSITIVE_INFINITY)).toBe(2 * n);
  });

  it("keep the many-stations queue near N (1 + rho) pending events and agree on the event rate", () => {
    const stations = 5000;
    const e = new EngineStations(stations, 2, { stationary: true });
    const c = new CeilingStations(stations, 2, { stationary: true });
    const horizon = 20;
    const ne = e.run(horizon);
    const nc = c.run(horizon);
    // events per station per unit time: lambda + mu * P(busy) = 0.9 + 0.9 = 1.8; Poisson-like counts, 4-sigma bounds
    const expected = 1.8 * stations * horizon;
    for (const n of [ne, nc]) expect(Math.abs(n - expected)).toBeLessThan(4 * Math.sqrt(3 * expected));
    // pending: one arrival per station plus a departure per busy station (P(busy) = 0.9)
    const pending = e.sim.pending;
    expect(Math.abs(pending - 1.9 * stations)).toBeLessThan(4 * Math.sqrt(stations * 0.9 * 0.1));
  });

  it("time out the expected share of attempts in the timeout workload (P(Exp(0.4 s) > 1 s) = e^-2.5)", () => {
    const t = new EngineTimeouts(200, 1);
    const counts = new Map<string, number>();
    t.sim.trace = (_time, kind) => {
      const name = t.sim.kindName(kind);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    };
    t.run(200);
    const sends = counts.get("send") ?? 0;
    const timeouts = counts.get("timeout") ?? 0;
    const p = Math.exp(-2.5);
    expect(sends).toBeGreaterThan(20_000);
    expect(Math.abs(timeouts / sends - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / sends));
  });
});
