import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { FaultSpec } from "../scenario/Scenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";
import { combineFaults } from "./combineFaults.js";
import { openFleet } from "./testing/openFleet.js";

const f = (o: Partial<FaultSpec>): FaultSpec => ({ target: "x", start: 0, end: 1, trigger: false, ...o });

describe("combineFaults", () => {
  it("combines error rates as independent failures, multiplies capacity, adds latency, ors partitions", () => {
    const c = combineFaults([
      f({ errorRate: 0.5, capacityFactor: 0.5, addedLatency: 0.1 }),
      f({ errorRate: 0.2, capacityFactor: 0.4, addedLatency: 0.05, partition: true }),
    ]);
    expect(c.errorRate).toBeCloseTo(1 - 0.5 * 0.8, 12);
    expect(c.capacityFactor).toBeCloseTo(0.2, 12);
    expect(c.addedLatency).toBeCloseTo(0.15, 12);
    expect(c.partition).toBe(true);
    expect(combineFaults([])).toEqual({
      errorRate: 0,
      addedLatency: 0,
      capacityFactor: 1,
      partition: false,
      unresolvable: false,
    });
  });
});

/** The repro of overlapping faults: errorRate 1 on `svc` from 1 to 5 min, and 1 ms of latency from 2 to 3 min. */
function overlap(target: "svc" | "wan"): RawScenario {
  return {
    name: "overlap",
    description: "two faults on one target overlap",
    start: "2024-01-01T00:00:00Z",
    duration: "6m",
    interval: "10s",
    networks: { n: {}, m: {} },
    links: { wan: { between: ["m", "n"], devices: 2, forwardRate: 10_000, setupRate: 100, buffer: 1000 } },
    services: {
      svc: {
        network: "n",
        servers: 10,
        serviceTime: { type: "exponential", mean: "10ms" },
        queueLimit: 1000,
      },
    },
    fleets: { users: openFleet("svc", 100, target === "wan" ? "m" : "n") },
    faults: {
      errors: { target, start: "1m", end: "5m", errorRate: 1 },
      slow: { target, start: "2m", end: "3m", addedLatency: "1ms" },
    },
  };
}

describe("overlapping faults", () => {
  for (const target of ["svc", "wan"] as const) {
    it(`keeps an errorRate 1 fault on ${target} in force from 1 to 5 min while a latency fault comes and goes`, () => {
      const r = runScenario(defineScenario(overlap(target)));
      const ok = r.series.columns["fleet.users.successes"]!.map((x) => x ?? Number.NaN);
      const t = r.series.time;
      // rows stand for the interval ending at time[i] + interval; skip the boundary intervals
      const during = ok.filter((_, i) => t[i]! >= 70 && t[i]! < 290);
      const after = ok.filter((_, i) => t[i]! >= 310);
      expect(during.length).toBeGreaterThan(20);
      expect(Math.max(...during)).toBe(0);
      expect(Math.min(...after)).toBeGreaterThan(50);
    });
  }
});
