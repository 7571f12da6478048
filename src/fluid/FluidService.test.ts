import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { loadScenario } from "../scenario/loadScenario.js";
import { checkFluid, distributionScv } from "./checkFluid.js";

/** The fluid queue's wait below capacity uses the service time's SCV (docs/fluid.md, Approximations). */
describe("FluidService: the service-time shape", () => {
  it("computes the SCV of each shape", () => {
    expect(distributionScv({ type: "constant", value: 0.01 })).toBe(0);
    expect(distributionScv({ type: "exponential", mean: 0.01 })).toBe(1);
    expect(distributionScv({ type: "uniform", min: 0, max: 0.02 })).toBeCloseTo(1 / 3, 12);
    expect(distributionScv({ type: "normal", mean: 0.01, stddev: 0.005 })).toBeCloseTo(0.25, 12);
    expect(distributionScv({ type: "lognormal", mean: 0.01, cv: 1.5 })).toBeCloseTo(2.25, 12);
    expect(distributionScv({ type: "pareto", min: 0.01, alpha: 3 })).toBeCloseTo(1 / 3, 12);
    expect(distributionScv({ type: "pareto", min: 0.01, alpha: 2 })).toBeNaN();
    expect(distributionScv({ type: "empirical", samples: [1, 3] })).toBeCloseTo(0.25, 12);
  });

  it("a wider shape with the same mean waits longer below capacity (higher fleet latency)", () => {
    // retry-storm before its fault: 10 workers at 70% load, 10 ms mean service time.
    const p50 = (serviceTime: string) => {
      const s = loadScenario("retry-storm", { set: { "services.db-primary.serviceTime": serviceTime } });
      return runScenario(s, { engine: "fluid", until: 300 }).summary.fleets["app-servers"]!.latencyP50!;
    };
    const constant = p50("{ type: constant, value: 10ms }");
    const exponential = p50("{ type: exponential, mean: 10ms }");
    const wide = p50("{ type: lognormal, mean: 10ms, cv: 3 }");
    expect(constant).toBeLessThan(exponential);
    expect(exponential).toBeLessThan(wide);
  });

  it("refuses a service time without a finite variance, by name", () => {
    const s = loadScenario("retry-storm", {
      set: { "services.db-primary.serviceTime": "{ type: pareto, min: 5ms, alpha: 2 }" },
    });
    expect(checkFluid(s).map((r) => r.path)).toEqual(["services.db-primary.serviceTime"]);
  });
});
