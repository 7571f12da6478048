import { describe, expect, it } from "vitest";
import { clockTime, offset, offsetMinutes } from "./clockTime.js";

describe("clockTime", () => {
  const start = "2021-12-07T07:00:00-08:00";
  it("shows times in the start's zone", () => {
    expect(offsetMinutes(start)).toBe(-480);
    expect(clockTime(start, 0)).toBe("07:00:00");
    expect(clockTime(start, 30 * 60)).toBe("07:30:00");
    // 6h52m after 07:30 is 14:22, as in AWS's report.
    expect(clockTime(start, 30 * 60 + 6 * 3600 + 52 * 60)).toBe("14:22:00");
  });
  it("adds the date past midnight and handles Z", () => {
    expect(clockTime(start, 18 * 3600)).toBe("2021-12-08 01:00:00");
    expect(clockTime("2024-01-01T23:00:00Z", 3600)).toBe("2024-01-02 00:00:00");
  });
  it("formats signed offsets", () => {
    expect(offset(1800)).toBe("+30m 00s");
    expect(offset(-300)).toBe("-5m 00s");
  });
});
