import { describe, expect, it } from "vitest";
import { formatEta } from "./formatEta.js";

describe("formatEta", () => {
  it("never prints 60 seconds or 60 minutes (rounds before splitting into units)", () => {
    expect(formatEta(599.6)).toBe("10m00s");
    expect(formatEta(599.6, 5)).toBe("10m00s");
    expect(formatEta(598, 5)).toBe("10m00s");
    expect(formatEta(59.7)).toBe("1m00s");
    expect(formatEta(3599.9)).toBe("1h00m");
    expect(formatEta(3600 + 59 * 60 + 45)).toBe("2h00m");
    for (let t = 0; t < 8000; t += 0.37) {
      for (const step of [1, 5]) expect(formatEta(t, step)).not.toMatch(/(^|[hm])60[ms]$/);
    }
  });

  it("prints seconds, minutes and seconds, or hours and minutes", () => {
    expect(formatEta(0)).toBe("0s");
    expect(formatEta(45)).toBe("45s");
    expect(formatEta(65)).toBe("1m05s");
    expect(formatEta(5400)).toBe("1h30m");
  });

  it("shows -- while cli-progress has no estimate", () => {
    expect(formatEta("NULL")).toBe("--");
    expect(formatEta("INF")).toBe("--");
    expect(formatEta(Number.POSITIVE_INFINITY)).toBe("--");
    expect(formatEta(-1)).toBe("--");
  });
});
