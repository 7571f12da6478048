import { describe, expect, it } from "vitest";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";
import { CloudModel } from "./CloudModel.js";

/**
 * Two closed-loop clients with a constant 1 s think time and no jitter call `svc` (constant 1 ms) across `wan`.
 * Returns the times at which each client starts a request ("think" events), per client.
 */
function cycles(latency: unknown, errorTime?: unknown, errorRate = 0): number[][] {
  const raw = {
    name: "lockstep",
    description: "two unjittered clients",
    start: "2024-01-01T00:00:00Z",
    duration: 400,
    networks: { a: {}, b: {} },
    links: {
      wan: { between: ["a", "b"], devices: 1, forwardRate: 10_000, setupRate: 100, buffer: 100, latency },
    },
    services: {
      svc: {
        network: "b",
        servers: 4,
        serviceTime: { type: "constant", value: "1ms" },
        queueLimit: 10,
        ...(errorTime !== undefined ? { errorTime } : {}),
      },
    },
    fleets: {
      users: {
        network: "a",
        target: "svc",
        clients: 2,
        load: { type: "closed", think: { type: "constant", value: 1 } },
        timeout: 5,
        retry: { maxAttempts: 1 },
      },
    },
    ...(errorRate > 0 ? { faults: { broken: { target: "svc", start: 0, end: 400, errorRate } } } : {}),
  };
  const m = new CloudModel(defineScenario(raw as unknown as RawScenario), 1, 400);
  const out: number[][] = [[], []];
  m.sim.trace = (t, kind, _target, c) => {
    if (m.sim.kindName(kind) === "think") out[c]!.push(t);
  };
  m.sim.run({ until: 400 });
  return out;
}

/** Mean and standard error of `xs`. */
function meanSe(xs: number[]): [number, number] {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return [mean, Math.sqrt(v / n)];
}

const gaps = (ts: number[]) => ts.slice(1).map((t, i) => t - ts[i]!);

describe("lockstep", () => {
  it("with a constant link latency two unjittered clients stay in perfect lockstep", () => {
    const [a, b] = cycles("10ms");
    expect(a!.length).toBeGreaterThan(300);
    // the second client queues behind the first on the device once (0.1 ms), then keeps that offset for ever
    const offsets = a!.slice(1).map((t, i) => b![i + 1]! - t);
    expect(Math.max(...offsets) - Math.min(...offsets)).toBeLessThan(1e-9);
  });

  it("with a lognormal link latency drawn per crossing they drift apart, and each cycle's two crossings have the distribution's mean", () => {
    const [a, b] = cycles({ type: "lognormal", mean: "10ms", cv: 0.5 });
    const n = Math.min(a!.length, b!.length);
    const offsets = a!.slice(0, n).map((t, i) => Math.abs(t - b![i]!));
    expect(new Set(offsets.map((o) => o.toFixed(9))).size).toBeGreaterThan(n / 2);
    // per cycle: think (1 s) + service (1 ms) + two crossings; the crossings average 2 x 10 ms
    const extra = gaps(a!).map((g) => g - 1.001);
    const [mean, se] = meanSe(extra);
    expect(Math.abs(mean - 0.02)).toBeLessThan(4 * se);
  });

  it("a service's errorTime delays each error answer by its own draw (default: fail fast)", () => {
    // fail fast: every cycle is think + the device's forward cost, the same each time
    const fast = gaps(cycles("0ms", undefined, 1)[0]!);
    const base = fast[0]!;
    expect(Math.max(...fast) - Math.min(...fast)).toBeLessThan(1e-9);
    const slow = gaps(cycles("0ms", { type: "exponential", mean: "500ms" }, 1)[0]!).map((g) => g - base);
    const [mean, se] = meanSe(slow);
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * se);
  });
});
