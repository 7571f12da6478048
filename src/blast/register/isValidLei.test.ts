import { describe, expect, it } from "vitest";
import { isValidLei, leiCheckDigits } from "./isValidLei.js";

describe("isValidLei", () => {
  it("accepts well-formed LEIs (GLEIF's own first) and rejects one changed character or a swap", () => {
    // 506700GE1G29325QX363 is the LEI of GLEIF (the Global Legal Entity Identifier Foundation) itself.
    for (const lei of ["506700GE1G29325QX363", "549300NYKK9MWM7GGW15"]) expect(isValidLei(lei)).toBe(true);
    expect(isValidLei("506700GE1G29325QX364")).toBe(false);
    expect(isValidLei("506700GE1G29325XQ363")).toBe(false);
  });

  it("needs exactly 20 upper-case letters or digits, the last two digits", () => {
    expect(isValidLei("506700ge1g29325qx363")).toBe(false);
    expect(isValidLei("506700GE1G29325QX36")).toBe(false);
    expect(isValidLei("506700GE1G29325QX3633")).toBe(false);
    expect(isValidLei("506700GE1G29325QX3A3")).toBe(false);
    expect(isValidLei("NLNHR.12345678")).toBe(false); // an EUID is not an LEI
    expect(isValidLei("")).toBe(false);
  });

  it("leiCheckDigits completes any prefix into a valid LEI, and only its digits make it valid", () => {
    for (const prefix of ["ZZST00AGEQ4OLNI7CP", "5493001KJTIIGC8Y1R", "000000000000000000"]) {
      const digits = leiCheckDigits(prefix);
      expect(isValidLei(prefix + digits)).toBe(true);
      const other = String((Number(digits) + 1) % 100).padStart(2, "0");
      expect(isValidLei(prefix + other)).toBe(false);
    }
  });
});
