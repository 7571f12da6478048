import { describe, expect, it } from "vitest";
import { colorEnabled } from "./colorEnabled.js";

describe("colorEnabled", () => {
  it("colours a terminal only, and never with NO_COLOR", () => {
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorEnabled({}, {})).toBe(false);
    expect(colorEnabled({ isTTY: false }, { CI: "true" })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: "" })).toBe(true);
    expect(colorEnabled({ isTTY: true }, { TERM: "dumb" })).toBe(false);
  });

  it("FORCE_COLOR colours a pipe, unless NO_COLOR", () => {
    expect(colorEnabled({}, { FORCE_COLOR: "1" })).toBe(true);
    expect(colorEnabled({}, { FORCE_COLOR: "0" })).toBe(false);
    expect(colorEnabled({}, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(false);
  });
});
