import { describe, expect, it } from "vitest";
import type { BreakerConfig } from "../breaker/BreakerConfig.js";
import { BreakerStateCode, CircuitBreaker, makeBreaker } from "../breaker/CircuitBreaker.js";
import { Outcome } from "../Outcome.js";
import type { ClockDriver, ClockDriverFactory } from "./ClockDriver.js";

/** One breaker mode under test. Times in the config are in units of the driver (multiply by `unit`). */
export interface BreakerCase {
  name: string;
  /** Config with openFor = `open` units, probes = `probes`, probeLease = `lease` units; `slow` units = slow threshold. */
  config(unit: number): BreakerConfig;
  /** Failures in a row (from a fresh breaker) that trip it. */
  failuresToTrip: number;
  /** Slow successes in a row that trip it (0 when the case has no slow rule). */
  slowToTrip: number;
  open: number;
  probes: number;
  lease: number;
  slow: number;
}

const { CLOSED, OPEN, HALF_OPEN } = BreakerStateCode;

function trip(b: CircuitBreaker, n: number): void {
  for (let i = 0; i < n; i++) {
    expect(b.allow()).toBe(true);
    b.record(Outcome.FAILURE, 0);
  }
}

/** Registers the shared CircuitBreaker conformance tests for every case on the given clock. */
export function breakerConformance(
  clockName: string,
  driverFactory: ClockDriverFactory,
  cases: BreakerCase[],
): void {
  describe(`CircuitBreaker conformance (${clockName} clock)`, () => {
    for (const c of cases) {
      const make = (d: ClockDriver) => makeBreaker(c.config(d.unit), d.clock, d.rng("breaker"));
      describe(c.name, () => {
        it("stays closed on successes, fatal errors and cancellations", () => {
          const b = make(driverFactory());
          for (let i = 0; i < 200; i++) {
            expect(b.allow()).toBe(true);
            b.record(i % 3 === 0 ? Outcome.SUCCESS : i % 3 === 1 ? Outcome.FATAL : Outcome.CANCELLED, 0);
          }
          expect(b.state).toBe(CLOSED);
        });

        it("trips after the configured failures, rejects while open, and says so", () => {
          const b = make(driverFactory());
          const breaks: number[] = [];
          const rejects: number[] = [];
          b.onBreak((_until, k) => breaks.push(k));
          b.onReject((s) => rejects.push(s));
          trip(b, c.failuresToTrip - 1);
          expect(b.state).toBe(CLOSED);
          trip(b, 1);
          expect(b.state).toBe(OPEN);
          expect(b.allow()).toBe(false);
          expect(breaks).toEqual([1]);
          expect(rejects).toEqual([OPEN]);
          expect(b.counters.opened).toBe(1);
          expect(b.counters.rejected).toBe(1);
        });

        it.runIf(c.slowToTrip > 0)("trips on slow calls", () => {
          const d = driverFactory();
          const b = make(d);
          for (let i = 0; i < c.slowToTrip; i++) {
            expect(b.allow()).toBe(true);
            b.record(Outcome.SUCCESS, c.slow * d.unit * 1.5);
          }
          expect(b.state).toBe(OPEN);
          expect(b.counters.slowCalls).toBe(c.slowToTrip);
        });

        it("turns half-open after the open wait, admits exactly P probes, closes after P successes", async () => {
          const d = driverFactory();
          const b = make(d);
          let halfOpens = 0;
          let resets = 0;
          b.onHalfOpen(() => halfOpens++);
          b.onReset(() => resets++);
          trip(b, c.failuresToTrip);
          await d.advance((c.open + 0.5) * d.unit);
          expect(b.state).toBe(HALF_OPEN);
          expect(halfOpens).toBe(1);
          for (let i = 0; i < c.probes; i++) expect(b.allow()).toBe(true);
          expect(b.allow()).toBe(false);
          expect(b.liveProbes).toBe(c.probes);
          for (let i = 0; i < c.probes; i++) b.record(Outcome.SUCCESS, 0);
          expect(b.state).toBe(CLOSED);
          expect(resets).toBe(1);
          // The window was reset: it takes a full trip again.
          trip(b, c.failuresToTrip - 1);
          expect(b.state).toBe(CLOSED);
        });

        it("reopens when a probe fails", async () => {
          const d = driverFactory();
          const b = make(d);
          trip(b, c.failuresToTrip);
          await d.advance((c.open + 0.5) * d.unit);
          for (let i = 0; i < c.probes; i++) expect(b.allow()).toBe(true);
          for (let i = 0; i < c.probes; i++) b.record(Outcome.TIMEOUT, 0);
          expect(b.state).toBe(OPEN);
          expect(b.toJSON().openings).toBe(2);
        });

        it("lets lost probes expire so the breaker cannot wedge half-open", async () => {
          const d = driverFactory();
          const b = make(d);
          trip(b, c.failuresToTrip);
          await d.advance((c.open + 0.5) * d.unit);
          for (let i = 0; i < c.probes; i++) expect(b.allow()).toBe(true);
          expect(b.allow()).toBe(false);
          await d.advance((c.lease + 0.5) * d.unit);
          expect(b.liveProbes).toBe(0);
          expect(b.state).toBe(HALF_OPEN);
          for (let i = 0; i < c.probes; i++) expect(b.allow()).toBe(true);
          expect(b.allow()).toBe(false);
          for (let i = 0; i < c.probes; i++) b.record(Outcome.SUCCESS, 0);
          expect(b.state).toBe(CLOSED);
        });

        it("tagged: counts only results admitted in the current state, each freeing its own lease", async () => {
          const d = driverFactory();
          const b = make(d);
          const early = [b.admit(), b.admit()]; // admitted while closed, answered late
          expect(early.every((t) => t > 0)).toBe(true);
          for (let i = 0; i < c.failuresToTrip; i++) b.record(Outcome.FAILURE, 0, b.admit());
          expect(b.state).toBe(OPEN);
          b.record(Outcome.FAILURE, 0, early[0]); // while open: counted, nothing else
          await d.advance((c.open + 0.5) * d.unit);
          expect(b.state).toBe(HALF_OPEN);
          const probes: number[] = [];
          for (let i = 0; i < c.probes; i++) probes.push(b.admit());
          expect(probes.every((t) => t > 0)).toBe(true);
          expect(b.admit()).toBe(0);
          b.record(Outcome.SUCCESS, 0, early[1]); // predates half-open: not a probe result
          expect(b.state).toBe(HALF_OPEN);
          expect(b.liveProbes).toBe(c.probes);
          for (let i = c.probes - 1; i >= 0; i--) {
            b.record(Outcome.SUCCESS, 0, probes[i]); // reverse order
            if (i > 0) expect(b.liveProbes).toBe(i);
          }
          expect(b.state).toBe(CLOSED);
          expect(b.counters.stale).toBe(2);
          expect(b.counters.successes).toBe(1 + c.probes);
          expect(b.counters.failures).toBe(c.failuresToTrip + 1);
        });

        it("tagged: ignores a probe whose lease expired, even once its slot is re-issued", async () => {
          const d = driverFactory();
          const b = make(d);
          for (let i = 0; i < c.failuresToTrip; i++) b.record(Outcome.FAILURE, 0, b.admit());
          await d.advance((c.open + 0.5) * d.unit);
          const lost: number[] = [];
          for (let i = 0; i < c.probes; i++) lost.push(b.admit());
          await d.advance((c.lease + 0.5) * d.unit);
          const fresh: number[] = [];
          for (let i = 0; i < c.probes; i++) fresh.push(b.admit());
          expect(fresh.every((t) => t > 0 && !lost.includes(t))).toBe(true);
          for (const t of lost) b.record(Outcome.SUCCESS, 0, t);
          expect(b.state).toBe(HALF_OPEN);
          expect(b.liveProbes).toBe(c.probes);
          for (const t of fresh) b.record(Outcome.TIMEOUT, 0, t);
          expect(b.state).toBe(OPEN);
          expect(b.counters.stale).toBe(c.probes);
        });

        it("round-trips its state through JSON", async () => {
          const d = driverFactory();
          const b = make(d);
          trip(b, c.failuresToTrip - 1);
          const closed = CircuitBreaker.fromJSON(
            c.config(d.unit),
            JSON.parse(JSON.stringify(b)),
            d.clock,
            d.rng("x"),
          );
          trip(closed, 1);
          expect(closed.state).toBe(OPEN); // remembered the earlier failures
          await d.advance((c.open + 0.5) * d.unit);
          expect(closed.allow()).toBe(true);
          const half = CircuitBreaker.fromJSON(c.config(d.unit), closed.toJSON(), d.clock, d.rng("y"));
          expect(half.stateName).toBe("half-open");
          expect(half.liveProbes).toBe(1);
          expect(() => half.restore({ ...half.toJSON(), version: 3 } as never)).toThrow(
            expect.objectContaining({ code: "E_POLICY_CONFIG" }),
          );
        });

        it("restores an open breaker on another clock (another process) for the rest of its wait, not at once", async () => {
          const d = driverFactory();
          const b = make(d);
          trip(b, c.failuresToTrip);
          const saved = JSON.parse(JSON.stringify(b));
          expect(saved.openRemaining).toBeGreaterThan(0);
          expect(saved.openRemaining).toBeLessThanOrEqual(c.open * d.unit);
          // Another process: the same flow of time, another origin (1000 s behind, as a younger process would be).
          const other = { now: () => d.clock.now() - 1000 };
          const moved = CircuitBreaker.fromJSON(c.config(d.unit), saved, other, d.rng("moved"));
          expect(moved.toJSON().openRemaining).toBeLessThanOrEqual(saved.openRemaining);
          await d.advance((c.open + 0.5) * d.unit);
          expect(moved.stateName).toBe("half-open"); // an instant of the first clock would hold it open 1000 s more
          for (let i = 0; i < c.probes; i++) expect(moved.allow()).toBe(true);
          const again = CircuitBreaker.fromJSON(c.config(d.unit), moved.toJSON(), d.clock, d.rng("back"));
          expect(again.stateName).toBe("half-open");
          expect(again.liveProbes).toBe(c.probes); // the leases travelled as time left
          expect(again.allow()).toBe(false);
          await d.advance((c.lease + 0.5) * d.unit);
          expect(again.liveProbes).toBe(0);
        });
      });
    }
  });
}
