import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { checkScenario } from "../scenario/checkScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";

/**
 * `services.*.connectionCost` on one small scenario: N clients (open-loop Poisson, lambda each) hold connections
 * through a fast link to a service of c servers; at 60 s an endpoint change tears them all down and every client
 * reconnects at once. With a handshake cost h per connection the service spends W = N h / c seconds on the wave
 * (handshakes go before requests), and every request issued during it waits until its end: its latency is uniform on
 * (0, W). Without the cost the reconnect takes milliseconds. With `duration` seconds of load, the share of requests
 * slower than x is N lambda (W - x) / (N lambda duration), so the p99 latency is W - 0.01 duration. The two runs
 * share their arrivals (common random numbers: fleet/users/arrivals).
 */
const [N, lambda, c, h, duration] = [200, 0.5, 2, 0.05, 120];
const W = (N * h) / c; // 5 s

function scenario(cost: boolean): RawScenario {
  return {
    name: "connection-cost",
    description: "a reconnect wave on a service that charges handshakes",
    start: "2024-01-01T00:00:00Z",
    duration,
    interval: 1,
    networks: { inside: {}, outside: {} },
    links: {
      gw: {
        between: ["inside", "outside"],
        devices: 1,
        forwardRate: "100000/s",
        setupRate: "100000/s",
        buffer: 10_000,
        latency: "1ms",
      },
    },
    services: {
      api: {
        network: "outside",
        servers: c,
        serviceTime: { type: "constant", value: "1ms" },
        queueLimit: 10_000,
        ...(cost ? { connectionCost: { type: "constant", value: h } } : {}),
      },
    },
    fleets: {
      users: {
        network: "inside",
        target: "api",
        clients: N,
        load: { type: "open", rate: lambda },
        timeout: "20s",
        retry: { maxAttempts: 1 },
        connection: { setupTimeout: "20s", reconnect: { type: "none" } },
      },
    },
    automation: { move: { at: 60, action: { type: "change-endpoints", service: "api" } } },
  };
}

describe("server-side connection cost (services.*.connectionCost)", () => {
  it("a reconnect wave of N handshakes holds the c servers N h / c seconds: p99 latency W - 0.01 duration", () => {
    const off = runScenario(defineScenario(scenario(false)), { seed: 4 }).summary.fleets["users"]!;
    const on = runScenario(defineScenario(scenario(true)), { seed: 4 }).summary.fleets["users"]!;
    expect(on.firstAttempts).toBe(off.firstAttempts); // common random numbers
    expect(on.setupAttempts).toBe(off.setupAttempts); // one setup per client, none timed out
    expect(on.timeouts + off.timeouts).toBe(0);
    expect(off.latencyP99).toBeLessThan(0.05);
    // about 120 requests slower than the p99 (Poisson, sd 11): the p99 moves by about 0.11 s per sd
    expect(Math.abs(on.latencyP99! - (W - 0.01 * duration))).toBeLessThan(0.4);
  });

  it("is refused with processor sharing (a located error)", () => {
    const raw = scenario(true);
    const api = raw.services!["api"]!;
    const problems = checkScenario({ ...raw, services: { api: { ...api, processorSharing: {} } } }).problems;
    expect(problems.map((p) => p.path.join("."))).toEqual(["services.api.connectionCost"]);
  });
});
