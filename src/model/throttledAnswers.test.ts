import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";

/**
 * 40 clients send 40 requests/s to `api` (1 server of 50 ms: 20/s) with a queue of 5: most requests are shed by
 * the full queue. `fleet` completes the fleet (its retry policy and budget).
 */
function overloaded(fleet: Record<string, unknown>): RawScenario {
  return {
    name: "throttled",
    description: "an overloaded service sheds requests",
    start: "2024-01-01T00:00:00Z",
    duration: "2m",
    networks: { n: {} },
    services: {
      api: { network: "n", servers: 1, serviceTime: { type: "constant", value: "50ms" }, queueLimit: 5 },
    },
    fleets: {
      users: {
        network: "n",
        target: "api",
        clients: 40,
        load: { type: "open", rate: "1/s" },
        timeout: "1s",
        retry: { maxAttempts: 3, backoff: { type: "constant", delay: "200ms" } },
        ...fleet,
      },
    },
  } as RawScenario;
}

const users = (fleet: Record<string, unknown>) =>
  runScenario(defineScenario(overloaded(fleet)), { seed: 3 }).summary.fleets["users"]!;

describe("a service's shedding answers are THROTTLED", () => {
  it("retryOn decides on them as `throttled`, not `failure`", () => {
    const onFailure = users({ retry: { maxAttempts: 3, retryOn: ["failure"] } });
    const onThrottled = users({ retry: { maxAttempts: 3, retryOn: ["throttled"] } });
    expect(onFailure.errors).toBeGreaterThan(0);
    // Every error here is a shed request: retried only when `throttled` is retryable.
    expect(onFailure.attempts).toBe(onFailure.firstAttempts);
    expect(onThrottled.attempts).toBeGreaterThan(onThrottled.firstAttempts * 1.2);
  });

  it("an aws-adaptive budget slows its clients down on them", () => {
    const none = users({});
    const adaptive = users({ budget: { type: "aws-adaptive", minRate: 0.5 } });
    // The adaptive clients refuse locally what they would have sent into a full queue.
    expect(adaptive.refused).toBeGreaterThan(0);
    expect(adaptive.attempts).toBeLessThan(none.attempts);
    expect(users({ budget: { type: "aws-adaptive", beta: 0.3 } })).not.toEqual(adaptive);
  });
});
