import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/experiments/runScenario.js";
import type { RunResult } from "../../src/metrics/RunResult.js";
import { defineScenario } from "../../src/scenario/defineScenario.js";
import type { RawScenario } from "../../src/scenario/schema/scenarioSchema.js";
import { batchMeans, batchRatio, type Interval } from "./batchMeans.js";
import { md1kBlocking, mmckBlocking, mmcMeanWait, mmcSojournTail } from "./theory.js";

/**
 * Queueing theory through the model: each check builds a scenario, runs it with `runScenario` and reads only the
 * RunResult (summary and per-interval series), as a user would. Every estimate is a 95% batch-means confidence
 * interval computed from the run; the test asserts that the analytic value lies inside it and that the half-width is
 * at most 5% of the analytic value (the runs are long enough for that, and no longer).
 */

const BATCHES = 20;

const base = {
  description: "queueing cross-check through the model",
  start: "2024-01-01T00:00:00Z",
  verdict: { baselineWindow: 10 },
} as const;

/** A series column of the run; fails the test when the model does not write it. */
function column(r: RunResult, name: string): number[] {
  const c = r.series.columns[name];
  if (c === undefined) throw new Error(`no series column ${name}`);
  return c.map((x) => x ?? Number.NaN);
}

function expectWithin(what: string, ci: Interval, theory: number): void {
  const text = `${what}: ${ci.mean} ± ${ci.halfWidth} (95%) vs ${theory}`;
  expect(Math.abs(ci.mean - theory), text).toBeLessThanOrEqual(ci.halfWidth);
  expect(ci.halfWidth / theory, text).toBeLessThanOrEqual(0.05);
}

/** One service of `c` exponential servers (rate mu each) fed by an open-loop Poisson fleet of total rate lambda. */
function mmc(p: {
  lambda: number;
  mu: number;
  c: number;
  queueLimit: number;
  duration: number;
  timeout?: number;
}): RawScenario {
  const clients = 100;
  return {
    ...base,
    name: `mmc-${p.c}-${p.queueLimit}`,
    duration: p.duration,
    interval: 1,
    networks: { net: {} },
    services: {
      server: {
        network: "net",
        servers: p.c,
        serviceTime: { type: "exponential", mean: 1 / p.mu },
        queueLimit: p.queueLimit,
      },
    },
    fleets: {
      users: {
        network: "net",
        target: "server",
        clients,
        load: { type: "open", rate: p.lambda / clients },
        // by default long enough never to fire; no retries: every arrival is one job
        timeout: p.timeout ?? "1h",
        retry: { maxAttempts: 1 },
      },
    },
  };
}

