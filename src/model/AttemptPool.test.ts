import { describe, expect, it } from "vitest";
import { AttemptPool } from "./AttemptPool.js";
import { expectColumnsGrow } from "./testing/expectColumnsGrow.js";

describe("AttemptPool", () => {
  it("frees an attempt only once both the caller and the network are done with it", () => {
    const p = new AttemptPool();
    const a = p.alloc(5, 2, 1, 3);
    expect([
      p.request[a],
      p.service[a],
      p.sent[a],
      p.deadline[a],
      p.workStart[a],
      p.depCall[a],
      p.link[a],
    ]).toEqual([5, 2, 1, 3, 1, -1, -1]);
    p.callerRelease(a);
    expect(p.live).toBe(1);
    expect(p.alloc(6, 2, 1, 3)).toBe(1);
    p.netRelease(a);
    expect(p.live).toBe(1);
    expect(p.alloc(7, 0, 2, 4)).toBe(a);
    expect([p.callerDone[a], p.netDone[a], p.request[a]]).toEqual([0, 0, 7]);
  });

  it("grows every column together, keeping the values", () => {
    const p = new AttemptPool();
    const id = p.alloc(42, 3, 0.5, 9);
    expectColumnsGrow(p, () => p.alloc(0, 0, 0, 0), 1000);
    expect([p.request[id], p.service[id], p.sent[id], p.deadline[id]]).toEqual([42, 3, 0.5, 9]);
    expect(p.live).toBe(1001);
  });
});
