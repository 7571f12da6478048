import { describe, expect, it } from "vitest";
import { GrowableColumn } from "./GrowableColumn.js";

describe("GrowableColumn", () => {
  it("keeps every appended entry across growth and views exactly the appended ones, unchanged by later pushes", () => {
    const c = new GrowableColumn((n) => new Int32Array(n));
    for (let i = 0; i < 1000; i++) c.push(i * 3 - 7);
    const a = c.toArray();
    expect(a).toBeInstanceOf(Int32Array);
    expect(a.length).toBe(1000);
    expect(a[0]).toBe(-7);
    expect(a[999]).toBe(999 * 3 - 7);
    for (let i = 0; i < 100; i++) c.push(0);
    expect(a.length).toBe(1000);
    expect(a[999]).toBe(999 * 3 - 7);
    const u = new GrowableColumn((n) => new Uint8Array(n));
    u.push(2);
    expect([...u.toArray()]).toEqual([2]);
  });
});
