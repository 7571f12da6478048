import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "../../engine/Xoshiro128.js";
import { Outcome } from "../Outcome.js";
import { ManualClock } from "../testing/ManualClock.js";
import { BreakerStateCode, makeBreaker } from "./CircuitBreaker.js";

describe("CircuitBreaker", () => {
  it("backs off its open duration over consecutive openings and resets it on close", () => {
    const clock = new ManualClock(0);
    const b = makeBreaker(
      {
        type: "consecutive",
        failures: 1,
        openFor: { type: "exponential", base: 2, cap: 10, jitter: "none" },
      },
      clock,
      new Xoshiro128(1),
    );
    const waits: number[] = [];
    b.onBreak((until) => waits.push(until - clock.now()));
    b.allow();
    b.record(Outcome.FAILURE);
    for (let k = 0; k < 4; k++) {
      clock.advance(waits[waits.length - 1]!);
      expect(b.allow()).toBe(true);
      b.record(Outcome.FAILURE);
    }
    expect(waits).toEqual([2, 4, 8, 10, 10]);
    clock.advance(10);
    b.allow();
    b.record(Outcome.SUCCESS);
    b.allow();
    b.record(Outcome.FAILURE);
    expect(waits[waits.length - 1]).toBe(2);
  });

  it("validates its config with paths", () => {
    const clock = new ManualClock(0);
    const rng = new Xoshiro128(1);
    expect(() => makeBreaker({ type: "count", size: 0 }, clock, rng)).toThrow(
      expect.objectContaining({ code: "E_POLICY_CONFIG", path: "breaker.size" }),
    );
    expect(() => makeBreaker({ type: "time" } as never, clock, rng)).toThrow(
      expect.objectContaining({ path: "breaker.window" }),
    );
    expect(() =>
      makeBreaker({ type: "consecutive", failures: 3, failureRatio: 2 } as never, clock, rng),
    ).not.toThrow();
    expect(() => makeBreaker({ type: "count", size: 5, failureRatio: 2 }, clock, rng)).toThrow(
      expect.objectContaining({ path: "breaker.failureRatio" }),
    );
  });

  it("property: never more than P half-open probes outstanding", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("allow" as const) }),
      fc.record({
        kind: fc.constant("result" as const),
        outcome: fc.constantFrom(1, 2, 3, 6, 7),
        pick: fc.nat(),
      }),
      fc.record({ kind: fc.constant("advance" as const), dt: fc.double({ min: 0, max: 4, noNaN: true }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 400 }), (probes, ops) => {
        const clock = new ManualClock(0);
        const lease = 3;
        const b = makeBreaker(
          { type: "count", size: 4, minimumCalls: 2, openFor: 2, probes, probeLease: lease },
          clock,
          new Xoshiro128(9),
        );
        // Our own record of probes admitted in the current half-open period: admit times, not yet reported.
        let outstanding: number[] = [];
        let inFlight = 0;
        let lastHalfOpened = b.counters.halfOpened;
        for (const o of ops) {
          if (b.counters.halfOpened !== lastHalfOpened || b.state !== BreakerStateCode.HALF_OPEN) {
            lastHalfOpened = b.counters.halfOpened;
            outstanding = [];
          }
          if (o.kind === "allow") {
            const halfOpen = b.state === BreakerStateCode.HALF_OPEN;
            if (b.allow()) {
              inFlight++;
              if (halfOpen) outstanding.push(clock.now());
            }
          } else if (o.kind === "result" && inFlight > 0) {
            inFlight--;
            if (outstanding.length > 0) outstanding.splice(o.pick % outstanding.length, 1);
            b.record(o.outcome, 0);
          } else if (o.kind === "advance") clock.advance(o.dt);
          const live = outstanding.filter((t) => t + lease > clock.now()).length;
          if (live > probes || b.liveProbes > probes) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
