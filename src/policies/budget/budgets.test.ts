import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "../../engine/Xoshiro128.js";
import { Cause, Outcome } from "../Outcome.js";
import { ManualClock } from "../testing/ManualClock.js";
import { AwsAdaptiveRateLimiter } from "./AwsAdaptiveRateLimiter.js";
import { AwsStandardQuota } from "./AwsStandardQuota.js";
import { EnvoyRetryBudget } from "./EnvoyRetryBudget.js";
import { GrpcRetryThrottle } from "./GrpcRetryThrottle.js";
import { type BudgetConfig, makeBudget } from "./makeBudget.js";
import { RatioBudget } from "./RatioBudget.js";
import { SreAdaptiveThrottle } from "./SreAdaptiveThrottle.js";

describe("gRPC retry throttling", () => {
  it("maxTokens 10, ratio 0.1: retries stop after 5 net failures", () => {
    const b = new GrpcRetryThrottle({ type: "grpc", maxTokens: 10, tokenRatio: 0.1 });
    for (let i = 0; i < 4; i++) b.onFailure(Outcome.FAILURE);
    expect(b.available).toBe(6);
    expect(b.tryAcquire(Outcome.FAILURE)).toBe(true);
    b.onFailure(Outcome.FAILURE);
    expect(b.available).toBe(5);
    expect(b.tryAcquire(Outcome.FAILURE)).toBe(false); // 5 is not > 10/2
    expect(b.tryAcquire(Cause.HEDGE)).toBe(false);
    expect(b.tryAcquire(Cause.FIRST)).toBe(true); // first attempts always go
    b.onSuccess();
    expect(b.available).toBe(5.1);
    expect(b.tryAcquire(Outcome.FAILURE)).toBe(true);
    // 10 successes (+1.0) and 6 failures: 5.1 + 1 - 6 = 0.1 token, far below the threshold.
    for (let i = 0; i < 10; i++) b.onSuccess();
    for (let i = 0; i < 6; i++) b.onFailure(Outcome.TIMEOUT);
    expect(b.available).toBeCloseTo(0.1, 12);
    for (let i = 0; i < 20; i++) b.onFailure(Outcome.TIMEOUT);
    expect(b.available).toBe(0);
    for (let i = 0; i < 500; i++) b.onSuccess();
    expect(b.available).toBe(10);
    b.onFailure(Outcome.FATAL); // non-retryable errors are not counted
    expect(b.available).toBe(10);
  });

  it("rejects maxTokens outside (0, 1000]", () => {
    expect(() => new GrpcRetryThrottle({ type: "grpc", maxTokens: 1001, tokenRatio: 0.1 })).toThrow(
      expect.objectContaining({ code: "E_POLICY_CONFIG", path: "budget.maxTokens" }),
    );
  });
});

describe("AWS standard quota", () => {
  it("drains 5 per retry and 10 per timeout retry, refunds on success, +1 per first-try success", () => {
    const q = new AwsStandardQuota({ type: "aws-standard" });
    expect(q.available).toBe(500);
    let granted = 0;
    while (q.tryAcquire(Outcome.FAILURE)) granted++;
    expect(granted).toBe(100);
    expect(q.available).toBe(0);
    q.onSuccess(Outcome.FAILURE); // a retry after an error succeeded: refund 5
    expect(q.available).toBe(5);
    expect(q.tryAcquire(Outcome.TIMEOUT)).toBe(false); // a timeout retry costs 10
    q.onSuccess(Cause.FIRST);
    q.onSuccess(Cause.FIRST);
    q.onSuccess(Cause.FIRST);
    q.onSuccess(Cause.FIRST);
    q.onSuccess(Cause.FIRST);
    expect(q.available).toBe(10);
    expect(q.tryAcquire(Outcome.TIMEOUT)).toBe(true);
    expect(q.available).toBe(0);
    q.onSuccess(Outcome.TIMEOUT);
    expect(q.available).toBe(10);
    for (let i = 0; i < 1000; i++) q.onSuccess(Cause.FIRST);
    expect(q.available).toBe(500); // never above the quota
  });
});

describe("Envoy retry budget", () => {
  it("allows max(3, 20% of active) concurrent retries", () => {
    const b = new EnvoyRetryBudget({ type: "envoy" });
    let n = 0;
    while (b.tryAcquire(Outcome.FAILURE)) n++;
    expect(n).toBe(3);
    for (let i = 0; i < 3; i++) b.onFailure(Outcome.FAILURE, Outcome.FAILURE);
    for (let i = 0; i < 100; i++) b.tryAcquire(Cause.FIRST);
    n = 0;
    while (b.tryAcquire(Outcome.FAILURE)) n++;
    // retries are active requests too: r + 1 <= 0.2 (100 + r) holds up to r = 24
    expect(n).toBe(24);
    b.onSuccess(Outcome.FAILURE);
    expect(b.tryAcquire(Outcome.FAILURE)).toBe(true);
  });
});

describe("ratio budget", () => {
  it("allows ratio x first attempts + reserve over the window, then forgets", () => {
    const clock = new ManualClock(0);
    const b = new RatioBudget(
      { type: "ratio", ratio: 0.2, minRetriesPerSecond: 0, window: 10, buckets: 10 },
      clock,
    );
    for (let i = 0; i < 100; i++) b.tryAcquire(Cause.FIRST);
    let n = 0;
    while (b.tryAcquire(Outcome.FAILURE)) n++;
    expect(n).toBe(20);
    clock.advance(10);
    expect(b.tryAcquire(Outcome.FAILURE)).toBe(false); // deposits expired with the withdrawals
    const r = new RatioBudget({ type: "ratio", ratio: 0, minRetriesPerSecond: 0.5, window: 10 }, clock);
    n = 0;
    while (r.tryAcquire(Outcome.FAILURE)) n++;
    expect(n).toBe(5);
  });
});

