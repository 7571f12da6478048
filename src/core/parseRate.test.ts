import { describe, expect, it } from "vitest";
import { parseRate } from "./parseRate.js";

describe("parseRate", () => {
  it.each([
    ["1200/s", 1200],
    ["5/ms", 5000],
    ["30/m", 0.5],
    ["30/min", 0.5],
    ["3600/h", 1],
    ["100/10s", 10],
    [" 2.5 / s ", 2.5],
    [7, 7],
    [0, 0],
  ] as const)("parses %j as %d per second", (input, perSecond) => {
    expect(parseRate(input)).toBeCloseTo(perSecond, 12);
  });

  it.each(["", "1200", "/s", "-5/s", "5/parsec", "5/0s", "five/s", "5/s/s"])(
    "rejects %j with E_RATE",
    (input) => {
      expect(() => parseRate(input)).toThrow(expect.objectContaining({ code: "E_RATE" }));
    },
  );

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("rejects the number %d with E_RATE", (input) => {
    expect(() => parseRate(input)).toThrow(expect.objectContaining({ code: "E_RATE" }));
  });
});
