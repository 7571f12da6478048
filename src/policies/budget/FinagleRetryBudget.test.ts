import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "../../engine/Xoshiro128.js";
import { Cause, Outcome } from "../Outcome.js";
import { ManualClock } from "../testing/ManualClock.js";
import type { Budget } from "./Budget.js";
import { FinagleRetryBudget } from "./FinagleRetryBudget.js";
import { makeBudget } from "./makeBudget.js";

describe("Finagle retry budget", () => {
  it("10 requests/s at 20% with a 1/s reserve: 2 + 1 = 3 retries per second, 30 in every ttl of 10 s", () => {
    const clock = new ManualClock(0);
    const b = new FinagleRetryBudget(
      { type: "finagle", ttl: 10, minRetriesPerSec: 1, percentCanRetry: 0.2 },
      clock,
    );
    // one request every 0.1 s, and a client that retries whenever the budget lets it (a storm)
    const perSecond = new Array<number>(100).fill(0);
    for (let step = 0; step < 1000; step++) {
      clock.t = step * 0.1;
      expect(b.tryAcquire(Cause.FIRST)).toBe(true);
      while (b.tryAcquire(Outcome.TIMEOUT)) perSecond[Math.floor(step / 10)]!++;
    }
    // each second's 10 requests pay for 2 retries; the reserve of 1/s x 10 s = 10 is spent at once, and comes back
    // when those withdrawals expire, one ttl later
    for (let s = 0; s < 100; s++) expect(perSecond[s], `second ${s}`).toBe(s % 10 === 0 ? 12 : 2);
    for (let w = 0; w < 10; w++) {
      const window = perSecond.slice(10 * w, 10 * w + 10).reduce((a, x) => a + x, 0);
      expect(window).toBe(0.2 * 10 * 10 + 1 * 10);
    }
  });

  it("deposits expire after ttl; until then each one pays for percentCanRetry of a retry", () => {
    const clock = new ManualClock(0);
    const b = new FinagleRetryBudget(
      { type: "finagle", ttl: 5, minRetriesPerSec: 0, percentCanRetry: 0.25 },
      clock,
    );
    expect(b.available).toBe(0);
    expect(b.tryAcquire(Outcome.FAILURE)).toBe(false); // no reserve, no deposit
    for (let i = 0; i < 40; i++) b.tryAcquire(Cause.FIRST);
    expect(b.available).toBe(10);
    for (let i = 0; i < 4; i++) expect(b.tryAcquire(Outcome.FAILURE)).toBe(true);
    expect(b.available).toBe(6);
    clock.advance(4.4); // still inside the ttl
    expect(b.available).toBe(6);
    expect(b.capacity).toBe(10);
    clock.advance(0.6); // 5 s after the deposits: gone, and the withdrawals with them
    expect(b.capacity).toBe(0);
    expect(b.available).toBe(0);
    expect(b.tryAcquire(Outcome.FAILURE)).toBe(false);
    expect(b.tryAcquire(Cause.FIRST)).toBe(true); // first attempts always go
    expect(b.counters).toEqual({ granted: 45, rejected: 2 });
  });

  it("percentCanRetry above 1 lets every request be retried more than once; 0 leaves only the reserve", () => {
    const clock = new ManualClock(0);
    const twice = new FinagleRetryBudget(
      { type: "finagle", ttl: 1, minRetriesPerSec: 0, percentCanRetry: 2 },
      clock,
    );
    for (let i = 0; i < 3; i++) twice.tryAcquire(Cause.FIRST);
    let n = 0;
    while (twice.tryAcquire(Cause.HEDGE)) n++; // hedges withdraw like retries
    expect(n).toBe(6);
    const reserveOnly = new FinagleRetryBudget(
      { type: "finagle", ttl: 2, minRetriesPerSec: 5, percentCanRetry: 0 },
      clock,
    );
    for (let i = 0; i < 100; i++) reserveOnly.tryAcquire(Cause.FIRST);
    n = 0;
    while (reserveOnly.tryAcquire(Outcome.FAILURE)) n++;
    expect(n).toBe(10); // 5/s x 2 s
  });

  it("outcomes change nothing", () => {
    const clock = new ManualClock(0);
    const b: Budget = new FinagleRetryBudget({ type: "finagle", minRetriesPerSec: 1 }, clock);
    const before = b.available;
    for (let i = 0; i < 50; i++) b.onFailure(Outcome.TIMEOUT, Outcome.TIMEOUT);
    for (let i = 0; i < 50; i++) b.onSuccess(Cause.FIRST);
    expect(b.available).toBe(before);
    expect(b.capacity).toBe(10); // defaults: ttl 10 s, 1/s reserve given here
  });

  it("makeBudget builds it with Finagle's defaults and rejects bad fields by path", () => {
    const clock = new ManualClock(0);
    const rng = new Xoshiro128(1);
    const b = makeBudget({ type: "finagle" }, clock, rng, "fleets.web.budget");
    expect(b.type).toBe("finagle");
    expect(b.capacity).toBe(100); // 10/s x 10 s
    for (let i = 0; i < 10; i++) b.tryAcquire(Cause.FIRST);
    expect(b.capacity).toBe(102); // + 20% of 10 requests
    for (const [field, value] of [
      ["percentCanRetry", 1001],
      ["percentCanRetry", -0.1],
      ["ttl", 0],
      ["minRetriesPerSec", -1],
    ] as const) {
      expect(() => makeBudget({ type: "finagle", [field]: value }, clock, rng, "fleets.web.budget")).toThrow(
        expect.objectContaining({ code: "E_POLICY_CONFIG", path: `fleets.web.budget.${field}` }),
      );
    }
  });
});
