import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "../../engine/Xoshiro128.js";
import { isFailure, Outcome } from "../Outcome.js";
import { ManualClock } from "../testing/ManualClock.js";
import { BreakerStateCode, type CircuitBreaker, makeBreaker } from "./CircuitBreaker.js";

const { CLOSED, OPEN, HALF_OPEN } = BreakerStateCode;

/** Trips a fresh breaker with tagged failures. */
function tripTagged(b: CircuitBreaker, failures: number): void {
  for (let i = 0; i < failures; i++) b.record(Outcome.FAILURE, 0, b.admit());
}

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

  it("property (untagged): never more than P live probe leases", () => {
    // Untagged results cannot say which call they belong to, so only the leases are bounded here: a late result of
    // an expired probe frees a live probe's lease, and that probe's call is still out. The tagged property below
    // checks the calls themselves.
    const op = fc.oneof(
      fc.record({ kind: fc.constant("allow" as const) }),
      fc.record({ kind: fc.constant("result" as const), outcome: fc.constantFrom(1, 2, 3, 6, 7) }),
      fc.record({ kind: fc.constant("advance" as const), dt: fc.double({ min: 0, max: 4, noNaN: true }) }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(op, { maxLength: 400, size: "max" }),
        (probes, ops) => {
          const clock = new ManualClock(0);
          const b = makeBreaker(
            { type: "count", size: 4, minimumCalls: 2, openFor: 2, probes, probeLease: 3 },
            clock,
            new Xoshiro128(9),
          );
          let inFlight = 0;
          for (const o of ops) {
            if (o.kind === "allow") {
              if (b.allow()) inFlight++;
            } else if (o.kind === "result" && inFlight > 0) {
              inFlight--;
              b.record(o.outcome, 0);
            } else if (o.kind === "advance") clock.advance(o.dt);
            if (b.liveProbes > probes) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });

  describe("tickets (tagged path)", () => {
    // consecutive: 2 failures trip; open 5 s; P probes; leases of `lease` seconds.
    const make = (clock: ManualClock, probes = 1, lease = 10) =>
      makeBreaker(
        { type: "consecutive", failures: 2, openFor: 5, probes, probeLease: lease, slowCallThreshold: 1 },
        clock,
        new Xoshiro128(3),
      );

    it("issues 0 when rejecting and a positive integer when admitting", () => {
      const clock = new ManualClock(0);
      const b = make(clock, 2);
      const closed = b.admit();
      expect(Number.isInteger(closed) && closed > 0).toBe(true);
      tripTagged(b, 2);
      expect(b.admit()).toBe(0);
      clock.advance(5);
      const p1 = b.admit();
      const p2 = b.admit();
      expect([p1, p2].every((t) => Number.isInteger(t) && t > 0)).toBe(true);
      expect(new Set([closed, p1, p2]).size).toBe(3);
      expect(b.admit()).toBe(0);
      expect(b.counters.allowed).toBe(5);
      expect(b.counters.rejected).toBe(2);
    });

    it("a call admitted while closed that succeeds after open -> half-open neither closes it nor uses a probe", () => {
      const clock = new ManualClock(0);
      const b = make(clock);
      const slow = b.admit(); // a slow call goes out while closed
      tripTagged(b, 2);
      clock.advance(5);
      expect(b.state).toBe(HALF_OPEN);
      const probe = b.admit();
      expect(probe).toBeGreaterThan(0);
      b.record(Outcome.SUCCESS, 5.5, slow); // its success predates the outage state
      expect(b.state).toBe(HALF_OPEN);
      expect(b.counters.closed).toBe(0);
      expect(b.liveProbes).toBe(1); // the probe still holds its lease
      expect(b.toJSON().probeResults).toEqual([0, 0, 0]);
      expect(b.admit()).toBe(0);
      b.record(Outcome.FAILURE, 0.1, probe); // the real probe decides
      expect(b.state).toBe(OPEN);
      expect(b.toJSON().openings).toBe(2);
    });

    it("untagged use keeps the old limit: the same late success closes the breaker", () => {
      const clock = new ManualClock(0);
      const b = make(clock);
      expect(b.allow()).toBe(true); // the slow call
      for (let i = 0; i < 2; i++) {
        b.allow();
        b.record(Outcome.FAILURE, 0);
      }
      clock.advance(5);
      expect(b.allow()).toBe(true); // the probe
      b.record(Outcome.SUCCESS, 5.5); // the slow call's result takes the probe's lease
      expect(b.state).toBe(CLOSED);
    });

    it("two probes answering in reverse order each free their own lease", () => {
      const clock = new ManualClock(0);
      const b = makeBreaker(
        { type: "count", size: 2, failureRatio: 0.5, openFor: 5, probes: 2, probeLease: 10 },
        clock,
        new Xoshiro128(3),
      );
      tripTagged(b, 2);
      clock.advance(5);
      const first = b.admit(); // lease until 15
      clock.advance(1);
      const second = b.admit(); // lease until 16
      b.record(Outcome.SUCCESS, 0.2, second);
      expect(b.toJSON().leaseRemaining).toEqual([9]); // the first probe's lease (until 15, at t = 6), not the oldest
      expect(b.toJSON().probeResults).toEqual([1, 0, 0]);
      b.record(Outcome.SUCCESS, 0.2, second); // a duplicate is stale: it frees nothing and decides nothing
      expect(b.toJSON().leaseRemaining).toEqual([9]);
      expect(b.state).toBe(HALF_OPEN);
      clock.advance(8.5); // t = 14.5: the first lease is still live
      b.record(Outcome.FAILURE, 0.2, first);
      expect(b.state).toBe(OPEN); // decided on its own two probes: 1 failure of 2 >= 0.5
      expect(b.toJSON().openings).toBe(2);
      expect(b.counters.stale).toBe(1);
    });

    it("a ticket whose lease expired, expired and re-issued, or was already recorded is ignored", () => {
      const clock = new ManualClock(0);
      const b = make(clock, 1, 2);
      tripTagged(b, 2);
      clock.advance(5);
      const lost = b.admit();
      clock.advance(2); // its lease expires at t = 7
      expect(b.liveProbes).toBe(0);
      b.record(Outcome.SUCCESS, 2, lost); // expired, not re-issued
      expect(b.state).toBe(HALF_OPEN);
      const lost2 = b.admit();
      clock.advance(2);
      const fresh = b.admit(); // the same slot, re-issued
      expect(fresh).toBeGreaterThan(0);
      expect(fresh).not.toBe(lost2);
      b.record(Outcome.SUCCESS, 2, lost2);
      expect(b.state).toBe(HALF_OPEN);
      expect(b.liveProbes).toBe(1); // the re-issued lease is untouched
      b.record(Outcome.CANCELLED, 0, lost2); // a stale cancel frees nothing either
      expect(b.liveProbes).toBe(1);
      b.record(Outcome.FAILURE, 0.1, fresh);
      expect(b.state).toBe(OPEN);
    });

    it("a result admitted before a full open -> half-open -> closed cycle does not count in the new window", () => {
      const clock = new ManualClock(0);
      const b = make(clock);
      const old = b.admit();
      tripTagged(b, 2);
      clock.advance(5);
      b.record(Outcome.SUCCESS, 0.1, b.admit());
      expect(b.state).toBe(CLOSED);
      b.record(Outcome.FAILURE, 5.1, old);
      tripTagged(b, 1);
      expect(b.state).toBe(CLOSED); // one fresh failure of the 2 needed
      const beforeRestore = b.admit();
      b.restore(b.toJSON());
      b.record(Outcome.FAILURE, 0.1, beforeRestore); // tickets do not survive a restore
      expect(b.state).toBe(CLOSED);
      tripTagged(b, 1);
      expect(b.state).toBe(OPEN);
    });

    it("counters count every success, failure and slow call, stale ones too", () => {
      const clock = new ManualClock(0);
      const b = make(clock);
      const slowOld = b.admit();
      const failOld = b.admit();
      tripTagged(b, 2); // 2 failures that count
      b.record(Outcome.FAILURE, 0.5, failOld); // while open: stale
      clock.advance(5);
      const probe = b.admit();
      b.record(Outcome.SUCCESS, 3, slowOld); // slow, stale
      b.record(Outcome.FATAL, 0, b.admit()); // rejected ticket 0, fatal: ignored everywhere
      b.record(Outcome.SUCCESS, 2, probe); // slow, counts: the slow rule is off, so it closes
      expect(b.state).toBe(CLOSED);
      expect(b.counters).toMatchObject({ successes: 2, failures: 3, slowCalls: 2, stale: 2 });
      expect(b.counters).toMatchObject({ allowed: 5, rejected: 1, opened: 1, halfOpened: 1, closed: 1 });
    });

    it("property: probes out = live leases <= P; a stale ticket changes nothing but counters", () => {
      const op = fc.oneof(
        fc.record({ kind: fc.constant("admit" as const) }),
        fc.record({
          kind: fc.constant("result" as const),
          outcome: fc.constantFrom(1, 2, 3, 6, 7),
          pick: fc.nat(),
        }),
        fc.record({ kind: fc.constant("advance" as const), dt: fc.double({ min: 0, max: 4, noNaN: true }) }),
      );
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 4 }),
          fc.array(op, { maxLength: 300, size: "max" }),
          (probes, ops) => {
            const clock = new ManualClock(0);
            const lease = 3;
            const b = makeBreaker(
              { type: "count", size: 4, minimumCalls: 2, openFor: 2, probes, probeLease: lease },
              clock,
              new Xoshiro128(9),
            );
            const epoch = () => b.counters.opened + b.counters.halfOpened + b.counters.closed;
            // Our own record of admitted calls: ticket, epoch and (half-open) lease expiry.
            const inFlight: { ticket: number; epoch: number; expiry: number }[] = [];
            for (const o of ops) {
              const s = b.state; // applies a due open -> half-open first
              if (o.kind === "admit") {
                const t = b.admit();
                if (t > 0)
                  inFlight.push({
                    ticket: t,
                    epoch: epoch(),
                    expiry: s === HALF_OPEN ? clock.now() + lease : 0,
                  });
              } else if (o.kind === "result" && inFlight.length > 0) {
                const [call] = inFlight.splice(o.pick % inFlight.length, 1);
                const stale = call!.epoch !== epoch() || (s === HALF_OPEN && call!.expiry <= clock.now());
                const before = JSON.stringify(b.toJSON());
                const live = b.liveProbes;
                const staleCount = b.counters.stale;
                b.record(o.outcome, 0, call!.ticket);
                const judged = o.outcome === Outcome.SUCCESS || isFailure(o.outcome);
                if (stale) {
                  if (JSON.stringify(b.toJSON()) !== before) return false;
                  if (b.counters.stale !== staleCount + (judged ? 1 : 0)) return false;
                } else if (s === HALF_OPEN && epoch() === call!.epoch && b.liveProbes !== live - 1)
                  return false;
              } else if (o.kind === "advance") clock.advance(o.dt);
              // Calls really out as probes: admitted in this half-open period, lease not expired, not yet reported.
              const halfOpen = b.state === HALF_OPEN;
              const now = clock.now();
              const e = epoch();
              const out = inFlight.filter((c) => halfOpen && c.epoch === e && c.expiry > now).length;
              if (out !== b.liveProbes || out > probes) return false;
            }
            return true;
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
