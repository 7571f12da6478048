import { describe, expect, it } from "vitest";
import { concentrationRatio, hhi } from "./hhi.js";

describe("hhi and CR-n", () => {
  it("gives the textbook values for known shares", () => {
    expect(hhi([1])).toBe(10_000);
    expect(hhi([50, 50])).toBeCloseTo(5000, 9);
    expect(hhi([1, 1, 1, 1])).toBeCloseTo(2500, 9);
    expect(hhi([60, 30, 10])).toBeCloseTo(3600 + 900 + 100, 9);
    // scale-free: the same shares as amounts of money
    expect(hhi([6e9, 3e9, 1e9])).toBeCloseTo(4600, 6);
    expect(hhi([])).toBe(0);
    expect(concentrationRatio([10, 20, 30, 40])).toBeCloseTo(90, 9);
    expect(concentrationRatio([10, 20, 30, 40], 1)).toBeCloseTo(40, 9);
  });
});
