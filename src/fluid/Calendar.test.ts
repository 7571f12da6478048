import { describe, expect, it } from "vitest";
import { Calendar } from "./Calendar.js";

function drain(c: Calendar, from: number, steps: number): number[] {
  const out: number[] = [];
  for (let n = from; n < from + steps; n++) out.push(c.take(n));
  return out;
}

describe("Calendar", () => {
  it("releases a point mass exactly its delay later, never in the step it was added", () => {
    const c = new Calendar(10);
    c.addAt(3, 4, 2);
    c.addAt(3, 0, 1);
    expect(drain(c, 4, 6)).toEqual([1, 0, 0, 2, 0, 0]);
    expect(c.total).toBe(0);
  });

  it("spreads a uniform window evenly over its steps and conserves mass", () => {
    const c = new Calendar(20);
    c.addUniform(0, 2.5, 12.5, 10);
    const out = drain(c, 1, 15);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(10, 12);
    // Steps 3..12 each get one tenth; nothing before or after the window.
    expect(out.slice(0, 2)).toEqual([0, 0]);
    for (const x of out.slice(2, 12)) expect(x).toBeCloseTo(1, 12);
    expect(out.slice(12).every((x) => x === 0)).toBe(true);
  });

  it("folds delays under one step into the next step (full jitter from 0)", () => {
    const c = new Calendar(10);
    c.addUniform(0, 0, 4, 4);
    const out = drain(c, 1, 6);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(4, 12);
    expect(out[0]).toBeCloseTo(1.5, 12);
    expect(out[3]).toBeCloseTo(0.5, 12);
  });

  it("moves a share of its pending releases to another calendar", () => {
    const a = new Calendar(10);
    const b = new Calendar(10);
    a.addUniform(0, 2, 6, 8);
    b.addShare(a, 0.25);
    a.scale(0.75);
    const sa = drain(a, 1, 8).reduce((x, y) => x + y, 0);
    const sb = drain(b, 1, 8).reduce((x, y) => x + y, 0);
    expect(sa).toBeCloseTo(6, 12);
    expect(sb).toBeCloseTo(2, 12);
  });
});
