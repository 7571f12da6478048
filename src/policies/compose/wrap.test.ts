import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "../../engine/Xoshiro128.js";
import { makeBreaker } from "../breaker/CircuitBreaker.js";
import { makeBudget } from "../budget/makeBudget.js";
import { makeLimiter } from "../limit/makeLimiter.js";
import { Outcome } from "../Outcome.js";
import { ManualClock } from "../testing/ManualClock.js";
import { budgetGate, limiterGate } from "./Gate.js";
import { wrap } from "./wrap.js";

describe("wrap", () => {
  it("asks gates in order and hands back earlier permits when a later one refuses", () => {
    const clock = new ManualClock(0);
    const rng = new Xoshiro128(1);
    const breaker = makeBreaker({ type: "consecutive", failures: 3, probes: 1 }, clock, rng);
    const limiter = makeLimiter({ type: "bulkhead", maxConcurrent: 2 }, clock, rng);
    const budget = makeBudget({ type: "grpc", maxTokens: 10, tokenRatio: 0.1 }, clock, rng);
    const g = wrap(breaker, limiterGate(limiter), budgetGate(budget));
    expect(g.allow()).toBe(true);
    expect(g.allow()).toBe(true);
    expect(limiter.inflight).toBe(2);
    expect(g.allow()).toBe(false); // the bulkhead refuses
    expect(limiter.inflight).toBe(2);
    g.record(Outcome.FAILURE, 0.1);
    g.record(Outcome.FAILURE, 0.1);
    expect(limiter.inflight).toBe(0);
    expect(g.allow()).toBe(true);
    g.record(Outcome.FAILURE, 0.1);
    expect(breaker.stateName).toBe("open");
    expect(g.allow()).toBe(false); // the breaker refuses first: nothing else is touched
    expect(limiter.counters.acquired).toBe(3);
    const nested = wrap(g, wrap());
    expect(nested.allow()).toBe(false);
  });

  it("hands a half-open probe lease back when an inner gate refuses", () => {
    const clock = new ManualClock(0);
    const rng = new Xoshiro128(1);
    const breaker = makeBreaker({ type: "consecutive", failures: 1, openFor: 1, probes: 1 }, clock, rng);
    const limiter = makeLimiter({ type: "bulkhead", maxConcurrent: 1 }, clock, rng);
    limiter.acquire(); // someone else holds the only slot
    breaker.allow();
    breaker.record(Outcome.FAILURE, 0);
    clock.advance(1);
    const g = wrap(breaker, limiterGate(limiter));
    expect(g.allow()).toBe(false);
    expect(breaker.liveProbes).toBe(0);
    limiter.release(0.1, false);
    expect(g.allow()).toBe(true);
    g.record(Outcome.SUCCESS, 0.1);
    expect(breaker.stateName).toBe("closed");
  });
});
