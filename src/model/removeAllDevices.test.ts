import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";
import { openFleet } from "./testing/openFleet.js";

/** 20 clients on network a call api on b through `nat` (2 devices); automation removes `devices` of them at 60 s. */
function removing(devices: number): RawScenario {
  return {
    name: "remove-all",
    description: "a link loses its devices",
    start: "2024-01-01T00:00:00Z",
    duration: "3m",
    interval: "10s",
    networks: { a: {}, b: {} },
    links: {
      nat: { between: ["a", "b"], devices: 2, forwardRate: "1000/s", setupRate: "100/s", buffer: 50 },
    },
    services: {
      api: { network: "b", servers: 4, serviceTime: { type: "constant", value: "10ms" }, queueLimit: 50 },
    },
    fleets: {
      users: {
        ...openFleet("api", 20, "a"),
        connection: { setupTimeout: "1s", reconnect: { type: "none" } },
      },
    },
    automation: { cut: { at: "1m", action: { type: "remove-capacity", link: "nat", devices } } },
  };
}

describe("remove-capacity on a link", () => {
  it("removing every device leaves a link that drops everything (no device is kept back)", () => {
    const r = runScenario(defineScenario(removing(2)), { seed: 1 });
    const col = (n: string) => r.series.columns[n]!;
    const late = (n: string) => col(n).slice(7); // intervals from 70 s on
    expect(r.summary.links["nat"]!.devices).toBe(0);
    expect(late("link.nat.devices").every((v) => v === 0)).toBe(true);
    expect(late("fleet.users.successes").every((v) => v === 0)).toBe(true);
    expect(late("link.nat.drops").every((v) => v !== null && v > 0)).toBe(true);
    // No device: utilisation and storm factor have no value (null), not 0.
    expect(late("link.nat.utilisation").every((v) => v === null)).toBe(true);
    expect(late("link.nat.stormFactor").every((v) => v === null)).toBe(true);
    expect(col("fleet.users.successes")[3]).toBeGreaterThan(0);
  });

  it("removing one of two devices keeps the link working", () => {
    const r = runScenario(defineScenario(removing(1)), { seed: 1 });
    expect(r.summary.links["nat"]!.devices).toBe(1);
    expect(r.series.columns["fleet.users.successes"]!.slice(9).every((v) => v !== null && v > 0)).toBe(true);
  });
});
