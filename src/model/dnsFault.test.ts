import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { checkScenario } from "../scenario/checkScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";

/**
 * A DNS / endpoint fault (`faults.*.unresolvable`) on one small scenario: api's endpoint resolves to nothing from
 * T0 = 60 s to T1 = 90 s. Four fleets of N clients, Poisson load lambda each, one attempt per request:
 * - `steady` holds persistent connections that stay up: it must not notice the fault (existing connections live on);
 * - `movers` holds persistent connections that operators move to another link at TM = 70 s (every connection is set up
 *   again): each set-up fails at once and is tried again one setup timeout S later, so a client is without a
 *   connection from TM to the first try after T1, TM + k S >= T1 (here exactly T1, since (T1 - TM) / S is an integer);
 *   with `whileDisconnected: fail` its requests of that window fail unsent: N lambda (T1 - TM) expected (Poisson), and
 *   it makes (T1 - TM) / S more set-ups per client (deterministic);
 * - `percall` sets up a connection per request: N lambda (T1 - T0) requests fail at once;
 * - `nested` calls front, which calls api as a dependency (one connection per call): N lambda (T1 - T0) error answers.
 * The faulted and fault-free runs share their arrivals (common random numbers: each fleet's arrivals stream).
 */
const [N, lambda, T0, T1, TM, S] = [100, 0.5, 60, 90, 70, 1];

const link = (between: [string, string]) => ({
  between,
  devices: 1,
  forwardRate: "100000/s",
  setupRate: "100000/s",
  buffer: 10_000,
  latency: "1ms",
});
const fleet = (target: string, persistent: boolean, whileDisconnected?: "fail") => ({
  network: "inside",
  target,
  clients: N,
  load: { type: "open" as const, rate: lambda },
  timeout: "1s",
  retry: { maxAttempts: 1 },
  via: ["gw"],
  ...(persistent
    ? {
        connection: {
          setupTimeout: S,
          reconnect: { type: "none" as const },
          ...(whileDisconnected ? { whileDisconnected } : {}),
        },
      }
    : {}),
});

function scenario(fault: boolean): RawScenario {
  return {
    name: "dns-fault",
    description: "an endpoint that resolves to nothing for 30 s",
    start: "2024-01-01T00:00:00Z",
    duration: 150,
    interval: 1,
    networks: { inside: {}, outside: {} },
    links: { gw: link(["inside", "outside"]), gw2: link(["inside", "outside"]) },
    services: {
      api: {
        network: "outside",
        servers: 50,
        serviceTime: { type: "exponential", mean: "5ms" },
        queueLimit: 1000,
      },
      front: {
        network: "inside",
        servers: 50,
        serviceTime: { type: "exponential", mean: "1ms" },
        queueLimit: 1000,
        dependencies: { api: { service: "api", timeout: "500ms", via: ["gw"] } },
      },
    },
    fleets: {
      steady: fleet("api", true),
      movers: fleet("api", true, "fail"),
      percall: fleet("api", false),
      nested: { ...fleet("front", false), via: [] },
    },
    faults: fault ? { "empty-record": { target: "api", start: T0, end: T1, unresolvable: true } } : {},
    operators: {
      diagnosis: { visible: "1h", blind: "1h" },
      runbook: {
        move: { at: TM, do: { type: "reroute", traffic: [{ fleet: "movers" }], via: ["gw2"] } },
      },
    },
  };
}

const probe = (fault: boolean) =>
  checkScenario(scenario(fault)).problems.map((p) => `${p.path.join(".")}: ${p.message}`);
const run = (fault: boolean) => runScenario(defineScenario(scenario(fault)), { seed: 5 }).summary.fleets;

