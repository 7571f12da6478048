import { describe, expect, it } from "vitest";
import { intervalIndex } from "./intervalIndex.js";

describe("intervalIndex", () => {
  it("puts a time in the interval it falls in, a boundary in the interval it starts", () => {
    expect(intervalIndex(0, 10, 100)).toBe(0);
    expect(intervalIndex(9.99, 10, 100)).toBe(0);
    expect(intervalIndex(10, 10, 100)).toBe(1);
    // 0.3 / 0.1 is 2.9999999999999996 in floats: still the boundary of interval 3
    expect(intervalIndex(0.3, 0.1, 100)).toBe(3);
  });

  it("clamps to [0, n]", () => {
    expect(intervalIndex(-5, 10, 100)).toBe(0);
    expect(intervalIndex(5000, 10, 100)).toBe(100);
  });
});
