import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import type { RunResult } from "../metrics/RunResult.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";
import { type CallOwner, CallSite } from "./CallSite.js";
import { CloudModel } from "./CloudModel.js";

type Raw = RawScenario;

/**
 * `users` (100 clients, 1 request/s each, 1 s timeout, 3 attempts) call `api`, which calls `db` (hard). A fault makes
 * every `db` request fail from 60 s to 180 s.
 */
function base(patch: (r: Raw) => void = () => {}): Raw {
  const r: Raw = {
    name: "call-site",
    description: "a fleet, a service and its dependency, with a fault on the dependency",
    start: "2024-01-01T00:00:00Z",
    duration: "5m",
    interval: "10s",
    networks: { n: {} },
    services: {
      db: { network: "n", servers: 8, serviceTime: { type: "constant", value: "2ms" }, queueLimit: 100 },
      api: {
        network: "n",
        servers: 20,
        serviceTime: { type: "constant", value: "5ms" },
        queueLimit: 200,
        dependencies: {
          db: {
            service: "db",
            timeout: 0.5,
            retry: { maxAttempts: 3, backoff: { type: "constant", delay: 0.05 } },
          },
        },
      },
    },
    fleets: {
      users: {
        network: "n",
        target: "api",
        clients: 100,
        load: { type: "open", rate: "1/s" },
        timeout: 1,
        retry: { maxAttempts: 3, backoff: { type: "constant", delay: 0.1 } },
      },
    },
    faults: { "db-fails": { target: "db", start: 60, end: 180, errorRate: 1 } },
  };
  patch(r);
  return r;
}

function run(r: Raw, seed = 1): RunResult {
  return runScenario(defineScenario(r), { seed });
}

function withoutTiming(r: RunResult): unknown {
  const { timing: _t, ...rest } = r.summary;
  return rest;
}

function col(r: RunResult, name: string): number[] {
  const c = r.series.columns[name];
  if (c === undefined) throw new Error(`no column ${name}`);
  return c.map((x) => x ?? Number.NaN);
}

const sum = (xs: number[], from = 0, to = xs.length) => xs.slice(from, to).reduce((s, x) => s + x, 0);

describe("CallSite: circuit breakers in the call path", () => {
  it("a fleet's breaker changes the run: once open it refuses locally and sends nothing", () => {
    const without = run(base());
    const withBreaker = run(
      base((r) => {
        r.fleets.users!.breaker = { type: "consecutive", failures: 1, openFor: "10m" };
      }),
    );
    expect(withoutTiming(withBreaker)).not.toEqual(withoutTiming(without));
    const u = withBreaker.summary.fleets.users!;
    const u0 = without.summary.fleets.users!;
    // Every client's breaker opens at its first failure (after 60 s) and stays open to the end: the fleet refuses.
    expect(u0.attempts).toBeGreaterThan(u.attempts);
    const refused = col(withBreaker, "fleet.users.refused");
    const attempts = col(withBreaker, "fleet.users.attempts");
    expect(sum(refused, 0, 6)).toBe(0);
    expect(sum(refused, 20)).toBeGreaterThan(0);
    // after every client has failed once (the fault is total), nothing more goes out
    expect(sum(attempts, 20)).toBe(0);
  });

  it("a dependency's breaker fails calls locally: the dependency sees fewer requests", () => {
    const plain = run(base());
    const broken = run(
      base((r) => {
        r.services.api!.dependencies!.db!.breaker = { type: "consecutive", failures: 5, openFor: "30s" };
      }),
    );
    expect(broken.summary.services.db!.requests).toBeLessThan(plain.summary.services.db!.requests * 0.5);
  });

  it("a dependency's budget limits its retries", () => {
    const plain = run(base());
    const budgeted = run(
      base((r) => {
        r.services.api!.dependencies!.db!.budget = { type: "grpc", maxTokens: 10, tokenRatio: 0.1 };
      }),
    );
    expect(budgeted.summary.services.db!.requests).toBeLessThan(plain.summary.services.db!.requests);
  });

  it("operators' isolate holds the breakers open until reset-breakers closes them", () => {
    const scenario = defineScenario(
      base((r) => {
        r.faults = {};
        r.fleets.users!.breaker = { type: "consecutive", failures: 1000, openFor: "1s" };
      }),
    );
    const model = new CloudModel(scenario, 1, 300);
    const site = model.world.fleets[0]!.site;
    const sent: number[] = [];
    const refused: number[] = [];
    const at = (t: number, fn: () => void) => model.sim.schedule(t, fn);
    const sample = () => {
      sent.push(site.counters.total("attempts"));
      refused.push(site.counters.total("refused"));
    };
    for (const t of [100, 160, 300]) at(t - 1e-6, sample);
    at(100, () => model.effects.apply({ type: "isolate", fleet: "users" }, "test.isolate"));
    at(160, () => model.effects.apply({ type: "reset-breakers", fleet: "users" }, "test.reset"));
    model.run(300);
    expect(refused[0]).toBe(0);
    expect(sent[1]).toBeLessThan(sent[0]! + 10); // isolated: nothing more sent (but retries already on the wire)
    expect(refused[1]! - refused[0]!).toBeGreaterThan(5000); // 100 clients x 1/s x 60 s refused locally
    expect(sent[2]! - sent[1]!).toBeGreaterThan(10000); // reset: traffic flows again
    expect(refused[2]).toBe(refused[1]);
  });
});

