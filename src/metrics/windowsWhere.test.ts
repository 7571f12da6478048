import { describe, expect, it } from "vitest";
import { windowSeconds, windowsWhere } from "./windowsWhere.js";

describe("windowsWhere", () => {
  it("merges consecutive matching intervals, including one still open at the end", () => {
    const w = windowsWhere([0, 1, 1, 0, 1], 10, (v) => v === 1);
    expect(w).toEqual([
      { start: 10, end: 30 },
      { start: 40, end: 50 },
    ]);
    expect(windowSeconds(w)).toBe(30);
  });
});