describe("queueing theory through scenarios and runScenario", () => {
  it("M/M/4 at rho = 0.75: Erlang C mean wait in queue, by Little's law on the service's queue", () => {
    const [lambda, mu, c] = [30, 10, 4];
    const r = runScenario(defineScenario(mmc({ lambda, mu, c, queueLimit: 100_000, duration: 24_000 })), {
      seed: 11,
    });
    const s = r.summary.services["server"]!;
    expect(s.failures).toBe(0);
    expect(r.summary.fleets["users"]!.timeouts).toBe(0);
    // Little's law, Wq = Lq / lambda, with the same run's requests per second as lambda. RunResult has no exact mean
    // latency or time-averaged queue: `service.server.queue` is a snapshot at each interval's end, not a time average.
    // A snapshot at a fixed time has the stationary distribution in steady state, so the mean of the snapshots is an
    // unbiased (if noisier) estimate of Lq, and the batch means give its interval. The exact count is the sojourn-tail
    // check below; an exact mean needs a per-fleet latency sum, which RunResult does not carry yet.
    const wait = batchRatio(
      column(r, "service.server.queue"),
      column(r, "service.server.requests"),
      100,
      BATCHES,
      0.95,
    );
    const theory = mmcMeanWait(lambda, mu, c);
    expectWithin("M/M/4 mean wait", wait, theory);
    // the busy servers average the offered load lambda / mu
    const busy = batchMeans(column(r, "service.server.busy"), 100, BATCHES, 0.95);
    expectWithin("M/M/4 busy servers", busy, lambda / mu);
  });

  it("M/M/4 at rho = 0.75: Erlang C sojourn tail P(W + S > t) = timeouts / first attempts, an exact count", () => {
    // a caller that gives up does not cancel its work (cancelAbandoned defaults to false) and is not retried, so the
    // timeout changes no queue: it only counts the requests whose answer took longer than t
    const [lambda, mu, c, t] = [30, 10, 4, 0.3];
    const r = runScenario(
      defineScenario(mmc({ lambda, mu, c, queueLimit: 100_000, duration: 15_000, timeout: t })),
      {
        seed: 15,
      },
    );
    const tail = batchRatio(
      column(r, "fleet.users.timeouts"),
      column(r, "fleet.users.firstAttempts"),
      10,
      BATCHES,
      0.95,
    );
    expectWithin("M/M/4 P(T > 0.3 s)", tail, mmcSojournTail(lambda, mu, c, t));
  });

  it("M/M/2/5 at offered load 2.4: blocking = failures / requests of a service with queueLimit 3", () => {
    const [lambda, mu, c, queueLimit] = [24, 10, 2, 3];
    const r = runScenario(defineScenario(mmc({ lambda, mu, c, queueLimit, duration: 3_000 })), { seed: 12 });
    const blocked = batchRatio(
      column(r, "service.server.failures"),
      column(r, "service.server.requests"),
      10,
      BATCHES,
      0.95,
    );
    const theory = mmckBlocking(lambda, mu, c, c + queueLimit);
    expectWithin("M/M/2/5 blocking", blocked, theory);
  });

  it("M/D/1/5 at rho = 0.9: the loss share of a one-device link = drops / (forwarded + drops)", () => {
    const [lambda, forwardRate, buffer] = [90, 100, 5];
    const clients = 100;
    const scenario = defineScenario({
      ...base,
      name: "md1k",
      duration: 3_000,
      interval: 1,
      networks: { a: {}, b: {} },
      links: { gw: { between: ["a", "b"], devices: 1, forwardRate, setupRate: 1000, buffer } },
      // a service that never queues: the device is the only bottleneck
      services: {
        sink: { network: "b", servers: 1000, serviceTime: { type: "constant", value: "1ms" }, queueLimit: 0 },
      },
      fleets: {
        users: {
          network: "a",
          target: "sink",
          clients,
          load: { type: "open", rate: lambda / clients },
          timeout: "10s",
          retry: { maxAttempts: 1 },
        },
      },
    });
    const r = runScenario(scenario, { seed: 13 });
    const drops = column(r, "link.gw.drops");
    const forwarded = column(r, "link.gw.forwarded");
    const offered = drops.map((d, i) => d + forwarded[i]!);
    const loss = batchRatio(drops, offered, 10, BATCHES, 0.95);
    const theory = md1kBlocking(lambda / forwardRate, buffer);
    expectWithin("M/D/1/5 loss share", loss, theory);
  });

  it("an overloaded device group completes setupRate x devices setups per second", () => {
    const [devices, setupRate, buffer] = [2, 20, 100];
    const clients = 500;
    const scenario = defineScenario({
      ...base,
      name: "setup-throughput",
      duration: 600,
      interval: 1,
      networks: { a: {}, b: {} },
      links: { gw: { between: ["a", "b"], devices, forwardRate: 10_000, setupRate, buffer } },
      services: {
        api: { network: "b", servers: 1000, serviceTime: { type: "constant", value: "1ms" }, queueLimit: 0 },
      },
      fleets: {
        users: {
          network: "a",
          target: "api",
          clients,
          // a trickle of requests (5/s, 0.05% of the devices' time): the setups are the load
          load: { type: "open", rate: 0.01 },
          timeout: "2s",
          retry: { maxAttempts: 1 },
          // a setup waits up to buffer / setupRate = 5 s on a full device, beyond its 1 s timeout: no client ever
          // connects again, and every failed setup is tried again at once, so each device's buffer stays full
          connection: { persistent: true, setupTimeout: "1s", reconnect: { type: "none" } },
        },
      },
      // an endpoint change tears every connection down at 1 s: 500 setups at once, and the storm never ends
      automation: { move: { at: 1, action: { type: "change-endpoints", service: "api" } } },
    });
    const r = runScenario(scenario, { seed: 14 });
    const setups = batchMeans(column(r, "link.gw.setups").slice(1), 60, BATCHES, 0.95);
    const theory = setupRate * devices;
    // the premise: after the first minute the devices' buffers never drain (sampled at each tick, which runs before
    // the setups of the same instant: a snapshot may catch them a few jobs short of full, never empty)
    expect(Math.min(...column(r, "link.gw.queue").slice(60))).toBeGreaterThan((devices * buffer) / 2);
    expectWithin("setups per second", setups, theory);
  });
});
