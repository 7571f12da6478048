import { describe, expect, it } from "vitest";
import { NONE } from "../queue/RequestQueue.js";
import { FixedRng } from "../testing/FixedRng.js";
import { ManualClock } from "../testing/ManualClock.js";
import { AimdLimit } from "./AimdLimit.js";
import { Bulkhead } from "./Bulkhead.js";
import { Gradient2Limit } from "./Gradient2Limit.js";
import { makeLimiter } from "./makeLimiter.js";
import { TokenBucket } from "./TokenBucket.js";
import { VegasLimit } from "./VegasLimit.js";

function hold(l: { acquire(): boolean }, n: number): void {
  for (let i = 0; i < n; i++) expect(l.acquire()).toBe(true);
}

describe("AIMD", () => {
  it("L = floor(0.9 L) on a drop or slow rtt, +1 when at least half used", () => {
    const l = new AimdLimit(20, 1, 1000, 0.9, 2);
    hold(l, 10);
    l.release(0.1, false); // inflight 10: 2 x 10 >= 20
    expect(l.limit).toBe(21);
    l.release(0.1, false); // inflight 9: 18 < 21
    expect(l.limit).toBe(21);
    l.release(0.1, true);
    expect(l.limit).toBe(18);
    l.release(2.5, false); // slower than the 2 s timeout
    expect(l.limit).toBe(16);
  });
});

describe("Vegas", () => {
  it("follows the queue-size rules with lg = max(1, floor(log10 L))", () => {
    const l = new VegasLimit(new FixedRng(0.999), 100, 1000, 1, 1e9);
    hold(l, 60);
    l.release(1, false); // first sample: rttNoLoad = 1
    expect(l.limit).toBe(100);
    l.release(1, false); // queue = 0 <= lg (2): L += 6 lg
    expect(l.limit).toBe(112);
    l.release(1.03, false); // queue = ceil(112 (1 - 1/1.03)) = 4 < 3 lg: L += lg
    expect(l.limit).toBe(114);
    l.release(1.2, false); // queue = ceil(114/6) = 19 > 6 lg = 12: L -= lg
    expect(l.limit).toBe(112);
    l.release(1, true); // drop: L -= lg
    expect(l.limit).toBe(110);
    l.release(1.07, false); // queue = ceil(110 * 0.0654) = 8: between 3 lg and 6 lg: unchanged
    expect(l.limit).toBe(110);
  });
});

describe("Gradient2", () => {
  it("L = 0.8 L + 0.2 (L g + 4), g = clamp(1.5 long / rtt, 0.5, 1)", () => {
    const l = new Gradient2Limit(50, 20, 200);
    hold(l, 40);
    l.release(1, false); // long = 1, g = 1: L = 0.8*50 + 0.2*54
    expect(l.limit).toBeCloseTo(50.8, 12);
    l.release(4, false); // long = (1+4)/2 = 2.5, g = clamp(0.9375) = 0.9375
    expect(l.longRtt).toBe(2.5);
    const L = 50.8;
    expect(l.limit).toBeCloseTo(0.8 * L + 0.2 * (L * 0.9375 + 4), 12);
  });
});

describe("bulkhead", () => {
  it("queues refused callers up to maxQueue and hands freed slots to the oldest", () => {
    const b = new Bulkhead(2, 2);
    hold(b, 2);
    expect(b.acquire()).toBe(false);
    expect(b.wait(7, 0)).toBe(true);
    expect(b.wait(8, 0)).toBe(true);
    expect(b.wait(9, 0)).toBe(false);
    expect(b.admitNext(0)).toBe(NONE);
    b.release(0.1, false);
    expect(b.admitNext(1)).toBe(7);
    expect(b.inflight).toBe(2);
    expect(b.cancelWait(8)).toBe(true);
    b.release(0.1, false);
    expect(b.admitNext(1)).toBe(NONE);
  });
});

describe("token bucket", () => {
  it("tokens = min(B, tokens + r dt); admits when tokens >= cost", () => {
    const clock = new ManualClock(0);
    const t = new TokenBucket(clock, 2, 4);
    expect(t.acquire(3)).toBe(true);
    expect(t.acquire(2)).toBe(false);
    expect(t.delayFor(2)).toBeCloseTo(0.5, 12);
    clock.advance(0.5);
    expect(t.acquire(2)).toBe(true);
    clock.advance(100);
    expect(t.available).toBe(4);
    expect(t.delayFor(5)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("makeLimiter", () => {
  it("validates with paths", () => {
    const clock = new ManualClock(0);
    const rng = new FixedRng();
    expect(() => makeLimiter({ type: "aimd", minLimit: 10, maxLimit: 5 }, clock, rng)).toThrow(
      expect.objectContaining({ code: "E_POLICY_CONFIG", path: "limiter.maxLimit" }),
    );
    expect(() => makeLimiter({ type: "bulkhead" } as never, clock, rng)).toThrow(
      expect.objectContaining({ path: "limiter.maxConcurrent" }),
    );
    expect(makeLimiter({ type: "gradient2" }, clock, rng).limit).toBe(20);
  });
});
