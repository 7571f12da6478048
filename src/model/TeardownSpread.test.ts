import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";
import { teardownDelay } from "./TeardownSpread.js";

/** 400 persistent clients behind a NAT group of 80 setups/s; their service's endpoints change at 60 s. */
function scenario(action: Record<string, unknown>): RawScenario {
  return {
    name: "spread",
    description: "an endpoint change spread over a window",
    start: "2024-01-01T00:00:00Z",
    duration: "3m",
    interval: "10s",
    networks: { a: {}, b: {} },
    links: {
      nat: {
        between: ["a", "b"],
        devices: 4,
        forwardRate: "1000/s",
        setupRate: "20/s",
        buffer: 1000,
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
        clients: 400,
        via: ["nat"],
        load: { type: "open", rate: "0.5/s" },
        timeout: 2,
        retry: { maxAttempts: 1 },
        connection: { persistent: true, setupTimeout: 10, reconnect: { type: "none" } },
      },
    },
    automation: { flap: { at: "1m", action: { type: "change-endpoints", service: "svc", ...action } } },
  } as RawScenario;
}

/** Connection setups per 10 s row from `from` s (inclusive) to `to` s (exclusive). */
function setups(action: Record<string, unknown>, from: number, to: number): number {
  const r = runScenario(defineScenario(scenario(action)), { seed: 7 });
  const col = r.series.columns["link.nat.setups"]!;
  let n = 0;
  for (let k = from / 10; k < to / 10; k++) n += (col[k] ?? 0) * 10;
  return n;
}

describe("change-endpoints spread over a window (uniform / ramp)", () => {
  it("inverts the window's CDF: uniform u x over, ramp sqrt(u) x over", () => {
    expect(teardownDelay({ over: 60, shape: "uniform" }, 0.25)).toBeCloseTo(15);
    expect(teardownDelay({ over: 60, shape: "ramp" }, 0.25)).toBeCloseTo(30);
  });

  it("all at once the wave storms; over 60 s the first half holds 1/2 (uniform) or (1/2)^2 (ramp) of them", () => {
    // all at once: 400 setups plus the requests queued meanwhile overload the group, setups fail and repeat.
    // Spread: setups (80/s) outpace the tear-downs (at most 2 x 400/60 = 13/s), so each tear-down is set up again
    // once: setups in [60, 90) s ~ Binomial(400, p), p = 1/2 (uniform), (1/2)^2 (ramp CDF (t/over)^2); 4 sd bounds
    const once = setups({}, 50, 180);
    const uniform = setups({ over: "60s" }, 50, 90);
    const ramp = setups({ over: "60s", shape: "ramp" }, 50, 90);
    expect(once).toBeGreaterThan(2 * 400);
    expect(Math.abs(uniform - 200)).toBeLessThan(4 * Math.sqrt(400 * 0.5 * 0.5));
    expect(Math.abs(ramp - 100)).toBeLessThan(4 * Math.sqrt(400 * 0.25 * 0.75));
    // every client is still torn down once inside the window, and nothing happens after it
    expect(setups({ over: "60s" }, 50, 180)).toBe(400);
    expect(setups({ over: "60s", shape: "ramp" }, 50, 180)).toBe(400);
    expect(setups({ over: "60s" }, 130, 180)).toBe(0);
  });
});
