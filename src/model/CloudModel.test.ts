import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";
import { CloudModel } from "./CloudModel.js";
import { openFleet } from "./testing/openFleet.js";

function raw(duration: number, interval: number, monitoring = false): RawScenario {
  return {
    name: "ticks",
    description: "one service, one fleet",
    start: "2024-01-01T00:00:00Z",
    duration,
    interval,
    networks: { n: {} },
    services: {
      svc: { network: "n", servers: 4, serviceTime: { type: "constant", value: "10ms" }, queueLimit: 10 },
    },
    fleets: { users: openFleet("svc", 5) },
    ...(monitoring
      ? {
          monitoring: {
            network: "n",
            sources: ["svc"],
            interval,
            timeout: 1,
            staleAfter: 5,
            alarms: { errorRatio: { threshold: 0.5, for: 1 } },
          },
        }
      : {}),
  } satisfies RawScenario;
}

describe("CloudModel metrics tick", () => {
  it("runs tick k at k * interval, so 7 s at 0.7 s gives 10 rows (a running sum of intervals gave 9)", () => {
    const r = runScenario(defineScenario(raw(7, 0.7)));
    expect(r.series.time).toHaveLength(10);
  });

  it("samples in the urgent tier: the tick runs before any other event scheduled at the same time", () => {
    const m = new CloudModel(defineScenario(raw(10, 1)), 1, 10);
    const seen: string[] = [];
    m.sim.trace = (t, kind) => {
      if (t === 3) seen.push(m.sim.kindName(kind));
    };
    const probe = m.sim.register(() => {}, "probe");
    m.sim.at(3, probe, 0, 0); // scheduled before the tick of t = 3 is (at t = 2): the tier, not the order, decides
    m.sim.run({ until: 10 });
    expect(seen[0]).toBe("metrics-tick");
    expect(seen).toContain("probe");
  });

  it("emits telemetry at exactly (k + 1) * interval", () => {
    const m = new CloudModel(defineScenario(raw(7, 0.7, true)), 1, 7);
    const times: number[] = [];
    m.sim.trace = (t, kind) => {
      if (m.sim.kindName(kind) === "telemetry-emit") times.push(t);
    };
    m.sim.run({ until: 7 });
    expect(times).toEqual(Array.from({ length: 10 }, (_, k) => (k + 1) * 0.7));
  });
});
