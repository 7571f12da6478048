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

describe("register enumeration codes", () => {
  it("decodes a code alone: reliance, yes/no, assessment not performed, substitutability", async () => {
    const { isNotAssessed, parseYesNo, substitutabilityOf, parseAmount, displayName } = await import(
      "./parseRegisterValues.js"
    );
    expect(["eba_ZZ:x794", "eba_ZZ:x795", "eba_ZZ:x796", "eba_ZZ:x797"].map(relianceKind)).toEqual([
      "soft",
      "soft",
      "hard",
      "hard",
    ]);
    // words besides a code are read as words (older exports write "eba_ZZ:x794 full reliance")
    expect(relianceKind("eba_ZZ:x794 full reliance")).toBe("hard");
    expect([parseYesNo("eba_BT:x28"), parseYesNo("eba_BT:x29"), parseYesNo("eba_BT:x21")]).toEqual([
      true,
      false,
      undefined,
    ]);
    expect(isNotAssessed("eba_BT:x21")).toBe(true);
    expect(isNotAssessed("eba_BT:x29")).toBe(false);
    expect(["eba_ZZ:x959", "eba_ZZ:x960", "eba_ZZ:x961", "eba_ZZ:x962"].map(substitutabilityOf)).toEqual([
      "none",
      "difficult",
      "medium",
      "easy",
    ]);
    // a code is never an amount, and never a name
    expect(parseAmount("eba_CT:x212")).toBeNaN();
    expect(parseAmount("7016982")).toBe(7016982);
    expect(displayName("ZZST00AGEQ4OLNI7CP47", "0", "eba_CT:x212", "")).toBe("ZZST00AGEQ4OLNI7CP47");
    expect(displayName("X", "", "Amazon Web Services EMEA SARL")).toBe("Amazon Web Services EMEA SARL");
  });
});
