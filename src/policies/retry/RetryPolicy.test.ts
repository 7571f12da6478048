import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Simulation } from "../../engine/Simulation.js";
import { Outcome } from "../Outcome.js";
import { FixedRng } from "../testing/FixedRng.js";
import { ManualClock } from "../testing/ManualClock.js";
import { GiveUpReason, makeRetryPolicy, type RetryConfig, STOP } from "./RetryPolicy.js";

const clock = new ManualClock(100);
const rng = new FixedRng(0.5);
const noJitter = { type: "exponential", base: 1, cap: 30, jitter: "none" } as const;

describe("RetryPolicy", () => {
  it("retries retryable outcomes until maxAttempts attempts were made", () => {
    const r = makeRetryPolicy({ maxAttempts: 4, backoff: noJitter }, clock, rng);
    expect([1, 2, 3].map((a) => r.next(a, Outcome.TIMEOUT))).toEqual([1, 2, 4]);
    expect(r.next(4, Outcome.TIMEOUT)).toBe(STOP);
    expect(r.counters).toEqual({ retries: 3, giveUps: 1 });
  });

  it("never retries non-retryable outcomes; retryOn and retryIf choose", () => {
    const r = makeRetryPolicy({ maxAttempts: 5, retryOn: ["timeout"] }, clock, rng);
    expect(r.next(1, Outcome.FAILURE)).toBe(STOP);
    expect(r.next(1, Outcome.TIMEOUT)).toBeGreaterThanOrEqual(0);
    const d = makeRetryPolicy({ maxAttempts: 5 }, clock, rng);
    expect(d.next(1, Outcome.FATAL)).toBe(STOP);
    const p = makeRetryPolicy({ maxAttempts: 5 }, clock, rng, { retryIf: (o) => o !== Outcome.THROTTLED });
    expect(p.next(1, Outcome.THROTTLED)).toBe(STOP);
    expect(p.next(1, Outcome.FAILURE)).toBeGreaterThanOrEqual(0);
  });

  it("honours server pushback: >= 0 replaces the backoff, < 0 forbids the retry", () => {
    const r = makeRetryPolicy({ maxAttempts: 5, backoff: noJitter }, clock, rng);
    expect(r.next(3, Outcome.THROTTLED, Number.NaN, -1, 7.5)).toBe(7.5);
    const reasons: number[] = [];
    r.onGiveUp((_a, reason) => reasons.push(reason));
    expect(r.next(1, Outcome.THROTTLED, Number.NaN, -1, -1)).toBe(STOP);
    expect(reasons).toEqual([GiveUpReason.PUSHBACK]);
  });

  it("stops when the retry would start at or after the overall deadline", () => {
    const r = makeRetryPolicy(
      { maxAttempts: 10, backoff: noJitter, deadline: 10, attemptTimeout: 3 },
      clock,
      rng,
    );
    const start = clock.now() - 6;
    expect(r.next(2, Outcome.FAILURE, start)).toBe(2); // retry at +8 < 10
    expect(r.next(3, Outcome.FAILURE, start)).toBe(STOP); // +10 is the deadline
    expect(r.attemptTimeoutAt(start)).toBe(3);
    expect(r.attemptTimeoutAt(clock.now() - 8.5)).toBeCloseTo(1.5, 12);
    expect(r.attemptTimeoutAt()).toBe(3);
  });

  it("emits typed retry events to listeners until disposed", () => {
    const r = makeRetryPolicy({ maxAttempts: 3, backoff: noJitter }, clock, rng);
    const seen: number[][] = [];
    const sub = r.onRetry((attempt, delay, cause) => seen.push([attempt, delay, cause]));
    r.next(1, Outcome.TIMEOUT);
    sub.dispose();
    r.next(2, Outcome.TIMEOUT);
    expect(seen).toEqual([[1, 1, Outcome.TIMEOUT]]);
  });

  it("property: an unbounded retry cannot be configured by accident", () => {
    const anyValue = fc.oneof(
      fc.constant(undefined),
      fc.constant(Number.POSITIVE_INFINITY),
      fc.constant(Number.NaN),
      fc.double(),
      fc.integer({ min: -10, max: 1_000_000 }),
      fc.string(),
    );
    fc.assert(
      fc.property(anyValue, fc.oneof(fc.constant(undefined), fc.boolean()), (maxAttempts, unbounded) => {
        const config = { maxAttempts, ...(unbounded === undefined ? {} : { unbounded }) } as RetryConfig;
        let policy: ReturnType<typeof makeRetryPolicy>;
        try {
          policy = makeRetryPolicy(config, clock, rng);
        } catch (e) {
          return (e as { code?: string }).code === "E_POLICY_CONFIG";
        }
        if (unbounded === true) return true;
        // Without the explicit opt-in, the policy must stop by maxAttempts <= 1000.
        return (
          Number.isInteger(policy.maxAttempts) &&
          policy.maxAttempts <= 1000 &&
          policy.next(1000, Outcome.FAILURE) === STOP
        );
      }),
    );
    expect(() => makeRetryPolicy({} as RetryConfig, clock, rng)).toThrow(/required/);
    expect(
      makeRetryPolicy({ maxAttempts: Number.POSITIVE_INFINITY, unbounded: true }, clock, rng).next(1e9),
    ).toBeGreaterThanOrEqual(0);
  });

  it("expected load of plain retries is 1 + p + p^2 + p^3 (simulated, 99.99% confidence bound)", () => {
    const sim = new Simulation({ seed: 42 });
    const outcomes = sim.rng("outcomes");
    const retry = makeRetryPolicy(
      { maxAttempts: 4, backoff: { type: "exponential", base: 0.05, cap: 1, jitter: "full" } },
      sim,
      sim.rng("retry"),
    );
    const p = 0.3;
    const requests = 20_000;
    const attempts = new Float64Array(requests);
    let kind = 0;
    kind = sim.register((id) => {
      attempts[id]!++;
      if (outcomes.next() >= p) return;
      const delay = retry.next(attempts[id]!, Outcome.FAILURE);
      if (delay !== STOP) sim.after(delay, kind, id, 0);
    }, "attempt");
    for (let i = 0; i < requests; i++) sim.at(i * 0.01, kind, i, 0);
    sim.run();
    let sum = 0;
    let sq = 0;
    for (const a of attempts) {
      sum += a;
      sq += a * a;
    }
    const mean = sum / requests;
    const sd = Math.sqrt((sq - requests * mean * mean) / (requests - 1));
    const half = 3.9 * (sd / Math.sqrt(requests)); // two-sided 99.99%
    const expected = 1 + p + p ** 2 + p ** 3;
    expect(Math.abs(mean - expected)).toBeLessThan(half);
    expect(half).toBeLessThan(0.05); // the bound is informative
  });
});
