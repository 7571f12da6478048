import { describe, expect, it } from "vitest";
import { ProcessorSharing } from "./ProcessorSharing.js";

describe("ProcessorSharing", () => {
  it("two requests on one core each progress at half speed; the shorter finishes first", () => {
    const ps = new ProcessorSharing(1);
    ps.add(7, 1, 0);
    ps.add(8, 2, 0);
    expect(ps.next(0)).toBeCloseTo(2, 12); // both at rate 1/2: the 1 s job ends at 2 s
    expect(ps.pop(2)).toBe(7);
    expect(ps.lastWork).toBe(1);
    expect(ps.next(2)).toBeCloseTo(1, 12); // the 2 s job has 1 s left, alone at full speed
    expect(ps.pop(3)).toBe(8);
    expect(ps.takeCpu()).toBeCloseTo(3, 12);
    expect(ps.next(3)).toBe(Number.POSITIVE_INFINITY);
  });

  it("with more cores than requests each request runs at full speed", () => {
    const ps = new ProcessorSharing(4);
    ps.add(1, 3, 0);
    ps.add(2, 1, 0);
    expect(ps.next(0)).toBeCloseTo(1, 12);
    expect(ps.pop(1)).toBe(2);
    expect(ps.next(1)).toBeCloseTo(2, 12);
  });

  it("a late arrival slows the one in work; removing cores stops progress", () => {
    const ps = new ProcessorSharing(1);
    ps.add(1, 2, 0);
    ps.add(2, 2, 1); // job 1 has 1 s left, now shared: ends at 1 + 2 = 3
    expect(ps.next(1)).toBeCloseTo(2, 12);
    ps.setCores(0, 2);
    expect(ps.next(2)).toBe(Number.POSITIVE_INFINITY);
    ps.setCores(1, 5); // job 1 had 0.5 s left at t = 2
    expect(ps.next(5)).toBeCloseTo(1, 12);
  });

  it("equal tags finish in insertion order, and the heap grows past its first capacity", () => {
    const ps = new ProcessorSharing(1);
    for (let i = 0; i < 200; i++) ps.add(i, 1, 0);
    const out: number[] = [];
    for (let i = 0; i < 200; i++) out.push(ps.pop(0));
    expect(out).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });
});
