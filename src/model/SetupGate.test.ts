import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";

const N = 400;
const SETUP_TIMEOUT = 2;
const AFTER = 120; // seconds simulated after the endpoint change

/**
 * 400 persistent clients behind 2 NAT devices of 20 set-ups/s (40/s) with a deep buffer; their service's endpoints
 * change at 60 s and every client reconnects at once, with no backoff: N / setupTimeout = 200 set-ups/s against 40/s.
 */
function scenario(budget: Record<string, unknown> | undefined): RawScenario {
  return {
    name: "setup-budget",
    description: "a reconnect storm with and without a budget on set-ups",
    start: "2024-01-01T00:00:00Z",
    duration: `${60 + AFTER}s`,
    interval: "10s",
    networks: { a: {}, b: {} },
    links: {
      nat: {
        between: ["a", "b"],
        devices: 2,
        forwardRate: "1000/s",
        setupRate: "20/s",
        buffer: 2000,
        latency: "1ms",
      },
    },
    services: {
      svc: { network: "b", servers: 50, serviceTime: { type: "exponential", mean: "5ms" }, queueLimit: 1000 },
    },
    fleets: {
      users: {
        network: "a",
        target: "svc",
        clients: N,
        via: ["nat"],
        load: { type: "open", rate: "0.2/s" },
        // long enough that requests do not time out (a timeout tears a live connection down: a new first set-up)
        timeout: 30,
        retry: { maxAttempts: 1 },
        connection: {
          persistent: true,
          setupTimeout: SETUP_TIMEOUT,
          reconnect: { type: "none" },
          ...(budget ? { budget } : {}),
        },
      },
    },
    automation: { flap: { at: "1m", action: { type: "change-endpoints", service: "svc" } } },
  } as unknown as RawScenario;
}

function run(budget: Record<string, unknown> | undefined) {
  const r = runScenario(defineScenario(scenario(budget)), { seed: 11 });
  return { setups: r.summary.fleets.users!.setupAttempts, successes: r.summary.fleets.users!.successes };
}

describe("connection.budget gates connection set-ups", () => {
  it("a reconnect storm with a set-up budget makes fewer set-ups (bounded by the budget) and recovers", () => {
    // Same seed, same streams (common random numbers): only the budget differs.
    const off = run(undefined);
    // ratio 0, 0.05 retries/s over a 20 s window: each client at most 1 retry set-up per 20 s window.
    const m = 0.05;
    const on = run({ type: "ratio", ratio: 0, minRetriesPerSecond: m, window: "20s", buckets: 20 });
    // Without a budget the storm sustains itself: every down client sets up again once per setup timeout, about
    // N / setupTimeout per second while it lasts (here for the whole run after the trigger).
    expect(off.setups).toBeGreaterThan(0.8 * N * (AFTER / SETUP_TIMEOUT));
    expect(off.setups).toBeLessThanOrEqual(N * (AFTER / SETUP_TIMEOUT + 1));
    // With the budget each client sends its first set-up plus at most one per window started:
    // N x (1 + ceil(T m) + 1), plus the N set-ups nobody makes before the trigger (connections start up).
    expect(on.setups).toBeLessThanOrEqual(N * (2 + Math.ceil(AFTER * m)));
    expect(on.setups).toBeGreaterThanOrEqual(N);
    // demand N m = 20/s is below the devices' 40/s: the storm drains and requests succeed again
    expect(on.successes).toBeGreaterThan(off.successes);
  });
});
