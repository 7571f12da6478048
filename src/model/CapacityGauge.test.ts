import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";
import { openFleet } from "./testing/openFleet.js";

/**
 * `users` on network `a` call `api` (10 servers) on network `b` through `nat` (4 devices). Automation and faults
 * take capacity away at known times, some marked as triggers and some not.
 */
function raw(automation: RawScenario["automation"], faults: RawScenario["faults"] = {}): RawScenario {
  return {
    name: "capacity",
    description: "capacity taken away by triggers and by other automation",
    start: "2024-01-01T00:00:00Z",
    duration: "1h",
    interval: "10s",
    networks: { a: {}, b: {} },
    links: { nat: { between: ["a", "b"], devices: 4, forwardRate: "1000/s", setupRate: 100, buffer: 100 } },
    services: {
      api: { network: "b", servers: 10, serviceTime: { type: "constant", value: "10ms" }, queueLimit: 50 },
    },
    fleets: { users: openFleet("api", 20, "a") },
    automation,
    faults,
  } satisfies RawScenario;
}

function missing(r: RawScenario): (t: number) => number | null {
  const res = runScenario(defineScenario(r), { seed: 1 });
  const col = res.series.columns["capacity.missing"]!;
  return (t) => col[Math.floor(t / res.series.interval)]!;
}

describe("capacity.missing counts only what triggers took away", () => {
  it("servers removed by a trigger count until automation scales them back; other removals never count", () => {
    const m = missing(
      raw({
        cut: { at: 600, action: { type: "remove-capacity", service: "api", servers: 5 } },
        restore: { at: 1200, trigger: false, action: { type: "scale", service: "api", servers: 10 } },
        shrink: { at: 1800, trigger: false, action: { type: "remove-capacity", service: "api", servers: 3 } },
        bounce: { at: 2400, trigger: false, action: { type: "restart", service: "api", duration: 120 } },
      }),
    );
    expect(m(500)).toBe(0);
    expect(m(900)).toBe(0.5);
    expect(m(1500)).toBe(0);
    // 3 servers removed by automation that is not a trigger: before, this read 0.3
    expect(m(2100)).toBe(0);
    // a restart that is not a trigger: before, this read 1
    expect(m(2450)).toBe(0);
  });

  it("a trigger restart counts while it is down; devices removed by a trigger count, other devices do not", () => {
    const m = missing(
      raw({
        bounce: { at: 600, action: { type: "restart", service: "api", duration: 120 } },
        lose: { at: 1200, action: { type: "remove-capacity", link: "nat", devices: 1 } },
        loseMore: { at: 1800, trigger: false, action: { type: "remove-capacity", link: "nat", devices: 1 } },
      }),
    );
    expect(m(650)).toBe(1);
    expect(m(800)).toBe(0);
    expect(m(1500)).toBe(0.25);
    expect(m(2100)).toBe(0.25);
  });

  it("a trigger fault counts while it is on; a fault that is not a trigger does not", () => {
    const m = missing(
      raw(
        {},
        {
          half: { target: "api", start: 600, end: 900, capacityFactor: 0.5 },
          slow: { target: "nat", start: 1200, end: 1500, capacityFactor: 0.5, trigger: false },
        },
      ),
    );
    expect(m(700)).toBe(0.5);
    expect(m(1000)).toBe(0);
    expect(m(1300)).toBe(0);
  });
});
