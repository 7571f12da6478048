import { describe, expect, it } from "vitest";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";
import { CloudModel } from "./CloudModel.js";
import { openFleet } from "./testing/openFleet.js";

/**
 * Telemetry from `svc` crosses a link with 70 s of latency and a 100 s timeout at a 1 s interval: 71 emissions are
 * in flight at once, more than the 64 a fixed ring held. `svc` fails everything from 100 s to 160 s.
 */
function model(): CloudModel {
  const raw = {
    name: "late-telemetry",
    description: "telemetry slower than 64 intervals",
    start: "2024-01-01T00:00:00Z",
    duration: 400,
    interval: 1,
    networks: { n: {}, m: {} },
    links: {
      wan: { between: ["n", "m"], devices: 1, forwardRate: 1000, setupRate: 100, buffer: 100, latency: 70 },
    },
    services: {
      svc: { network: "n", servers: 4, serviceTime: { type: "constant", value: "10ms" }, queueLimit: 10 },
    },
    fleets: { users: openFleet("svc", 20) },
    faults: { broken: { target: "svc", start: 100, end: 160, errorRate: 1 } },
    monitoring: {
      network: "m",
      sources: ["svc"],
      interval: 1,
      timeout: 100,
      staleAfter: 200,
      alarms: { errorRatio: { threshold: 0.5, for: 10 } },
    },
  } satisfies RawScenario;
  return new CloudModel(defineScenario(raw), 1, 400);
}

describe("Monitor", () => {
  it("sizes its ring from timeout / interval, so telemetry older than 64 intervals reads its own ratio", () => {
    const m = model();
    m.sim.run({ until: 400 });
    // The data goes bad with the emission after 101 s (the first tick that saw the fault), the alarm needs 10 s of bad
    // emissions and the last of them arrives 70 s later. An overrun ring read emission k + 64's ratio at k's arrival,
    // which raised the alarm 64 s early (about 127 s), before the bad data could have arrived.
    const at = m.monitor!.metricAlarmAt;
    expect(at).toBeGreaterThanOrEqual(100 + 10 + 70);
    expect(at).toBeLessThanOrEqual(100 + 10 + 70 + 3);
    expect(m.monitor!.ring).toBeGreaterThanOrEqual(102);
  });
});
