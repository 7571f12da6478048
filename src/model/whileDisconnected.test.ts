import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { checkScenario } from "../scenario/checkScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";

/**
 * `fleets.*.connection.whileDisconnected` on one small scenario: N clients with open-loop Poisson load (rate lambda
 * each) hold persistent connections through a fast link; at 60 s an endpoint change tears every connection down and
 * each client sets up again after a constant reconnect delay D. Every request issued in that window of D seconds finds
 * its connection down: the expected count is N lambda D (a Poisson count). With `queue` (the default) those older than
 * the timeout tau when the connection comes back time out: N lambda (D - tau) expected; with `fail` all of them fail
 * at once, unsent (refused); with `wait` none fails, since their timeouts start only when they are sent. The three
 * runs share their arrivals (common random numbers: the stream fleet/users/arrivals).
 */
const [N, lambda, D, tau] = [200, 0.5, 4, 1];

function scenario(whileDisconnected?: "queue" | "fail" | "wait"): RawScenario {
  return {
    name: "while-disconnected",
    description: "an endpoint change with a slow reconnect",
    start: "2024-01-01T00:00:00Z",
    duration: 120,
    interval: 1,
    networks: { inside: {}, outside: {} },
    links: {
      gw: {
        between: ["inside", "outside"],
        devices: 1,
        forwardRate: "100000/s",
        setupRate: "100000/s",
        buffer: 10_000,
        latency: "1ms",
      },
    },
    services: {
      api: {
        network: "outside",
        servers: 20,
        serviceTime: { type: "exponential", mean: "10ms" },
        queueLimit: 1000,
      },
    },
    fleets: {
      users: {
        network: "inside",
        target: "api",
        clients: N,
        load: { type: "open", rate: lambda },
        timeout: tau,
        retry: { maxAttempts: 1 },
        connection: {
          setupTimeout: "1s",
          reconnect: { type: "constant", delay: D },
          ...(whileDisconnected ? { whileDisconnected } : {}),
        },
      },
    },
    automation: { move: { at: 60, action: { type: "change-endpoints", service: "api" } } },
  };
}

const run = (m?: "queue" | "fail" | "wait") =>
  runScenario(defineScenario(scenario(m)), { seed: 3 }).summary.fleets["users"]!;

describe("requests while disconnected (connection.whileDisconnected)", () => {
  it("queue times out N lambda (D - tau), fail refuses N lambda D at once, wait loses none", () => {
    const off = run();
    const queue = run("queue");
    const fail = run("fail");
    const wait = run("wait");
    expect(queue).toEqual(off); // `queue` is the default
    // common random numbers: the same first attempts in every run
    expect(fail.firstAttempts).toBe(off.firstAttempts);
    expect(wait.firstAttempts).toBe(off.firstAttempts);
    const inWindow = N * lambda * D; // 400 expected, Poisson: sd 20
    const timedOut = N * lambda * (D - tau); // 300 expected, sd about 17
    expect(Math.abs(fail.refused - inWindow)).toBeLessThan(4 * Math.sqrt(inWindow));
    expect(fail.timeouts).toBe(0);
    expect(Math.abs(queue.timeouts - timedOut)).toBeLessThan(4 * Math.sqrt(timedOut));
    expect(queue.refused).toBe(0);
    // direction: fail loses every request of the window, queue only those older than tau, wait none
    expect(fail.refused).toBeGreaterThan(queue.timeouts);
    expect(wait.timeouts + wait.refused + wait.errors).toBe(0);
    expect(wait.successes).toBeGreaterThan(queue.successes);
    // waiting requests are answered up to D after they were issued: beyond the timeout, which queue cannot show
    expect(wait.latencyP99).toBeGreaterThan(tau);
    expect(wait.latencyP99).toBeLessThan(D + 0.1);
  });

  it("is refused without persistent connections, and 'fail' with unbounded retries (located errors)", () => {
    const raw = scenario("fail");
    const f = raw.fleets!["users"]!;
    const problems = (r: RawScenario) =>
      checkScenario(r).problems.map((p) => `${p.path.join(".")}: ${p.message}`);
    expect(
      problems({ ...raw, fleets: { users: { ...f, connection: { ...f.connection!, persistent: false } } } }),
    ).toEqual([
      "fleets.users.connection.whileDisconnected: 'fail' needs persistent connections (connection.persistent: true)",
    ]);
    expect(
      problems({ ...raw, fleets: { users: { ...f, retry: { maxAttempts: 3, unbounded: true } } } })[0],
    ).toMatch(/^fleets\.users\.connection\.whileDisconnected: .*unbounded retries/);
  });
});
