import { describe, expect, it } from "vitest";
import type { Limiter } from "../limit/Limiter.js";
import { type LimiterConfig, makeLimiter } from "../limit/makeLimiter.js";
import type { ClockDriverFactory } from "./ClockDriver.js";

/** One limiter under test. */
export interface LimiterCase {
  name: string;
  config(unit: number): LimiterConfig;
  /** "concurrency": slots come back on release; "rate": tokens come back with time. */
  kind: "concurrency" | "rate";
  /** What makes the limit shrink: drops, rising rtt, or nothing (fixed limits). */
  shrinksOn: "drop" | "rtt" | "none";
}

function fill(l: Limiter): number {
  let n = 0;
  while (l.acquire() && n < 100_000) n++;
  return n;
}

/** Registers the shared Limiter conformance tests for every case on the given clock. */
export function limiterConformance(
  clockName: string,
  driverFactory: ClockDriverFactory,
  cases: LimiterCase[],
): void {
  describe(`Limiter conformance (${clockName} clock)`, () => {
    for (const c of cases) {
      describe(c.name, () => {
        const make = () => {
          const d = driverFactory();
          return { d, l: makeLimiter(c.config(d.unit), d.clock, d.rng("limiter")) };
        };

        it("admits up to its limit, then refuses and says so", () => {
          const { l } = make();
          let rejects = 0;
          const sub = l.onReject(() => rejects++);
          const n = fill(l);
          expect(n).toBe(Math.floor(l.limit));
          expect(l.acquire()).toBe(false);
          expect(rejects).toBe(2);
          sub.dispose();
          l.acquire();
          expect(rejects).toBe(2);
          expect(l.counters.acquired).toBe(n);
          expect(l.counters.rejected).toBe(3);
          if (c.kind === "concurrency") expect(l.inflight).toBe(n);
        });

        it(`gives capacity back (${c.kind === "concurrency" ? "on release" : "with time"})`, async () => {
          const { d, l } = make();
          fill(l);
          if (c.kind === "concurrency") {
            l.release(d.unit, false);
            expect(l.acquire()).toBe(true);
          } else {
            await d.advance(2 * d.unit);
            expect(l.acquire()).toBe(true);
          }
        });

        it("keeps 0 <= inflight <= limit under random traffic", () => {
          const { d, l } = make();
          const rng = d.rng("ops");
          let held = 0;
          let violations = 0;
          for (let i = 0; i < 5000; i++) {
            if (rng.next() < 0.55) {
              if (l.acquire()) held++;
            } else if (held > 0) {
              held--;
              l.release(d.unit * (0.5 + rng.next()), rng.next() < 0.05);
            }
            // Plain checks in the loop (thousands of expect calls are slow); one assertion at the end.
            if (l.inflight < 0 || l.limit < 1) violations++;
            if (
              c.kind === "concurrency" &&
              (l.inflight !== held || l.inflight > Math.max(Math.floor(l.limit), held))
            )
              violations++;
          }
          expect(violations).toBe(0);
        });

        it.runIf(c.shrinksOn !== "none")(
          `grows while healthy and saturated, shrinks on ${c.shrinksOn}`,
          () => {
            const { d, l } = make();
            const start = l.limit;
            for (let round = 0; round < 50; round++) {
              const n = fill(l);
              for (let i = 0; i < n; i++) l.release(d.unit, false);
            }
            const grown = l.limit;
            expect(grown).toBeGreaterThan(start);
            for (let round = 0; round < 5; round++) {
              const n = fill(l);
              const bad = c.shrinksOn === "drop";
              for (let i = 0; i < n; i++) l.release(bad ? d.unit : d.unit * (10 + round), bad);
            }
            expect(l.limit).toBeLessThan(grown);
          },
        );
      });
    }
  });
}
