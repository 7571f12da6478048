import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/experiments/runScenario.js";
import { CloudModel } from "../../src/model/CloudModel.js";
import { defineScenario } from "../../src/scenario/defineScenario.js";
import type { RawScenario } from "../../src/scenario/schema/scenarioSchema.js";
import { batchMeans } from "../queueing/batchMeans.js";
import { solveRetrial } from "./retrialChain.js";

/**
 * Analytic cross-checks of the model: retry amplification through service dependencies, and a retrial queue with
 * impatience solved exactly against the simulator configured with the chain's rules.
 */

const base = {
  description: "analytic cross-check",
  start: "2024-01-01T00:00:00Z",
  networks: { net: {} },
} as const;

/** A chain fleet -> L1 -> ... -> L(layers) -> bottom; each Lk calls the next with `tries` attempts; bottom fails. */
function nestedRetries(layers: number, tries: number): RawScenario {
  const services: RawScenario["services"] = {
    bottom: { network: "net", servers: 1, serviceTime: { type: "constant", value: "1ms" }, queueLimit: 10 },
  };
  for (let k = layers; k >= 1; k--) {
    services[`l${k}`] = {
      network: "net",
      servers: 1000,
      serviceTime: { type: "constant", value: "1ms" },
      queueLimit: 10,
      dependencies: {
        next: {
          service: k === layers ? "bottom" : `l${k + 1}`,
          timeout: "10s",
          retry: { maxAttempts: tries, backoff: { type: "none" } },
        },
      },
    };
  }
  return {
    ...base,
    name: `nested-${layers}x${tries}`,
    duration: "10m",
    services,
    fleets: {
      users: {
        network: "net",
        target: "l1",
        clients: 10,
        load: { type: "open", rate: "0.05/s" },
        timeout: "30s",
        retry: { maxAttempts: 1 },
      },
    },
    faults: { broken: { target: "bottom", start: 0, end: "1d", errorRate: 1, trigger: false } },
  };
}

describe("nested retries multiply", () => {
  for (const [layers, tries, expected] of [
    [3, 4, 64],
    [5, 3, 243],
  ] as const) {
    it(`${layers} layers x ${tries} tries = ${expected} attempts at an always-failing bottom per request`, () => {
      const r = runScenario(defineScenario(nestedRetries(layers, tries)), { seed: 7 });
      const users = r.summary.fleets["users"]!;
      expect(users.firstAttempts).toBeGreaterThan(100);
      // every request failed, and each one cost exactly tries^layers attempts at the bottom
      expect(users.errors).toBe(users.firstAttempts);
      expect(users.successes).toBe(0);
      expect(r.summary.services["bottom"]!.requests).toBe(expected * users.firstAttempts);
      expect(expected).toBe(tries ** layers);
      // each layer k sees tries^(k-1) attempts per request
      for (let k = 1; k <= layers; k++)
        expect(r.summary.services[`l${k}`]!.requests).toBe(tries ** (k - 1) * users.firstAttempts);
    });
  }
});

describe("retrial queue with impatience: simulator against the exact chain", () => {
  const x = { lambda: 8, mu: 10, Q: 20, theta: 1, nu: 0.5, p: 0.5 };
  const J = 150;
  const exact = solveRetrial(x, J);

  it("the numeric solution solves the balance equations, with a negligible truncation tail", () => {
    expect(exact.residual).toBeLessThan(1e-10);
    expect(exact.tailMass).toBeLessThan(1e-15);
    let mass = 0;
    for (const row of exact.pi) for (const v of row) mass += v;
    expect(mass).toBeCloseTo(1, 12);
    // flow balance: fresh arrivals = completions + clients who give up (after abandonment, or a retry that found it full)
    let giveUps = 0;
    exact.pi.forEach((row, j) => {
      row.forEach((v, n) => {
        giveUps += v * n * x.theta * (1 - x.p);
        if (n === x.Q) giveUps += v * j * x.nu * (1 - x.p);
      });
    });
    expect(exact.goodput + giveUps).toBeCloseTo(x.lambda, 9);
    // the truncation level does not move the answer
    const smaller = solveRetrial(x, 80);
    expect(smaller.meanOrbit).toBeCloseTo(exact.meanOrbit, 12);
  });

  it("mean queue length, mean orbit size and goodput agree within the run's 99.9% batch-means intervals", () => {
    const clients = 1000;
    const scenario = defineScenario({
      ...base,
      name: "retrial-queue",
      duration: "1h",
      interval: "10s",
      services: {
        server: {
          network: "net",
          servers: 1,
          serviceTime: { type: "exponential", mean: 1 / x.mu },
          queueLimit: x.Q - 1, // Q counts the request in service
          cancelAbandoned: true,
          cancelAt: "timeout",
        },
      },
      fleets: {
        clients: {
          network: "net",
          target: "server",
          clients,
          load: { type: "open", rate: x.lambda / clients },
          timeout: 1 / x.theta,
          timeoutDistribution: { type: "exponential", mean: 1 / x.theta },
          retry: { maxAttempts: Number.POSITIVE_INFINITY, unbounded: true },
          retryDelay: { type: "exponential", mean: 1 / x.nu },
          // a fresh arrival that finds the server full always joins the orbit; later failures retry with p
          persistence: { error: [1, x.p], timeout: x.p },
        },
      },
    });
    const horizon = 24_000;
    const step = 0.5;
    const model = new CloudModel(scenario, 11, horizon);
    const server = model.world.services[0]!;
    const fleet = model.world.fleets[0]!;
    const n = horizon / step;
    const queue = new Float64Array(n);
    const orbit = new Float64Array(n);
    const done = new Float64Array(n);
    let prev = 0;
    for (let i = 0; i < n; i++) {
      model.sim.run({ until: (i + 1) * step });
      queue[i] = server.queueLength + server.busy;
      orbit[i] = fleet.site.retryWaiting;
      const total = fleet.site.counters.total("successes");
      done[i] = (total - prev) / step;
      prev = total;
    }
    const warmup = 1000;
    for (const [name, series, theory] of [
      ["mean queue length", queue, exact.meanQueue],
      ["mean orbit size", orbit, exact.meanOrbit],
      ["goodput", done, exact.goodput],
    ] as const) {
      const ci = batchMeans(series, warmup, 20);
      expect(Math.abs(ci.mean - theory), `${name}: ${ci.mean} ± ${ci.halfWidth} vs ${theory}`).toBeLessThan(
        ci.halfWidth,
      );
      // an interval narrow enough to mean something
      expect(ci.halfWidth / theory, name).toBeLessThan(0.1);
    }
  });
});
