import { describe, expect, it } from "vitest";
import { Outcome } from "../Outcome.js";
import { FixedRng } from "../testing/FixedRng.js";
import { ManualClock } from "../testing/ManualClock.js";
import type { BreakerConfig, BreakerState } from "./BreakerConfig.js";
import { CircuitBreaker, makeBreaker } from "./CircuitBreaker.js";

const rng = new FixedRng(0.5);
const consecutive: BreakerConfig = {
  type: "consecutive",
  failures: 2,
  openFor: "30s",
  probes: 2,
  probeLease: "10s",
};

function fail(b: CircuitBreaker, n: number): void {
  for (let i = 0; i < n; i++) b.record(Outcome.FAILURE, 0, b.admit());
}

/** Through JSON text, as a state saved to a file or a cache would travel. */
const travel = (b: CircuitBreaker): BreakerState => JSON.parse(JSON.stringify(b));

describe("BreakerState: remaining durations, restorable on another clock", () => {
  it("an open breaker saved in one process stays open for the rest of its wait in another", () => {
    const a = new ManualClock(100);
    const b = makeBreaker(consecutive, a, rng);
    fail(b, 2);
    a.advance(10);
    const saved = travel(b);
    expect(saved).toMatchObject({ version: 2, state: "open", openRemaining: 20, openings: 1, lastWait: 30 });
    const other = new ManualClock(5); // another process: its clock has another origin
    const moved = CircuitBreaker.fromJSON(consecutive, saved, other, rng);
    other.advance(19.9);
    expect(moved.stateName).toBe("open");
    other.advance(0.1);
    expect(moved.stateName).toBe("half-open");
  });

  it("half-open probe leases keep their remaining time", () => {
    const a = new ManualClock(0);
    const b = makeBreaker(consecutive, a, rng);
    fail(b, 2);
    a.advance(30);
    b.admit(); // lease until 40
    a.advance(4);
    b.admit(); // lease until 44
    expect(travel(b).leaseRemaining).toEqual([6, 10]);
    const other = new ManualClock(-500);
    const moved = CircuitBreaker.fromJSON(consecutive, travel(b), other, rng);
    expect(moved.liveProbes).toBe(2);
    other.advance(6);
    expect(moved.liveProbes).toBe(1);
    other.advance(4);
    expect(moved.liveProbes).toBe(0);
  });

  it("an isolated breaker stays isolated (openRemaining null survives JSON) until reset", () => {
    const a = new ManualClock(0);
    const b = makeBreaker(consecutive, a, rng);
    b.isolate();
    const saved = travel(b);
    expect(saved.openRemaining).toBeNull();
    const other = new ManualClock(0);
    const moved = CircuitBreaker.fromJSON(consecutive, saved, other, rng);
    other.advance(1e9);
    expect(moved.stateName).toBe("open");
    moved.reset();
    expect(moved.stateName).toBe("closed");
  });

  it("a time window keeps each bucket's age, so old failures still age out on time", () => {
    const config: BreakerConfig = {
      type: "time",
      window: "10s",
      buckets: 10,
      minimumCalls: 4,
      failureRatio: 0.5,
    };
    const a = new ManualClock(1000.5);
    const b = makeBreaker(config, a, rng);
    fail(b, 3); // in the bucket [1000, 1001)
    a.advance(5);
    const saved = travel(b);
    expect(saved.window.slice(15, 18)).toEqual([3, 3, 0]); // five buckets back: calls, failures, slow
    // Restored 5 s before those failures leave the window: one more failure trips it.
    const soon = CircuitBreaker.fromJSON(config, saved, new ManualClock(3.5), rng);
    fail(soon, 1);
    expect(soon.stateName).toBe("open");
    // Restored, then 5 s later: the three failures have aged out, one more does not trip it.
    const clock = new ManualClock(-20.5);
    const late = CircuitBreaker.fromJSON(config, saved, clock, rng);
    clock.advance(5);
    fail(late, 1);
    expect(late.stateName).toBe("closed");
  });

  it("still reads a version 1 state (clock readings) on the clock it was taken on", () => {
    const a = new ManualClock(100);
    const v1 = {
      version: 1,
      type: "consecutive",
      state: "open",
      openUntil: 130,
      openings: 1,
      lastWait: 30,
      probeResults: [0, 0, 0],
      leases: [],
      window: [0, 0],
    } as const;
    const b = CircuitBreaker.fromJSON(
      consecutive,
      { ...v1, probeResults: [0, 0, 0], leases: [], window: [0, 0] },
      a,
      rng,
    );
    a.advance(29);
    expect(b.stateName).toBe("open");
    a.advance(1);
    expect(b.stateName).toBe("half-open");
    expect(() => b.restore({ ...travel(b), type: "count" })).toThrow(
      expect.objectContaining({ code: "E_POLICY_CONFIG", path: "breaker.state" }),
    );
  });
});
