import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { checkScenario } from "../scenario/checkScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";

/**
 * `services.*.leases` on one small scenario: a manager with M servers holds L leases on the H hosts of a `hosts`
 * service, renewed every R through its dependency `store`, each lapsing T after its last renewal. store's endpoint
 * resolves to nothing from T0 to T1 (T1 - T0 > T): every lease lapses, the hosts' capacity falls to 0 and each lease
 * is re-established by a job of W seconds of the manager's server time, abandoned (and queued again) if not done within
 * tau of its queuing. The manager does M / W jobs a second: re-establishing all L leases takes L W / M = 50 s, more
 * than tau = 20 s. Re-queued at once, every lapsed lease adds a job per tau (L / tau = 10/s against 4/s served): the
 * backlog grows without bound and every job served is older than tau (congestive collapse), so no lease comes back
 * after the dependency does (metastable). With a backoff (exponential, cap C) and a budget on the re-queues, jobs come
 * at most L / (mean delay) a second (under 4/s once the delays reach C / 2 = 60 s): the backlog drains and every
 * lease is re-established. Leases that do not lapse (a long ttl) keep the hosts through the outage.
 * The runs share the fleet's arrivals (common random numbers: the stream fleet/launches/arrivals).
 */
const [L, M, W, tau, T, R, H, T0, T1] = [200, 2, 0.5, 20, 30, 10, 20, 60, 180];

function scenario(leases: Record<string, unknown> = {}): RawScenario {
  return {
    name: "leases",
    description: "a manager's host leases lapse while its store is unreachable",
    start: "2024-01-01T00:00:00Z",
    duration: 900,
    interval: 10,
    networks: { dc: {} },
    services: {
      store: { network: "dc", servers: 10, serviceTime: { type: "constant", value: "1ms" }, queueLimit: 100 },
      manager: {
        network: "dc",
        servers: M,
        serviceTime: { type: "constant", value: "1ms" },
        queueLimit: 100_000,
        dependencies: { store: { service: "store", timeout: "1s" } },
        leases: {
          count: L,
          ttl: { type: "constant", value: T },
          renewEvery: R,
          via: "store",
          resource: "hosts",
          work: { type: "constant", value: W },
          timeout: tau,
          ...leases,
        },
      },
      hosts: {
        network: "dc",
        servers: H,
        serviceTime: { type: "exponential", mean: "100ms" },
        queueLimit: 50,
      },
    },
    fleets: {
      launches: {
        network: "dc",
        target: "hosts",
        clients: 50,
        load: { type: "open", rate: "0.2/s" },
        timeout: "2s",
        retry: { maxAttempts: 1 },
      },
    },
    faults: { "empty-record": { target: "store", start: T0, end: T1, unresolvable: true } },
  };
}

function run(leases?: Record<string, unknown>) {
  const raw = scenario(leases);
  expect(checkScenario(raw).problems).toEqual([]);
  const r = runScenario(defineScenario(raw), { seed: 7 });
  const col = (c: string) => r.series.columns[c]!;
  const at = (t: number) => Math.floor(t / 10);
  return {
    held: (t: number) => col("service.manager.leasesHeld")[at(t)]!,
    backlog: (t: number) => col("service.manager.leaseBacklog")[at(t)]!,
    ok: (t: number) => col("fleet.launches.successes")[at(t)] ?? 0,
    busy: (t: number) => col("service.manager.busy")[at(t)]!,
    fleet: r.summary.fleets["launches"]!,
  };
}

const BACKOFF = { type: "exponential", base: "5s", cap: "2m", jitter: "full" };
const BUDGET = { type: "grpc", maxTokens: 10, tokenRatio: 0.1 };

describe("leases (services.*.leases)", () => {
  it("lapse while the dependency is unreachable; re-queued at once, the backlog outlives the outage", () => {
    const collapse = run();
    expect(collapse.held(T0 - 10)).toBe(L);
    expect(collapse.ok(T0 - 10)).toBeGreaterThan(5); // 10/s offered
    // every lease lapses within R of T0 + T: the hosts' capacity is gone
    expect(collapse.held(T0 + T + R + 10)).toBe(0);
    expect(collapse.ok(T0 + T + R + 10)).toBe(0);
    // metastable: 12 minutes after the dependency came back, still no lease
    expect(collapse.held(890)).toBe(0);
    expect(collapse.ok(890)).toBe(0);
    // the backlog grows by L / tau - M / W = 6 jobs a second (constant work: exact up to the interval phase)
    const growth = (collapse.backlog(890) - collapse.backlog(290)) / 600;
    expect(Math.abs(growth - (L / tau - M / W))).toBeLessThan(0.05 * (L / tau - M / W));
  });

  it("with a timeout above L W / M the same re-queues at once recover", () => {
    const wide = run({ timeout: 60 }); // 60 s > L W / M = 50 s: every job is served before its timeout
    expect(wide.held(T0 + T + R + 10)).toBe(0);
    expect(wide.held(T1 + (L * W) / M + 2 * R)).toBe(L);
  });

  it("recover by themselves with a backoff and a budget on the re-queues, or when they do not lapse", () => {
    const collapse = run();
    const backoff = run({ requeue: BACKOFF, budget: BUDGET });
    const noLapse = run({ ttl: { type: "constant", value: "30d" } });
    expect(backoff.fleet.firstAttempts).toBe(collapse.fleet.firstAttempts); // common random numbers
    expect(backoff.held(T0 + T + R + 10)).toBe(0); // the lapse itself is the same
    expect(backoff.held(890)).toBe(L);
    expect(backoff.ok(890)).toBeGreaterThan(5);
    expect(noLapse.held(T1 - 10)).toBe(L);
    expect(noLapse.fleet.timeouts + noLapse.fleet.errors).toBeLessThan(
      collapse.fleet.timeouts + collapse.fleet.errors,
    );
    expect(backoff.fleet.successes).toBeGreaterThan(collapse.fleet.successes);
  });

  it("with waitForVia a lapsed lease spends no work while the dependency is unreachable, and all queue once it is back", () => {
    // timeout 60 s > L W / M = 50 s: both recover after the outage; only the work spent during it differs
    const eager = run({ timeout: 60 });
    const waiting = run({ timeout: 60, waitForVia: true });
    expect(waiting.fleet.firstAttempts).toBe(eager.fleet.firstAttempts); // common random numbers
    // the same lapse: every lease gone within R of T0 + T
    expect(waiting.held(T0 + T + R + 10)).toBe(0);
    // during the outage the eager holder keeps its M servers on jobs that cannot succeed; the waiting one is idle
    expect(eager.busy(T1 - 20)).toBe(M);
    expect(waiting.busy(T1 - 20)).toBe(0);
    expect(waiting.backlog(T1 - 20)).toBe(0);
    // back within a renewal tick plus L W / M of the dependency's return
    expect(waiting.held(T1 - 10)).toBe(0);
    expect(waiting.held(T1 + R + (L * W) / M + 2 * R)).toBe(L);
  });
});
