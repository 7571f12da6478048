import { describe, expect, it } from "vitest";
import { AdaptiveLifoQueue } from "./AdaptiveLifoQueue.js";
import { CoDelQueue } from "./CoDelQueue.js";
import { CriticalityQueue } from "./CriticalityQueue.js";
import { makeQueue } from "./makeQueue.js";
import { Criticality, NONE, ShedReason } from "./RequestQueue.js";
import { RpcCoDelQueue } from "./RpcCoDelQueue.js";

describe("CoDel (RFC 8289)", () => {
  it("drops on the schedule interval / sqrt(count) while the sojourn stays above target", () => {
    const interval = 0.1;
    const target = 0.005;
    const q = new CoDelQueue(Number.POSITIVE_INFINITY, target, interval);
    const step = 0.001;
    // Arrivals every 0.5 ms, service every 1 ms: the queue and its delay grow without bound.
    let nextId = 0;
    const drops: number[] = [];
    const counts: number[] = [];
    let firstAboveAt = Number.NaN;
    for (let k = 0; k < 1500; k++) {
      const now = k * step;
      q.enqueue(nextId++, now - step / 2);
      q.enqueue(nextId++, now);
      for (let id = q.dequeue(now); id !== NONE; id = q.dequeue(now)) {
        if (Number.isNaN(firstAboveAt) && now - q.lastArrival >= target) firstAboveAt = now;
        if (!q.dropped) break;
        drops.push(now);
        counts.push(q.count);
      }
    }
    expect(drops.length).toBeGreaterThan(10);
    // Dropping starts one interval after the sojourn first reached the target, not before.
    expect(drops[0]!).toBeGreaterThanOrEqual(firstAboveAt + interval - 1e-9);
    expect(drops[0]!).toBeLessThan(firstAboveAt + interval + 2 * step);
    // Then drop k+1 follows drop k after interval / sqrt(k) (rounded up to the next dequeue step).
    let expected = drops[0]!;
    for (let j = 1; j < drops.length; j++) {
      expected += interval / Math.sqrt(j);
      expect(counts[j]).toBe(j + 1);
      expect(drops[j]!).toBeGreaterThanOrEqual(expected - 1e-9);
      expect(drops[j]!).toBeLessThan(expected + step + 1e-9);
    }
  });

  it("leaves the dropping state when the sojourn falls below target", () => {
    const q = new CoDelQueue(Number.POSITIVE_INFINITY, 0.005, 0.1);
    let id = 0;
    for (let t = 0; t < 0.5; t += 0.001) {
      q.enqueue(id++, t - 0.05);
      q.enqueue(id++, t - 0.05);
      q.dequeue(t);
    }
    expect(q.dropping).toBe(true);
    while (q.size > 0) q.dequeue(0.5);
    q.enqueue(id++, 0.6);
    q.enqueue(id++, 0.6);
    expect(q.dequeue(0.601)).toBeGreaterThanOrEqual(0);
    expect(q.dropped).toBe(false);
    expect(q.dropping).toBe(false);
  });
});

describe("RPC CoDel variant", () => {
  it("uses the long timeout normally and the short one under a standing queue", () => {
    const q = new RpcCoDelQueue(Number.POSITIVE_INFINITY, 0.005, 0.1, 0.01, 0.1);
    q.enqueue(1, 0);
    expect(q.dequeue(0.05)).toBe(1); // waited 50 ms < long timeout 100 ms
    expect(q.dropped).toBe(false);
    // A standing queue: every dequeue sees >= 5 ms of waiting for more than 100 ms.
    let id = 10;
    let dropsAfterStanding = 0;
    for (let t = 0.2; t < 0.5; t += 0.001) {
      q.enqueue(id++, t - 0.02); // each waited 20 ms: > short timeout, < long timeout
      const got = q.dequeue(t);
      expect(got).not.toBe(NONE);
      if (q.overloaded) {
        expect(q.dropped).toBe(true);
        dropsAfterStanding++;
      } else expect(q.dropped).toBe(false);
    }
    expect(dropsAfterStanding).toBeGreaterThan(150);
  });
});

describe("adaptive LIFO", () => {
  it("is FIFO while the queue drains and newest-first under a standing queue", () => {
    const q = new AdaptiveLifoQueue(Number.POSITIVE_INFINITY, 0.005, 0.1);
    for (let i = 0; i < 3; i++) q.enqueue(i, 0);
    expect(q.dequeue(0.001)).toBe(0);
    expect(q.lifo).toBe(false);
    for (let i = 3; i < 100; i++) q.enqueue(i, 0.001 * i);
    let t = 0.01;
    q.dequeue(t); // arms the detector: the oldest has waited > 5 ms
    t += 0.15;
    const id = q.dequeue(t);
    expect(q.lifo).toBe(true);
    expect(id).toBe(99);
  });
});

describe("criticality-aware shedding", () => {
  it("serves the most critical first and sheds the least critical first", () => {
    const q = new CriticalityQueue(3);
    expect(q.enqueue(1, 0, Criticality.SHEDDABLE)).toBe(NONE);
    expect(q.enqueue(2, 0, Criticality.CRITICAL)).toBe(NONE);
    expect(q.enqueue(3, 0, Criticality.SHEDDABLE_PLUS)).toBe(NONE);
    const reasons: number[] = [];
    q.onShed((_id, reason) => reasons.push(reason));
    expect(q.enqueue(4, 0, Criticality.CRITICAL_PLUS)).toBe(1); // evicts the SHEDDABLE one
    expect(q.enqueue(5, 0, Criticality.SHEDDABLE)).toBe(5); // nothing less critical to evict: refused
    expect(q.enqueue(6, 0, Criticality.CRITICAL)).toBe(3);
    expect([q.dequeue(1), q.dequeue(1), q.dequeue(1), q.dequeue(1)]).toEqual([4, 2, 6, NONE]);
    expect(reasons).toEqual([ShedReason.FULL, ShedReason.FULL, ShedReason.FULL]);
  });
});

describe("makeQueue", () => {
  it("validates with paths", () => {
    expect(() => makeQueue({ type: "codel", interval: 0 }, "services.api.queue")).toThrow(
      expect.objectContaining({ code: "E_POLICY_CONFIG", path: "services.api.queue.interval" }),
    );
    expect(() => makeQueue({ type: "stack" } as never)).toThrow(
      expect.objectContaining({ path: "queue.type" }),
    );
    expect(makeQueue({ type: "rpc-codel" }).type).toBe("rpc-codel");
  });
});
