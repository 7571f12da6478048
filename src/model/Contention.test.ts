import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";

const N = 100;
const WINDOW = 0.01;

/**
 * The contention experiment of AWS's "Exponential Backoff And Jitter" (Marc Brooker, AWS Architecture Blog, 2015): N
 * clients start at once and each updates the same row with optimistic concurrency control, retrying conflicts with
 * capped exponential backoff; the post measures the total calls (work) and the time until every client succeeded.
 * Here: a fleet with `work: { requests: 1 }` (closed loop, no think time), a service with one key and a 10 ms
 * read-to-write conflict window, 10 ms (mean; standard deviation 2 ms) per call.
 */
function scenario(jitter: string | undefined, backoff = true): RawScenario {
  return {
    name: "occ",
    description: "OCC contention with backoff",
    start: "2024-01-01T00:00:00Z",
    duration: "10m",
    interval: "1s",
    networks: { a: {} },
    services: {
      row: {
        network: "a",
        servers: 1000,
        // the post's network: delay of mean 10 ms and variance 4 (ms^2: a standard deviation of 2 ms)
        serviceTime: { type: "normal", mean: "10ms", stddev: "2ms" },
        queueLimit: 1000,
        ...(jitter === "off" ? {} : { contention: { keys: 1, conflictWindow: WINDOW } }),
      },
    },
    fleets: {
      writers: {
        network: "a",
        target: "row",
        clients: N,
        load: { type: "closed", think: { type: "constant", value: 0 } },
        work: { requests: 1 },
        timeout: "10s",
        retry: {
          maxAttempts: Number.POSITIVE_INFINITY,
          unbounded: true,
          backoff: backoff
            ? {
                type: "exponential",
                base: "10ms",
                cap: "10s",
                jitter: jitter === "off" ? "none" : (jitter ?? "none"),
              }
            : { type: "none" },
        },
      },
    },
  } as unknown as RawScenario;
}

function run(jitter: string | undefined, backoff = true) {
  const r = runScenario(defineScenario(scenario(jitter, backoff)), { seed: 9 });
  return { fleet: r.summary.fleets.writers!, conflicts: r.summary.services.row!.conflicts };
}

describe("OCC contention (services.S.contention) and fixed work (fleets.F.work)", () => {
  it("without contention every client finishes its one request at once; with it, commits are a window apart", () => {
    const free = run("off");
    expect(free.fleet.work).toEqual({
      requests: 1,
      finishedClients: N,
      finishedAt: expect.any(Number),
      meanFinish: expect.any(Number),
    });
    expect(free.fleet.attempts).toBe(N);
    expect(free.conflicts).toBeUndefined();
    const none = run("none");
    // one key: successive commits are at least the window apart, so all N need (N - 1) x window at least
    expect(none.fleet.work!.finishedClients).toBe(N);
    expect(none.fleet.work!.finishedAt!).toBeGreaterThanOrEqual((N - 1) * WINDOW);
    expect(none.fleet.attempts).toBe(N + none.conflicts!);
    expect(none.fleet.work!.finishedAt!).toBeGreaterThan(free.fleet.work!.finishedAt!);
  });

  it("full jitter does less work and finishes sooner than no jitter (the AWS post's result), same seed", () => {
    const none = run("none");
    const full = run("full");
    // Without jitter the conflicting clients retry in lockstep and conflict again; full jitter spreads them out.
    expect(full.fleet.attempts).toBeLessThan(0.5 * none.fleet.attempts);
    expect(full.fleet.work!.finishedAt!).toBeLessThan(none.fleet.work!.finishedAt!);
    // Without backoff every loser retries at once: one winner per round of one call (10 ms), so N rounds and
    // N + (N - 1) + ... + 1 = N (N + 1) / 2 calls (the post: completion time linear, work quadratic in N)
    const eager = run(undefined, false);
    expect(Math.abs(eager.fleet.attempts / ((N * (N + 1)) / 2) - 1)).toBeLessThan(0.15);
    expect(Math.abs(eager.fleet.work!.finishedAt! / (N * 0.01) - 1)).toBeLessThan(0.15);
    expect(eager.fleet.attempts).toBeGreaterThan(full.fleet.attempts);
  });
});