describe("CallSite: deployed fixes", () => {
  it("deploy-fix's budget reaches the fixed clients (it was accepted and ignored)", () => {
    const refusedAfterFix = (budget: boolean) => {
      const scenario = defineScenario(
        base((r) => {
          r.services.api!.dependencies = {};
          r.faults = { "api-fails": { target: "api", start: 60, end: 300, errorRate: 1 } };
        }),
      );
      const model = new CloudModel(scenario, 1, 300);
      model.sim.schedule(30, () =>
        model.effects.apply(
          {
            type: "deploy-fix",
            fleet: "users",
            ...(budget ? { budget: { type: "grpc", maxTokens: 2, tokenRatio: 0.01 } } : {}),
            over: 0,
          },
          "test.fix",
        ),
      );
      model.run(300);
      return model.world.fleets[0]!.site.counters.total("refused");
    };
    expect(refusedAfterFix(false)).toBe(0);
    expect(refusedAfterFix(true)).toBeGreaterThan(1000);
  });
});

describe("CallSite: honest counts", () => {
  it("attempts count what was sent; a budget's refusals are counted in refused, not in attempts", () => {
    const r = run(
      base((r) => {
        r.fleets.users!.budget = { type: "grpc", maxTokens: 2, tokenRatio: 0.01 };
        r.services.api!.dependencies = {};
        r.faults = { "api-fails": { target: "api", start: 60, end: 180, errorRate: 1 } };
      }),
    );
    const attempts = sum(col(r, "fleet.users.attempts")) * 10;
    const refused = sum(col(r, "fleet.users.refused")) * 10;
    const answered = sum(col(r, "fleet.users.successes")) * 10 + sum(col(r, "fleet.users.errors")) * 10;
    const timeouts = sum(col(r, "fleet.users.timeouts")) * 10;
    expect(refused).toBeGreaterThan(100);
    // every sent attempt ended exactly once (answered or timed out), give or take the ones in flight at the end
    expect(Math.abs(answered + timeouts - attempts)).toBeLessThanOrEqual(100);
  });

  it("a drawn timeout is the attempt's deadline: work a device finishes after it is wasted", () => {
    const linked = (dist: boolean) =>
      run(
        base((r) => {
          r.faults = {};
          r.services.api!.dependencies = {};
          r.networks = { a: {}, b: {} };
          r.services.api!.network = "b";
          r.services.db!.network = "b";
          r.links = {
            nat: { between: ["a", "b"], devices: 1, forwardRate: "50/s", setupRate: "50/s", buffer: 1000 },
          };
          const u = r.fleets.users!;
          u.network = "a";
          u.timeout = 30; // the queue at the device (100/s offered to 50/s) grows past 1 s within seconds
          u.retry = { maxAttempts: 1 };
          if (dist) u.timeoutDistribution = { type: "constant", value: 1 };
        }),
      );
    expect(linked(false).summary.links.nat!.wastedShare).toBeLessThan(0.9);
    expect(linked(true).summary.links.nat!.wastedShare).toBeGreaterThan(0.9);
  });
});

describe("CallSite: the retry policy's attempt timeout and deadline", () => {
  const slow = (retry: Raw["fleets"][string]["retry"]) =>
    run(
      base((r) => {
        r.faults = {};
        r.services.api!.dependencies = {};
        r.services.api!.serviceTime = { type: "constant", value: "300ms" };
        r.services.api!.servers = 100;
        r.fleets.users!.retry = retry;
      }),
    ).summary.fleets.users!;

  it("retry.attemptTimeout clips each attempt as in production (it was accepted and ignored)", () => {
    expect(slow({ maxAttempts: 1 }).timeouts).toBe(0);
    const clipped = slow({ maxAttempts: 1, attemptTimeout: "200ms" });
    expect(clipped.successes).toBe(0);
    expect(clipped.timeouts).toBeGreaterThan(clipped.firstAttempts - 100); // all but those in flight at the end
  });

  it("retry.deadline shortens the last attempt to what is left of it", () => {
    const tight = slow({ maxAttempts: 1, deadline: "250ms" });
    expect(tight.successes).toBe(0);
  });
});

describe("World's caller table", () => {
  it("a new kind of caller is two hooks and a registration: a toy prober calls a service through its own CallSite", () => {
    const scenario = defineScenario(base((r) => (r.fleets = {})));
    const model = new CloudModel(scenario, 1, 300);
    const w = model.world;
    let ok = 0;
    let failed = 0;
    const prober: CallOwner & { site?: CallSite } = {
      send: (r) => prober.site!.transmit(r, -1, -1, true),
      timedOut: () => {},
      done: (r, good) => {
        if (good) ok++;
        else failed++;
        prober.site!.release(r);
      },
    };
    prober.site = new CallSite(w, prober, {
      path: "toy",
      service: w.serviceIndex("api"),
      timeout: 1,
      callers: 1,
      streams: { timeouts: w.sim.rng("toy/timeouts"), retrial: w.sim.rng("toy/retrial") },
    });
    expect(w.callers[prober.site.id]).toBe(prober.site);
    for (let k = 0; k < 300; k++) w.sim.schedule(k + 0.5, () => prober.site!.begin(0));
    model.run(300);
    // db fails from 60 s to 180 s (api's hard dependency): 120 probes fail, the other 180 succeed
    expect(ok + failed).toBe(300);
    expect(failed).toBeGreaterThanOrEqual(119);
    expect(failed).toBeLessThanOrEqual(121);
    expect(prober.site.counters.total("attempts")).toBe(300);
  });
});
