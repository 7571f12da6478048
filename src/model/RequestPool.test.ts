import { describe, expect, it } from "vitest";
import { RequestPool } from "./RequestPool.js";
import { expectColumnsGrow } from "./testing/expectColumnsGrow.js";

describe("RequestPool", () => {
  it("initialises a request's columns, recycles ids and counts the live ones", () => {
    const p = new RequestPool();
    const a = p.alloc(3, 7, 1.5);
    const b = p.alloc(9, 2, 2);
    expect([a, b, p.live]).toEqual([0, 1, 2]);
    expect([p.site[b], p.client[b], p.first[b], p.attemptStart[b], p.deadline[b], p.ticket[b]]).toEqual([
      9, 2, 2, 2, 2, 0,
    ]);
    expect([p.attempts[a], p.cause[a], p.prevDelay[a], p.current[a], p.timer[a]]).toEqual([0, 0, -1, -1, -1]);
    expect([p.nextWaiting[a], p.waiting[a]]).toEqual([-1, 0]);
    p.attempts[a] = 4;
    p.release(a);
    expect(p.live).toBe(1);
    expect(p.alloc(0, 0, 5)).toBe(a);
    expect(p.attempts[a]).toBe(0);
  });

  it("grows every column together, keeping the values", () => {
    const p = new RequestPool();
    const id = p.alloc(11, 12, 0.25);
    expectColumnsGrow(p, () => p.alloc(0, 0, 0), 1000);
    expect([p.site[id], p.client[id], p.first[id]]).toEqual([11, 12, 0.25]);
    expect(p.live).toBe(1001);
  });
});
