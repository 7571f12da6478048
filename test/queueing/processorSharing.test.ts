import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/experiments/runScenario.js";
import type { RunResult } from "../../src/metrics/RunResult.js";
import { defineScenario } from "../../src/scenario/defineScenario.js";
import type { RawScenario } from "../../src/scenario/schema/scenarioSchema.js";
import { batchRatio, type Interval } from "./batchMeans.js";

/**
 * Processor sharing through the model, against queueing theory (Kleinrock, Queueing Systems vol. 2, 1976, sec. 4.4;
 * Harchol-Balter, Performance Modeling and Design of Computer Systems, 2013, ch. 22): the M/G/1-PS mean sojourn time
 * is E[S] / (1 - rho) whatever the service-time distribution (insensitivity), so 1 / (mu - lambda) for M/M/1-PS; the
 * M/D/1-FIFO mean sojourn is 1/mu + rho / (2 mu (1 - rho)) (Pollaczek-Khinchine). Each estimate is a batch-means
 * interval at 99.9% from the run (Little's law: requests in the service / arrival rate); the theory must lie inside it.
 */

const BATCHES = 20;

function column(r: RunResult, name: string): number[] {
  const c = r.series.columns[name];
  if (c === undefined) throw new Error(`no series column ${name}`);
  return c.map((x) => x ?? Number.NaN);
}

function expectWithin(what: string, ci: Interval, theory: number): void {
  const text = `${what}: ${ci.mean} ± ${ci.halfWidth} (99.9%) vs ${theory}`;
  expect(Math.abs(ci.mean - theory), text).toBeLessThanOrEqual(ci.halfWidth);
  expect(ci.halfWidth / theory, text).toBeLessThanOrEqual(0.05);
}

function m1(p: {
  lambda: number;
  serviceTime: { type: "exponential"; mean: number } | { type: "constant"; value: number };
  ps?: { concurrency?: number };
}): RawScenario {
  const clients = 100;
  return {
    name: "m-g-1",
    description: "processor sharing cross-check",
    start: "2024-01-01T00:00:00Z",
    verdict: { baselineWindow: 10 },
    duration: 20_000,
    interval: 1,
    networks: { net: {} },
    services: {
      server: {
        network: "net",
        servers: 1,
        serviceTime: p.serviceTime,
        queueLimit: 100_000,
        ...(p.ps ? { processorSharing: p.ps } : {}),
      },
    },
    fleets: {
      users: {
        network: "net",
        target: "server",
        clients,
        load: { type: "open", rate: p.lambda / clients },
        timeout: "1h",
        retry: { maxAttempts: 1 },
      },
    },
  };
}

/** Mean sojourn by Little's law: (in service + queued) snapshots over arrivals per second, 99.9% batch means. */
function sojourn(r: RunResult): Interval {
  const busy = column(r, "service.server.busy");
  const queue = column(r, "service.server.queue");
  const inSystem = busy.map((b, i) => b + queue[i]!);
  return batchRatio(inSystem, column(r, "service.server.requests"), 100, BATCHES);
}

describe("processor sharing (services.*.processorSharing)", () => {
  it("M/M/1-PS at rho = 0.5: mean sojourn 1 / (mu - lambda)", () => {
    const [lambda, mu] = [5, 10];
    const r = runScenario(
      defineScenario(m1({ lambda, serviceTime: { type: "exponential", mean: 1 / mu }, ps: {} })),
      { seed: 21 },
    );
    expect(r.summary.services["server"]!.failures).toBe(0);
    expectWithin("M/M/1-PS sojourn", sojourn(r), 1 / (mu - lambda));
  });

  it("M/D/1, same arrivals (common random numbers): PS raises the mean sojourn from P-K's 0.15 s to E[S]/(1-rho) = 0.2 s", () => {
    const [lambda, mu] = [5, 10];
    const rho = lambda / mu;
    const serviceTime = { type: "constant", value: 1 / mu } as const;
    const fifo = runScenario(defineScenario(m1({ lambda, serviceTime })), { seed: 22 });
    const ps = runScenario(defineScenario(m1({ lambda, serviceTime, ps: {} })), { seed: 22 });
    // common random numbers: the same arrivals reach both
    expect(ps.summary.services["server"]!.requests).toBe(fifo.summary.services["server"]!.requests);
    const fifoTheory = 1 / mu + rho / (2 * mu * (1 - rho));
    const psTheory = 1 / mu / (1 - rho);
    const a = sojourn(fifo);
    const b = sojourn(ps);
    expectWithin("M/D/1-FIFO sojourn", a, fifoTheory);
    expectWithin("M/D/1-PS sojourn", b, psTheory);
    // direction and size: PS is slower by (psTheory - fifoTheory) = 0.05 s, beyond both intervals
    expect(b.mean - a.mean).toBeGreaterThan(psTheory - fifoTheory - (a.halfWidth + b.halfWidth));
    expect(b.mean - a.mean).toBeLessThan(psTheory - fifoTheory + (a.halfWidth + b.halfWidth));
  });

  it("a concurrency cap of 1 on one core is a FIFO server: the same run as without processor sharing", () => {
    const serviceTime = { type: "exponential", mean: 0.1 } as const;
    const fifo = runScenario(defineScenario({ ...m1({ lambda: 8, serviceTime }), duration: 2000 }), {
      seed: 5,
    });
    const capped = runScenario(
      defineScenario({ ...m1({ lambda: 8, serviceTime, ps: { concurrency: 1 } }), duration: 2000 }),
      { seed: 5 },
    );
    expect(column(capped, "service.server.queue")).toEqual(column(fifo, "service.server.queue"));
    expect(capped.summary.services["server"]!.successes).toBe(fifo.summary.services["server"]!.successes);
  });
});
