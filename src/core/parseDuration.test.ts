import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./parseDuration.js";

describe("parseDuration", () => {
  it.each([
    ["250ms", 0.25],
    ["10s", 10],
    ["30m", 1800],
    ["5min", 300],
    ["7h", 25200],
    ["1h30m", 5400],
    ["1h 30m", 5400],
    ["1.5s", 1.5],
    ["2d", 172800],
    ["100us", 1e-4],
    ["42", 42],
    [" 3s ", 3],
    [12.5, 12.5],
    [0, 0],
  ] as const)("parses %j as %d seconds", (input, seconds) => {
    expect(parseDuration(input)).toBeCloseTo(seconds, 12);
  });

  it.each(["", "s", "-1s", "10 parsecs", "1h30", "abc", "1.s", "NaN"])(
    "rejects %j with E_DURATION",
    (input) => {
      expect(() => parseDuration(input)).toThrow(expect.objectContaining({ code: "E_DURATION" }));
    },
  );

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("rejects the number %d with E_DURATION", (input) => {
    expect(() => parseDuration(input)).toThrow(expect.objectContaining({ code: "E_DURATION" }));
  });
});

describe("formatDuration", () => {
  it.each([
    [0.85, "850ms"],
    [42, "42s"],
    [3.456, "3.46s"],
    [303, "5m 03s"],
    [6 * 3600 + 52 * 60, "6h 52m"],
    [-2, "-2s"],
  ] as const)("formats %d as %s", (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });

  it("round-trips through parseDuration for whole minutes and hours", () => {
    expect(parseDuration(formatDuration(303).replace(" ", ""))).toBe(303);
    expect(parseDuration(formatDuration(6 * 3600 + 52 * 60).replace(" ", ""))).toBe(24720);
  });
});