describe("DNS / endpoint faults (faults.*.unresolvable)", () => {
  it("connected clients keep succeeding; reconnecting and per-call set-ups fail at once while it lasts", () => {
    expect(probe(true)).toEqual([]);
    const off = run(false);
    const on = run(true);
    for (const f of ["steady", "movers", "percall", "nested"])
      expect(on[f]!.firstAttempts, f).toBe(off[f]!.firstAttempts); // common random numbers
    // existing connections live on: steady loses nothing
    for (const s of [off, on]) {
      // (a request or two may still be in flight when the run ends)
      expect(s["steady"]!.firstAttempts - s["steady"]!.successes).toBeLessThanOrEqual(2);
      expect(s["steady"]!.refused + s["steady"]!.timeouts + s["steady"]!.errors).toBe(0);
    }
    expect(on["steady"]!.setupAttempts).toBe(off["steady"]!.setupAttempts);
    // reconnecting clients: every request of [TM, T1) fails unsent; a set-up every S seconds per client
    const moving = N * lambda * (T1 - TM); // 1000 expected, sd 32
    expect(off["movers"]!.refused).toBeLessThan(5); // without the fault the move costs a round trip of a few ms
    expect(Math.abs(on["movers"]!.refused - moving)).toBeLessThan(4 * Math.sqrt(moving));
    expect(on["movers"]!.setupAttempts - off["movers"]!.setupAttempts).toBe((N * (T1 - TM)) / S);
    // one connection per call: every request of [T0, T1) fails at once, in the fleet and in a dependency call
    const window = N * lambda * (T1 - T0); // 1500 expected, sd 39
    expect(off["percall"]!.refused).toBe(0);
    expect(Math.abs(on["percall"]!.refused - window)).toBeLessThan(4 * Math.sqrt(window));
    expect(on["percall"]!.timeouts).toBe(0);
    expect(off["nested"]!.errors).toBe(0);
    expect(Math.abs(on["nested"]!.errors - window)).toBeLessThan(4 * Math.sqrt(window));
  });

  it("calls that fail on the empty record count against the service: it is out while they dominate", () => {
    // api's callers in [TM, T1): steady's N lambda answers against percall's and front's 2 N lambda failures unsent
    // and the movers' N / S failed set-ups (ratio 1/5, under verdict.outageRatio 0.5; in [T0, TM) the connected
    // movers' answers make it 1/2, not under); without the fault it is never out
    const out = (fault: boolean) =>
      runScenario(defineScenario(scenario(fault)), { seed: 5 }).series.columns["service.api.out"] as number[];
    const on = out(true);
    expect(Math.max(...out(false))).toBe(0);
    expect(Math.min(...on.slice(TM + 1, T1 - 1))).toBe(1);
    expect(Math.max(...on.slice(T1 + 2))).toBe(0);
  });

  it("a persistent fleet's set-ups that fail on the empty record count against the service", () => {
    // Only the two persistent fleets call api. In [TM, T1) steady's N lambda answers per second meet the movers' N / S
    // failed set-ups per second (each client looks the name up again every S): success ratio
    // (N lambda) / (N lambda + N / S) = 1/3, under verdict.outageRatio 0.5, so api is out; before TM both fleets are
    // connected and nothing fails; without the fault it is never out.
    const out = (fault: boolean) => {
      const s = scenario(fault);
      s.fleets = { steady: s.fleets!["steady"]!, movers: s.fleets!["movers"]! };
      return runScenario(defineScenario(s), { seed: 5 }).series.columns["service.api.out"] as number[];
    };
    const on = out(true);
    expect(Math.max(...out(false))).toBe(0);
    expect(Math.max(...on.slice(0, TM))).toBe(0);
    expect(Math.min(...on.slice(TM + 1, T1 - 1))).toBe(1);
    expect(Math.max(...on.slice(T1 + 2))).toBe(0);
  });

  it("refuses unresolvable on a link with a located error", () => {
    const s = scenario(false);
    s.faults = { cut: { target: "gw", start: 1, end: 2, unresolvable: true } };
    const { problems } = checkScenario(s);
    expect(problems.map((p) => p.path.join("."))).toContain("faults.cut.unresolvable");
  });
});
