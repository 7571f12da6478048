import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/experiments/runScenario.js";
import { defineScenario } from "../../src/scenario/defineScenario.js";
import type { RawScenario } from "../../src/scenario/schema/scenarioSchema.js";

const DURATION = 600;

/** One client sending 10 requests/s to a service that always fails, retrying each failure at once up to 4 times. */
function brokenService(budget?: NonNullable<RawScenario["fleets"][string]["budget"]>): RawScenario {
  return {
    name: "finagle-budget",
    description: "a fleet behind a retry budget against a broken service",
    start: "2024-01-01T00:00:00Z",
    duration: DURATION,
    verdict: { baselineWindow: 10 },
    networks: { net: {} },
    services: {
      api: { network: "net", servers: 100, serviceTime: { type: "constant", value: "1ms" }, queueLimit: 0 },
    },
    fleets: {
      web: {
        network: "net",
        target: "api",
        clients: 1,
        load: { type: "open", rate: 10 },
        timeout: "1s",
        retry: { maxAttempts: 5, backoff: { type: "none" } },
        ...(budget === undefined ? {} : { budget }),
      },
    },
    faults: { broken: { target: "api", start: 0, end: "1d", errorRate: 1, trigger: false } },
  };
}

/**
 * The Finagle budget through a scenario file's fields: with every attempt failing fast and retried at once, the
 * budget is the only limit, so the service sees the first attempts plus percentCanRetry x first attempts plus
 * minRetriesPerSec x the run's length of retries.
 */
describe("finagle retry budget in a fleet", () => {
  it("caps retries at percentCanRetry x requests + minRetriesPerSec x seconds", () => {
    const budget = { type: "finagle", ttl: "10s", minRetriesPerSec: 1, percentCanRetry: 0.2 } as const;
    const r = runScenario(defineScenario(brokenService(budget)), { seed: 5 });
    const first = r.summary.fleets["web"]!.firstAttempts;
    const retries = r.summary.services["api"]!.requests - first;
    expect(first).toBeGreaterThan(5000);
    // every one of the 60 ttl windows allows 0.2 x its deposits + 10 retries (5949 and 1767 of 1789.8 with this
    // seed). Short of it: less than one retry's fraction per window expires unspent, and the last window's budget
    // may be unspent at the end (0.2 x about 100 + 10)
    const allowed = 0.2 * first + 1 * DURATION;
    expect(retries).toBeLessThanOrEqual(Math.ceil(allowed));
    expect(retries).toBeGreaterThanOrEqual(allowed - DURATION / 10 - 30);
    // without the budget every request costs 5 attempts
    const u = runScenario(defineScenario(brokenService()), { seed: 5 });
    expect(u.summary.services["api"]!.requests).toBe(5 * u.summary.fleets["web"]!.firstAttempts);
  });
});
