import { describe, expect, it } from "vitest";
import type { Budget } from "../budget/Budget.js";
import { Cause, Outcome } from "../Outcome.js";
import type { ClockDriver, ClockDriverFactory } from "./ClockDriver.js";

/** One budget implementation under test. */
export interface BudgetCase {
  name: string;
  /** Builds the budget on the driver's clock; time fields should be multiples of `driver.unit`. */
  make(driver: ClockDriver): Budget;
  /** True when the budget may refuse first attempts (throttles); false for retry budgets. */
  gatesFirstAttempts: boolean;
  /** False for the unlimited budget. */
  canReject: boolean;
  /** Units of time to wait (besides successes) before a refused budget admits retries again. */
  recoveryUnits: number;
}

/** Registers the shared Budget conformance tests for every case on the given clock. */
export function budgetConformance(
  clockName: string,
  driverFactory: ClockDriverFactory,
  cases: BudgetCase[],
): void {
  describe(`Budget conformance (${clockName} clock)`, () => {
    for (const c of cases) {
      describe(c.name, () => {
        it("starts full and admits first attempts and a first retry", () => {
          const b = c.make(driverFactory());
          expect(b.available).toBeGreaterThan(0);
          expect(b.available).toBeLessThanOrEqual(b.capacity);
          for (let i = 0; i < 20; i++) {
            expect(b.tryAcquire(Cause.FIRST)).toBe(true);
            b.onSuccess(Cause.FIRST);
          }
          expect(b.tryAcquire(Outcome.FAILURE)).toBe(true);
        });

        it("keeps available within [0, capacity] and counts every decision under a storm", () => {
          const b = c.make(driverFactory());
          let calls = 0;
          let refused = 0;
          let outOfRange = 0;
          for (let i = 0; i < 3000; i++) {
            calls++;
            const ok = b.tryAcquire(i % 5 === 0 ? Cause.FIRST : Outcome.THROTTLED);
            if (!ok) refused++;
            else if (i % 2 === 1)
              b.onFailure(Outcome.THROTTLED, i % 5 === 0 ? Cause.FIRST : Outcome.THROTTLED);
            if (!(b.available >= 0 && b.available <= b.capacity)) outOfRange++;
          }
          expect(outOfRange).toBe(0);
          expect(b.counters.granted + b.counters.rejected).toBe(calls);
          expect(b.counters.rejected).toBe(refused);
          if (c.canReject) expect(refused).toBeGreaterThan(0);
          else expect(refused).toBe(0);
        });

        it.runIf(c.canReject)("emits reject events to listeners until disposed", () => {
          const b = c.make(driverFactory());
          const seen: number[] = [];
          const sub = b.onReject((cause) => seen.push(cause));
          let n = 0;
          while (b.counters.rejected === 0 && n++ < 5000) {
            if (b.tryAcquire(Outcome.THROTTLED) && n % 2 === 0)
              b.onFailure(Outcome.THROTTLED, Outcome.THROTTLED);
          }
          expect(seen.length).toBe(b.counters.rejected);
          expect(seen[0]).toBe(Outcome.THROTTLED);
          sub.dispose();
          const before = seen.length;
          for (let i = 0; i < 50; i++) b.tryAcquire(Outcome.TIMEOUT);
          expect(seen.length).toBe(before);
        });

        it.runIf(c.canReject)("admits retries again after successes and time", async () => {
          const d = driverFactory();
          const b = c.make(d);
          const inflight: number[] = [];
          let n = 0;
          while (b.counters.rejected === 0 && n++ < 5000) {
            if (b.tryAcquire(Outcome.FAILURE)) {
              if (n % 2 === 0) b.onFailure(Outcome.THROTTLED, Outcome.FAILURE);
              else inflight.push(Outcome.FAILURE);
            }
          }
          expect(b.counters.rejected).toBeGreaterThan(0);
          for (const cause of inflight) b.onSuccess(cause);
          await d.advance(c.recoveryUnits * d.unit);
          let admitted = false;
          for (let i = 0; i < 200 && !admitted; i++) {
            admitted = b.tryAcquire(Outcome.FAILURE);
            if (!admitted && b.tryAcquire(Cause.FIRST)) b.onSuccess(Cause.FIRST);
          }
          expect(admitted).toBe(true);
        });

        it.runIf(!c.gatesFirstAttempts)("always admits first attempts, even when retries are refused", () => {
          const b = c.make(driverFactory());
          for (let i = 0; i < 2000; i++)
            if (b.tryAcquire(Outcome.FAILURE)) b.onFailure(Outcome.FAILURE, Outcome.FAILURE);
          for (let i = 0; i < 100; i++) expect(b.tryAcquire(Cause.FIRST)).toBe(true);
        });
      });
    }
  });
}
