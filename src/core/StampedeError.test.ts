import { describe, expect, it } from "vitest";
import { isStampedeError, StampedeError } from "./StampedeError.js";

describe("StampedeError", () => {
  it("formats location, path and message with the parts that are known", () => {
    const full = new StampedeError("E_X", "bad value", {
      path: "fleets.a.retry",
      location: { file: "s.yaml", line: 3, col: 7 },
    });
    expect(full.format()).toBe("s.yaml:3:7  fleets.a.retry  bad value");
    expect(new StampedeError("E_X", "bad value").format()).toBe("bad value");
    expect(full.code).toBe("E_X");
    expect(full.name).toBe("StampedeError");
  });

  it("is recognised across module copies by name and code", () => {
    const foreign = Object.assign(new Error("x"), { name: "StampedeError", code: "E_Y" });
    expect(isStampedeError(foreign)).toBe(true);
    expect(isStampedeError(new StampedeError("E_Z", "z"))).toBe(true);
    expect(isStampedeError(new Error("plain"))).toBe(false);
    expect(isStampedeError("E_Z")).toBe(false);
  });
});
