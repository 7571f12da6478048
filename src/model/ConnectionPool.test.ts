import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";

/** Erlang C: the probability that an arrival waits in an M/M/c queue with offered load a = lambda / mu (< c). */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = ((term * a) / c) * (c / (c - a));
  return last / (sum + last);
}

const LAMBDA = 8; // requests per second (one client, Poisson)
const MEAN = 0.4; // seconds a connection is held: the service's exponential time (mu = 2.5/s)
const C = 4; // pool size: a = 3.2, rho = 0.8
const HOURS = 2;

/**
 * One client with a pool of C connections calling a service with many servers on its own network (no device, no
 * latency): a connection is held for exactly the service time, so the pool is an M/M/C queue whose waiting room is the
 * pool's wait list (reference: Erlang C formula, e.g. Kleinrock, Queueing Systems vol. 1, section 3.5).
 */
function scenario(pool: boolean, timeout = "1h"): RawScenario {
  return {
    name: "pool",
    description: "an M/M/c connection pool",
    start: "2024-01-01T00:00:00Z",
    duration: `${HOURS}h`,
    interval: "1m",
    networks: { a: {} },
    services: {
      svc: {
        network: "a",
        servers: 1000,
        serviceTime: { type: "exponential", mean: MEAN },
        queueLimit: 1000,
      },
    },
    fleets: {
      users: {
        network: "a",
        target: "svc",
        clients: 1,
        load: { type: "open", rate: LAMBDA },
        timeout,
        retry: { maxAttempts: 1 },
        ...(pool ? { pool: { size: C } } : {}),
      },
    },
  } as unknown as RawScenario;
}

describe("client connection pools (fleets.F.pool)", () => {
  it("a pool of c connections in front of a fast server waits as M/M/c (Erlang C)", () => {
    const on = runScenario(defineScenario(scenario(true)), { seed: 3 }).summary.fleets.users!;
    const off = runScenario(defineScenario(scenario(false)), { seed: 3 }).summary.fleets.users!;
    const a = LAMBDA * MEAN;
    const pWait = erlangC(C, a); // 0.596
    const wq = pWait / (C / MEAN - LAMBDA); // mean wait of all arrivals: 0.298 s
    const n = on.firstAttempts;
    // P(wait): a binomial share with positively correlated arrivals; 6 sd of the independent case plus 2% bias room
    const share = on.pool!.waited / n;
    expect(Math.abs(share - pWait)).toBeLessThan(0.02 + 6 * Math.sqrt((pWait * (1 - pWait)) / n));
    // mean wait of those who waited: 1 / (c mu - lambda) = 0.5 s, within 10% (about 57,000 arrivals, autocorrelated)
    expect(on.pool!.meanWait).toBeGreaterThan(0.9 / (C / MEAN - LAMBDA));
    expect(on.pool!.meanWait).toBeLessThan(1.1 / (C / MEAN - LAMBDA));
    // latency: the wait adds to the service time; the mean over all arrivals grows by Wq (the p50 moves up)
    expect(wq).toBeCloseTo(0.298, 2);
    expect(on.latencyP50!).toBeGreaterThan(off.latencyP50!);
    // common random numbers: the same arrivals with and without the pool
    expect(on.firstAttempts).toBe(off.firstAttempts);
    expect(off.pool).toBeUndefined();
  });

  it("waiters leave at their timeout, unsent, counted as timeouts (M/M/c with impatience)", () => {
    // A fixed timeout never ends a wait: the holders arrived earlier, so their timeouts fire first and free the
    // connections (FIFO); the waiter goes out late instead, with little of its timeout left.
    const fixed = runScenario(defineScenario(scenario(true, "1s")), { seed: 3 }).summary.fleets.users!;
    expect(fixed.pool!.waitTimeouts).toBe(0);
    expect(fixed.timeouts).toBeGreaterThan(0);
    // Drawn timeouts (exponential, mean 1 s): a waiter whose timeout is shorter than its wait leaves unsent.
    const raw = scenario(true, "1s") as unknown as { fleets: { users: Record<string, unknown> } };
    raw.fleets.users.timeoutDistribution = { type: "exponential", mean: "1s" };
    const on = runScenario(defineScenario(raw as unknown as RawScenario), { seed: 3 }).summary.fleets.users!;
    const left = on.pool!.waitTimeouts;
    expect(left).toBeGreaterThan(0);
    expect(on.timeouts).toBeGreaterThanOrEqual(left);
    // every first attempt was sent, or left the wait, or is still in the pool at the end (holding or waiting)
    expect(on.attempts + left).toBeLessThanOrEqual(on.firstAttempts);
    expect(on.attempts + left).toBeGreaterThanOrEqual(on.firstAttempts - C - on.pool!.peakWaiters);
    // impatience shortens the queue: fewer arrivals wait than Erlang C without it
    expect(on.pool!.waited / on.firstAttempts).toBeLessThan(erlangC(C, LAMBDA * MEAN));
  });

  it("a dependency pool of size c per server of the caller: c x servers connections, M/M/(c x servers) waits", () => {
    // api (2 cores, processor sharing, 1 ms of local work) calls db (many servers, exponential 0.4 s) through a pool
    // of 2 per api server: 4 connections in all, so the calls wait as M/M/4 (Erlang C), as the fleet pool above.
    const raw = {
      name: "dep-pool",
      description: "a dependency pool",
      start: "2024-01-01T00:00:00Z",
      duration: `${HOURS}h`,
      interval: "1m",
      networks: { a: {} },
      services: {
        api: {
          network: "a",
          servers: 2,
          processorSharing: {},
          serviceTime: { type: "constant", value: "1ms" },
          queueLimit: 1000,
          dependencies: { db: { service: "db", timeout: "1h", pool: { size: 2 } } },
        },
        db: {
          network: "a",
          servers: 1000,
          serviceTime: { type: "exponential", mean: MEAN },
          queueLimit: 1000,
        },
      },
      fleets: {
        users: {
          network: "a",
          target: "api",
          clients: 1,
          load: { type: "open", rate: LAMBDA },
          timeout: "1h",
          retry: { maxAttempts: 1 },
        },
      },
    } as unknown as RawScenario;
    const s = runScenario(defineScenario(raw), { seed: 3 }).summary;
    const pool = s.services.api!.pools!.db!;
    const n = s.fleets.users!.firstAttempts;
    const pWait = erlangC(C, LAMBDA * MEAN);
    expect(Math.abs(pool.waited / n - pWait)).toBeLessThan(0.02 + 6 * Math.sqrt((pWait * (1 - pWait)) / n));
    expect(pool.meanWait).toBeGreaterThan(0.9 / (C / MEAN - LAMBDA));
    expect(pool.meanWait).toBeLessThan(1.1 / (C / MEAN - LAMBDA));
    expect(pool.waitTimeouts).toBe(0);
  });
});
