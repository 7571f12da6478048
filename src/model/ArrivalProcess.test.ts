import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";

/** One open-loop fleet of `clients` at `rate` per client into a service of `servers` with a constant service time. */
function scenario(
  arrivals: unknown,
  o: { clients: number; rate: number; seconds: number; interval: number; servers: number; service: number },
): RawScenario {
  return {
    name: "arrivals",
    description: "an arrival process",
    start: "2024-01-01T00:00:00Z",
    duration: o.seconds,
    interval: o.interval,
    networks: { a: {} },
    services: {
      svc: {
        network: "a",
        servers: o.servers,
        serviceTime: { type: "constant", value: o.service },
        queueLimit: 100000,
      },
    },
    fleets: {
      users: {
        network: "a",
        target: "svc",
        clients: o.clients,
        load: { type: "open", rate: o.rate, ...(arrivals === undefined ? {} : { arrivals }) },
        timeout: "1h",
        retry: { maxAttempts: 1 },
      },
    },
  } as unknown as RawScenario;
}

function run(arrivals: unknown, o: Parameters<typeof scenario>[1]) {
  const r = runScenario(defineScenario(scenario(arrivals, o)), { seed: 5 });
  const perInterval = Array.from(
    r.series.columns["fleet.users.firstAttempts"]!,
    (v) => (v ?? 0) * o.interval,
  );
  return { fleet: r.summary.fleets.users!, perInterval };
}

function meanVar(xs: number[]): [number, number] {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return [m, xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)];
}

describe("open-loop arrival processes (load.arrivals)", () => {
  it("paced: exactly rate x T arrivals, and a D/D/1 queue never waits where M/D/1 does (Pollaczek-Khinchine)", () => {
    // 10/s into one server of 80 ms: rho = 0.8. M/D/1 mean wait rho D / (2 (1 - rho)) = 0.16 s; D/D/1: 0.
    const o = { clients: 4, rate: 2.5, seconds: 3600, interval: 60, servers: 1, service: 0.08 };
    const paced = run("paced", o);
    const poisson = run(undefined, o);
    expect(paced.fleet.firstAttempts).toBe(10 * 3600);
    // every interval holds exactly rate x interval arrivals (no variance)
    expect(new Set(paced.perInterval.slice(0, -1))).toEqual(new Set([600]));
    expect(Math.abs(poisson.fleet.firstAttempts - 36000)).toBeLessThan(4 * Math.sqrt(36000));
    // paced: every latency is the service time (its histogram bucket, 10 per decade); Poisson waits
    expect(paced.fleet.latencyP99!).toBeLessThanOrEqual(0.08 * 10 ** 0.1);
    expect(poisson.fleet.latencyP99!).toBeGreaterThan(0.08 + 0.16);
  });

  it("onoff: Poisson at rate during on, nothing during off; the mean is rate x on / (on + off)", () => {
    const o = { clients: 5, rate: 10, seconds: 4000, interval: 10, servers: 1000, service: 0.01 };
    const r = run({ type: "onoff", on: "10s", off: "30s" }, o);
    const on = r.perInterval.filter((_, k) => k % 4 === 0);
    const off = r.perInterval.filter((_, k) => k % 4 !== 0);
    expect(off.every((x) => x === 0)).toBe(true);
    const expected = 50 * 10 * (4000 / 40); // 50,000
    expect(Math.abs(r.fleet.firstAttempts - expected)).toBeLessThan(4 * Math.sqrt(expected));
    const [m, v] = meanVar(on);
    // within an on period the counts are Poisson: variance / mean = 1 (6 sd of a variance estimate over 100 rows)
    expect(Math.abs(v / m - 1)).toBeLessThan(6 * Math.sqrt(2 / on.length));
  });

  it("mmpp: mean rate and index of dispersion of counts match the 2-state MMPP formulas", () => {
    const o = { clients: 1, rate: 10, seconds: 7200, interval: 10, servers: 1000, service: 0.01 };
    const r = run({ type: "mmpp", factors: [0.2, 3], sojourns: ["20s", "5s"] }, o);
    const poisson = run(undefined, o);
    const [l0, l1] = [2, 30];
    const [a, b] = [1 / 20, 1 / 5]; // rates of leaving state 0 and state 1
    const mean = (l0 * b + l1 * a) / (a + b); // 7.6 per second
    const s = a + b;
    const t = o.interval;
    // IDC(t) = 1 + 2 (l0 - l1)^2 a b / (s^3 mean) (1 - (1 - e^{-s t}) / (s t)) (e.g. Fischer & Meier-Hellstern 1993)
    const idc = 1 + ((2 * (l0 - l1) ** 2 * a * b) / (s ** 3 * mean)) * (1 - (1 - Math.exp(-s * t)) / (s * t));
    const idcLong = 1 + (2 * (l0 - l1) ** 2 * a * b) / (s ** 3 * mean);
    const n = mean * o.seconds;
    expect(Math.abs(r.fleet.firstAttempts - n)).toBeLessThan(4 * Math.sqrt(idcLong * n));
    const [m, v] = meanVar(r.perInterval);
    // the dispersion estimate over 720 correlated rows: within 30% of the formula (84.5 here), Poisson's is 1
    expect(v / m).toBeGreaterThan(0.7 * idc);
    expect(v / m).toBeLessThan(1.3 * idc);
    const [pm, pv] = meanVar(poisson.perInterval);
    expect(pv / pm).toBeLessThan(1.5);
  });
});
