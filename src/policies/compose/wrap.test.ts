import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "../../engine/Xoshiro128.js";
import { makeBreaker } from "../breaker/CircuitBreaker.js";
import { makeBudget } from "../budget/makeBudget.js";
import { makeLimiter } from "../limit/makeLimiter.js";
import { Outcome } from "../Outcome.js";
import { ManualClock } from "../testing/ManualClock.js";
import { budgetGate, gateAdmit, gateRecord, limiterGate } from "./Gate.js";
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

  describe("tagged (tickets)", () => {
    const setup = (probes: number) => {
      const clock = new ManualClock(0);
      const rng = new Xoshiro128(1);
      const breaker = makeBreaker(
        { type: "consecutive", failures: 1, openFor: 1, probes, probeLease: 10 },
        clock,
        rng,
      );
      return { clock, rng, breaker };
    };

    it("is tagged exactly when a member is, and passes one member's ticket through", () => {
      const { clock, rng, breaker } = setup(1);
      const limiter = makeLimiter({ type: "bulkhead", maxConcurrent: 5 }, clock, rng);
      expect(
        wrap(
          limiterGate(limiter),
          budgetGate(makeBudget({ type: "grpc", maxTokens: 10, tokenRatio: 0.1 }, clock, rng)),
        ).admit,
      ).toBeUndefined();
      const g = wrap(breaker, limiterGate(limiter));
      expect(g.admit).toBeTypeOf("function");
      const late = g.admit!(); // a slow call admitted while closed
      g.record(Outcome.FAILURE, 0, g.admit!()); // opens
      clock.advance(1);
      const probe = g.admit!();
      expect(probe).toBeGreaterThan(0);
      expect(limiter.inflight).toBe(2);
      g.record(Outcome.SUCCESS, 1.5, late); // stale for the breaker, still frees its limiter slot
      expect(breaker.stateName).toBe("half-open");
      expect(breaker.counters.stale).toBe(1);
      expect(limiter.inflight).toBe(1);
      g.record(Outcome.SUCCESS, 0.1, probe);
      expect(breaker.stateName).toBe("closed");
      expect(limiter.inflight).toBe(0);
    });

    it("hands back exactly the probe lease it took when an inner gate refuses", () => {
      const { clock, rng, breaker } = setup(2);
      const limiter = makeLimiter({ type: "bulkhead", maxConcurrent: 1 }, clock, rng);
      const g = wrap(breaker, limiterGate(limiter));
      g.record(Outcome.FAILURE, 0, g.admit!());
      clock.advance(1);
      const first = g.admit!(); // lease until 11, holds the only limiter slot
      expect(first).toBeGreaterThan(0);
      clock.advance(1);
      expect(g.admit!()).toBe(0); // the breaker lends a lease until 12, the bulkhead refuses
      expect(breaker.toJSON().leaseRemaining).toEqual([9]); // the first probe keeps its own lease (until 11, at t = 2)
      expect(breaker.counters.allowed).toBe(3);
      g.record(Outcome.SUCCESS, 0.1, first);
      expect(breaker.toJSON().probeResults).toEqual([1, 0, 0]);
      expect(breaker.stateName).toBe("half-open");
    });

    it("keeps a row of tickets per call for several tagged gates, nested or not", () => {
      const { clock, rng, breaker: a } = setup(1);
      const b = makeBreaker({ type: "consecutive", failures: 2, openFor: 1, probes: 1 }, clock, rng);
      const limiter = makeLimiter({ type: "bulkhead", maxConcurrent: 10 }, clock, rng);
      const g = wrap(wrap(a, limiterGate(limiter)), b);
      const late = gateAdmit(g); // admitted while both are closed
      gateRecord(g, Outcome.FAILURE, 0, gateAdmit(g)); // opens a; b has 1 of 2 failures
      expect(a.stateName).toBe("open");
      expect(gateAdmit(g)).toBe(0); // a refuses: b is not asked
      expect(b.counters.allowed).toBe(2);
      clock.advance(1);
      const probe = gateAdmit(g);
      expect(probe).toBeGreaterThan(0);
      gateRecord(g, Outcome.FAILURE, 3, late); // stale for a (its half-open), current for b: b opens
      expect(a.stateName).toBe("half-open");
      expect(a.counters.stale).toBe(1);
      expect(b.stateName).toBe("open");
      gateRecord(g, Outcome.SUCCESS, 0.1, probe); // a closes on its probe; b has opened since: stale there
      expect(a.stateName).toBe("closed");
      expect(b.counters.stale).toBe(1);
      expect(limiter.inflight).toBe(0);
      gateRecord(g, Outcome.FAILURE, 0.1, probe); // recorded twice: both breakers see a stale ticket
      expect(a.stateName).toBe("closed");
      expect(a.counters.stale).toBe(2);
      expect(b.counters.stale).toBe(2);
    });
  });
});