describe("SRE adaptive throttling", () => {
  it("rejects with probability max(0, (requests - K accepts) / (requests + 1))", () => {
    const clock = new ManualClock(0);
    const t = new SreAdaptiveThrottle(
      { type: "sre-adaptive", window: 1000, buckets: 10 },
      clock,
      new Xoshiro128(7),
    );
    for (let i = 0; i < 300; i++) {
      expect(t.tryAcquire()).toBe(true); // p = 0 while requests <= K accepts
      t.onSuccess();
    }
    expect(t.rejectionProbability()).toBe(0);
    // Backend now fails everything: p climbs. Sum the exact p before each trial and compare.
    let sumP = 0;
    let varP = 0;
    let rejected = 0;
    let maxErr = 0;
    for (let i = 0; i < 20_000; i++) {
      const p = t.rejectionProbability();
      maxErr = Math.max(maxErr, Math.abs(p - Math.max(0, (t.requests - 2 * t.accepts) / (t.requests + 1))));
      sumP += p;
      varP += p * (1 - p);
      if (!t.tryAcquire()) rejected++;
    }
    expect(maxErr).toBeLessThan(1e-12);
    expect(sumP).toBeGreaterThan(1000);
    expect(Math.abs(rejected - sumP)).toBeLessThan(4 * Math.sqrt(varP));
    clock.advance(1000);
    expect(t.rejectionProbability()).toBe(0);
  });
});

describe("AWS adaptive (CUBIC) rate limiter", () => {
  it("is off until a throttle, then cuts to 0.7x and grows back along the cubic", () => {
    const clock = new ManualClock(0);
    const l = new AwsAdaptiveRateLimiter({ type: "aws-adaptive" }, clock);
    for (let i = 0; i < 200; i++) {
      expect(l.tryAcquire()).toBe(true);
      l.onSuccess();
      clock.advance(0.1); // 10 attempts per second
    }
    expect(l.enabled).toBe(false);
    expect(l.measuredRate).toBeGreaterThan(9);
    expect(l.measuredRate).toBeLessThan(11);
    l.onFailure(Outcome.THROTTLED);
    expect(l.enabled).toBe(true);
    const w = l.lastMaxRate; // the measured rate, updated by this response too
    expect(w).toBe(l.measuredRate);
    expect(l.fillRate).toBeCloseTo(0.7 * w, 12);
    const k = Math.cbrt((0.3 * w) / 0.4);
    const t0 = clock.now();
    expect(l.cubicRate(t0 + k)).toBeCloseTo(w, 12);
    expect(l.cubicRate(t0)).toBeCloseTo(0.7 * w, 12);
    expect(l.cubicRate(t0 + k + 2)).toBeCloseTo(0.4 * 8 + w, 12);
    let sent = 0;
    while (l.tryAcquire()) sent++;
    expect(sent).toBeLessThanOrEqual(Math.ceil(0.7 * w)); // at most a bucket (capacity = the new rate)
    expect(l.delayUntilToken()).toBeGreaterThan(0);
    expect(l.delayUntilToken()).toBeLessThanOrEqual(1 / l.fillRate);
    clock.advance(l.delayUntilToken() + 1e-9);
    expect(l.tryAcquire()).toBe(true);
  });

  it("never drops below 0.5 attempts per second", () => {
    const clock = new ManualClock(0);
    const l = new AwsAdaptiveRateLimiter({ type: "aws-adaptive" }, clock);
    for (let i = 0; i < 50; i++) {
      l.onFailure(Outcome.THROTTLED);
      clock.advance(0.3);
    }
    expect(l.fillRate).toBe(0.5);
  });
});

describe("property: budgets stay within [0, capacity]", () => {
  const configs: BudgetConfig[] = [
    { type: "grpc", maxTokens: 10, tokenRatio: 0.1 },
    { type: "grpc", maxTokens: 3.5, tokenRatio: 0.7 },
    { type: "aws-standard" },
    { type: "aws-standard", quota: 20 },
    { type: "envoy" },
    { type: "ratio", window: 5 },
    { type: "finagle", ttl: 5, minRetriesPerSec: 0.5 },
    { type: "finagle", ttl: 2, minRetriesPerSec: 0, percentCanRetry: 3 },
    { type: "sre-adaptive", window: 5 },
    { type: "aws-adaptive" },
  ];
  const op = fc.record({
    action: fc.constantFrom("acquire", "success", "failure", "advance"),
    cause: fc.constantFrom(Cause.FIRST, Cause.HEDGE, Outcome.FAILURE, Outcome.TIMEOUT, Outcome.THROTTLED),
    dt: fc.double({ min: 0, max: 3, noNaN: true }),
  });
  for (const config of configs) {
    it(`${config.type} ${JSON.stringify(config)}`, () => {
      fc.assert(
        fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
          const clock = new ManualClock(0);
          const b = makeBudget(config, clock, new Xoshiro128(3));
          for (const o of ops) {
            if (o.action === "acquire") b.tryAcquire(o.cause);
            else if (o.action === "success") b.onSuccess(o.cause);
            else if (o.action === "failure") b.onFailure(Outcome.THROTTLED, o.cause);
            else clock.advance(o.dt);
            if (!(b.available >= 0 && b.available <= b.capacity)) return false;
          }
          return true;
        }),
      );
    });
  }
});
