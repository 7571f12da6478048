import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import { loadScenario } from "../scenario/loadScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";

/**
 * `links.*.setupRetransmit` on one small scenario: 30 clients hold persistent connections through one device that
 * sets up 10 connections per second (0.1 s each, no latency) with a buffer of 10; at 10 s an endpoint change tears
 * them all down and they set up again at once (no backoff), each setup within a 2.1 s timeout. 10 setups are admitted
 * (done 10.1 .. 11.0 s), 20 dropped. Silent drops (the default): the 20 learn of it at 12.1 s, so at 12 s 20 clients
 * are still disconnected. Retransmitted after 0.55 s: at 10.55 s five places are free (5 admitted, done 11.1 .. 11.5 s;
 * 15 dropped again), at 10.55 + 1.1 = 11.65 s the buffer is empty (10 admitted, done 11.75 .. 12.65 s: three by 12 s;
 * 5 dropped, and the next retransmission would come after the deadline): 30 - 10 - 5 - 3 = 12 disconnected at 12 s.
 */
function scenario(setupRetransmit?: string): RawScenario {
  return {
    name: "setup-retransmit",
    description: "an endpoint change whose reconnect wave overflows the device's buffer",
    start: "2024-01-01T00:00:00Z",
    duration: 20,
    interval: 1,
    networks: { inside: {}, outside: {} },
    links: {
      gw: {
        between: ["inside", "outside"],
        devices: 1,
        forwardRate: "100000/s",
        setupRate: "10/s",
        buffer: 10,
        latency: 0,
        ...(setupRetransmit ? { setupRetransmit } : {}),
      },
    },
    services: {
      api: {
        network: "outside",
        servers: 4,
        serviceTime: { type: "constant", value: "1ms" },
        queueLimit: 100,
      },
    },
    fleets: {
      users: {
        network: "inside",
        target: "api",
        clients: 30,
        load: { type: "open", rate: "0.0001/s" },
        timeout: "1s",
        retry: { maxAttempts: 1 },
        connection: { setupTimeout: "2.1s", reconnect: { type: "none" } },
      },
    },
    automation: { move: { at: 10, action: { type: "change-endpoints", service: "api" } } },
  };
}

/** The run's interval series: row i is the interval [i, i + 1) s, sampled at its end. */
const series = (setupRetransmit?: string) =>
  runScenario(defineScenario(scenario(setupRetransmit)), { seed: 1 }).series.columns;

describe("setup retransmission (links.*.setupRetransmit)", () => {
  it("a dropped setup is silent by default; retransmitted, it gets through before the timeout", () => {
    const silent = series();
    const retransmit = series("550ms");
    // disconnected clients at 12 s (the end of the interval [11, 12))
    expect(silent["fleet.users.disconnected"]![11]).toBe(20);
    expect(retransmit["fleet.users.disconnected"]![11]).toBe(12);
    // each setup the full buffer refused is a device drop: 20 at 10 s; retransmitted, 15 more at 10.55 s, 5 at 11.65 s
    expect(silent["link.gw.drops"]!.slice(10, 12)).toEqual([20, 0]);
    expect(retransmit["link.gw.drops"]!.slice(10, 12)).toEqual([35, 5]);
    // before the trigger the runs are the same (no drop, nothing retransmitted)
    expect(retransmit["goodput"]!.slice(0, 10)).toEqual(silent["goodput"]!.slice(0, 10));
  });

  it("tips the lab scenario's no-backoff variant into the lab's metastable state (common random numbers)", () => {
    const lab = loadScenario("lab-reconnect-storm", { variant: "no-backoff" });
    const silent = structuredClone(lab);
    delete silent.links["proxy"]!.setupRetransmit;
    const a = runScenario(silent, { seed: 1 }).summary;
    const b = runScenario(lab, { seed: 1 }).summary;
    // the same baseline (no drop happens before the trigger), then silent drops recover and retransmitted ones do not
    expect(b.verdict.baselineGoodput).toBe(a.verdict.baselineGoodput);
    expect(a.verdict.metastable).toBe(false);
    expect(a.verdict.recoveredAt).not.toBeNull();
    expect(b.verdict.metastable).toBe(true);
    expect(b.verdict.recoveredAt).toBeNull();
  });

  it("needs separate queues too: with one shared buffer the same storm recovers; with both, a third of baseline", () => {
    const lab = loadScenario("lab-reconnect-storm", { variant: "no-backoff" });
    const shared = structuredClone(lab);
    delete shared.links["proxy"]!.queues;
    // mean goodput over the verdict's metastable window (27-37 s), against the baseline
    const bad = (s: typeof lab) => {
      const r = runScenario(s, { seed: 1 });
      const g = r.series.columns["goodput"]!.slice(27, 37) as number[];
      return { share: g.reduce((a, x) => a + x, 0) / g.length / r.summary.verdict.baselineGoodput, r };
    };
    // separate: the connected third of the clients is served past the full accept backlog (the lab: 0.33 of baseline)
    const both = bad(lab);
    expect(both.r.summary.verdict.metastable).toBe(true);
    expect(both.share).toBeGreaterThan(0.25);
    expect(both.share).toBeLessThan(0.45);
    const one = bad(shared);
    expect(one.r.summary.verdict.metastable).toBe(false);
    expect(one.r.summary.verdict.recoveredAt).not.toBeNull();
  });
});
