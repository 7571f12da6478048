import { describe, expect, it } from "vitest";
import { relianceKind } from "./parseRegisterValues.js";

describe("relianceKind", () => {
  it("reads low and not-significant reliance as soft, in any case and punctuation", () => {
    for (const v of [
      "Low reliance",
      "low",
      " LOW ",
      "Low-reliance",
      "Not significant",
      "not  significant",
      "none",
    ])
      expect(relianceKind(v), v).toBe("soft");
  });

  it("matches whole words: 'allow', 'below', 'yellow' or 'slowly' are not 'low'", () => {
    for (const v of [
      "allow",
      "Below threshold",
      "yellow",
      "slowly replaced",
      "Material reliance",
      "Full reliance",
      "",
    ])
      expect(relianceKind(v), v).toBe("hard");
  });

  it("does not read 'significant' alone or 'none of' phrases as soft", () => {
    expect(relianceKind("significant")).toBe("hard");
    expect(relianceKind("none of the above")).toBe("hard");
  });
});
