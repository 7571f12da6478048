import { type Meter, metrics } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { makeBreaker } from "../policies/breaker/CircuitBreaker.js";
import { makeBudget } from "../policies/budget/makeBudget.js";
import { makeLimiter } from "../policies/limit/makeLimiter.js";
import { Outcome } from "../policies/Outcome.js";
import { makeRetryPolicy } from "../policies/retry/RetryPolicy.js";
import { FixedRng } from "../policies/testing/FixedRng.js";
import { ManualClock } from "../policies/testing/ManualClock.js";
import { execute } from "./execute.js";
import {
  instrumentPolicies,
  type MeterLike,
  type MetricAttributesLike,
  type ObservableResultLike,
} from "./instrumentPolicies.js";

type Callback = (r: ObservableResultLike) => void;

/** A Meter that records the instruments created and collects them on demand, as an SDK's reader would. */
function fakeMeter() {
  const instruments = new Map<string, { kind: string; unit: string | undefined; callbacks: Set<Callback> }>();
  const make = (kind: string) => (name: string, options?: { unit?: string }) => {
    const entry = { kind, unit: options?.unit, callbacks: new Set<Callback>() };
    instruments.set(name, entry);
    return {
      addCallback: (cb: Callback) => entry.callbacks.add(cb),
      removeCallback: (cb: Callback) => entry.callbacks.delete(cb),
    };
  };
  const meter: MeterLike = { createObservableCounter: make("counter"), createObservableGauge: make("gauge") };
  /** Every observation, as `name{attr=value,...} value`. */
  const collect = (): string[] => {
    const out: string[] = [];
    for (const [name, { callbacks }] of instruments)
      for (const cb of callbacks)
        cb({
          observe: (value: number, attributes: MetricAttributesLike = {}) => {
            const attrs = Object.entries(attributes).map(([k, v]) => `${k}=${v}`);
            out.push(`${name}{${attrs.join(",")}} ${value}`);
          },
        });
    return out.sort();
  };
  return { meter, instruments, collect };
}

describe("instrumentPolicies (OpenTelemetry)", () => {
  it("observes attempts, retries, give-ups, rejections, breaker state, limiter limit and budget tokens", async () => {
    const clock = new ManualClock(0);
    const rng = new FixedRng(0.5);
    const retry = makeRetryPolicy({ maxAttempts: 3, backoff: { type: "none" } }, clock, rng);
    const breaker = makeBreaker({ type: "consecutive", failures: 3, openFor: "1m" }, clock, rng);
    const limiter = makeLimiter({ type: "aimd", initialLimit: 10 }, clock, rng);
    const budget = makeBudget({ type: "grpc", maxTokens: 10, tokenRatio: 0.1 }, clock, rng);
    const { meter, instruments, collect } = fakeMeter();
    const m = instrumentPolicies(meter, {
      retry,
      breaker,
      limiter,
      budget,
      attributes: { "policy.name": "payments" },
    });
    const boom = Object.assign(new Error("boom"), { outcome: Outcome.TIMEOUT });
    await expect(
      execute(async () => Promise.reject(boom), { retry, gate: breaker, budget, clock, metrics: m }),
    ).rejects.toBe(boom);
    await expect(
      execute(async () => "ok", { retry, gate: breaker, budget, clock, metrics: m }),
    ).rejects.toMatchObject({
      code: "E_REJECTED",
    });
    const p = "policy.name=payments";
    expect(collect()).toEqual([
      `resilience.attempts{${p},outcome=timeout} 3`,
      `resilience.breaker.state{${p}} 1`,
      `resilience.budget.available{${p}} 7`,
      `resilience.give_ups{${p}} 1`,
      `resilience.limiter.inflight{${p}} 0`,
      `resilience.limiter.limit{${p}} 10`,
      `resilience.rejections{${p},policy=breaker} 1`,
      `resilience.rejections{${p},policy=budget} 0`,
      `resilience.rejections{${p},policy=limiter} 0`,
      `resilience.retries{${p}} 2`,
    ]);
    expect(instruments.get("resilience.breaker.state")?.kind).toBe("gauge");
    expect(instruments.get("resilience.retries")).toMatchObject({ kind: "counter", unit: "{retry}" });
    m.dispose();
    expect(collect()).toEqual([]);
  });

  it("registers only the attempts counter without policies, under the chosen prefix", () => {
    const { meter, instruments } = fakeMeter();
    instrumentPolicies(meter, { prefix: "checkout.client" });
    expect([...instruments.keys()]).toEqual(["checkout.client.attempts"]);
  });

  it("takes @opentelemetry/api's own Meter (its no-op one without an SDK)", () => {
    const real: Meter = metrics.getMeter("stampede-test");
    const asLike: MeterLike = real; // compile-time: OpenTelemetry's Meter fits MeterLike
    const clock = new ManualClock(0);
    const breaker = makeBreaker({ type: "consecutive", failures: 1 }, clock, new FixedRng(0.5));
    const m = instrumentPolicies(asLike, { breaker });
    m.attempt(Outcome.SUCCESS);
    m.dispose();
  });
});
