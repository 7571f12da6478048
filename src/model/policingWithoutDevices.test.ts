import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";

/** Ten open-loop clients on the service's own network (no device group on the route); operators block them at 3 m. */
function run(block: boolean) {
  const raw = {
    name: "policing",
    description: "a block on a route without devices",
    start: "2024-01-01T00:00:00Z",
    duration: "6m",
    interval: "10s",
    networks: { a: {} },
    services: {
      svc: { network: "a", servers: 10, serviceTime: { type: "constant", value: "10ms" }, queueLimit: 100 },
    },
    fleets: {
      users: {
        network: "a",
        target: "svc",
        clients: 10,
        load: { type: "open", rate: "1/s" },
        timeout: 1,
        retry: { maxAttempts: 1 },
      },
    },
    ...(block
      ? {
          operators: {
            diagnosis: { visible: "1m", blind: "1m" },
            runbook: { stop: { at: "3m", do: { type: "block", fleet: "users", fraction: 1 } } },
          },
        }
      : {}),
  };
  return runScenario(defineScenario(raw as unknown as RawScenario), { memoryInUse: () => 0 });
}

describe("operator policing on a route without devices", () => {
  it("drops a blocked fleet's attempts at the service's door: no success after the block, each one rejected", () => {
    const { series, summary } = run(true);
    const ok = series.columns["fleet.users.successes"]!;
    const rejected = series.columns["fleet.users.rejected"]!;
    // before the block (rows 0-17) about 10 successes/s; from row 18 on every attempt is rejected and times out
    expect(ok.slice(1, 17).every((x) => (x ?? 0) > 0)).toBe(true);
    expect(ok.slice(19).every((x) => x === 0)).toBe(true);
    expect(rejected.slice(19).every((x) => (x ?? 0) > 0)).toBe(true);
    const fleet = summary.fleets.users!;
    expect(fleet.timeouts).toBeGreaterThanOrEqual(fleet.rejected - 10);
    // the same arrivals without the block: nothing rejected (common random numbers)
    expect(run(false).summary.fleets.users!.rejected).toBe(0);
  });
});
