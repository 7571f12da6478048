import { describe, expect, it } from "vitest";
import { type DoraCriteria, doraClass, durationDowntimeMet } from "./doraClassification.js";

const unknown: DoraCriteria = {
  criticalServicesAffected: true,
  clients: null,
  reputational: null,
  durationDowntime: true,
  geographical: null,
  dataLosses: null,
  maliciousAccess: null,
  economic: null,
};

const known = {
  clients: false,
  reputational: false,
  geographical: false,
  dataLosses: false,
  maliciousAccess: false,
  economic: false,
};

describe("DORA major-incident classification (Delegated Regulation 2024/1772 Art. 8, 9)", () => {
  it("Art. 9(3): more than 24 h of incident or more than 2 h of critical downtime (strictly longer)", () => {
    expect(durationDowntimeMet(24 * 3600, 2 * 3600)).toBe(false);
    expect(durationDowntimeMet(24 * 3600 + 1, 0)).toBe(true);
    expect(durationDowntimeMet(3 * 3600, 2 * 3600 + 1)).toBe(true);
  });

  it("Art. 8(1): no critical service affected is never major", () => {
    expect(doraClass({ ...unknown, criticalServicesAffected: false })).toBe("not major");
    expect(doraClass({ ...unknown, ...known, maliciousAccess: true, criticalServicesAffected: false })).toBe(
      "not major",
    );
  });

  it("Art. 8(1)(a): the threshold of Art. 9(5)(b) (malicious access) is major on its own", () => {
    expect(doraClass({ ...unknown, ...known, maliciousAccess: true, durationDowntime: false })).toBe("major");
  });

  it("Art. 9(5)(a) data losses is one of the 'other' thresholds of 8(1)(b): it needs a second one", () => {
    expect(doraClass({ ...unknown, ...known, dataLosses: true, durationDowntime: false })).toBe("not major");
    expect(doraClass({ ...unknown, ...known, dataLosses: true })).toBe("major");
  });

  it("Art. 8(1)(b): two or more thresholds of 9(1) to (6) are major whatever the unknowns", () => {
    expect(doraClass({ ...unknown, clients: true })).toBe("major");
    expect(doraClass({ ...unknown, ...known, economic: true })).toBe("major");
  });

  it("undetermined while an unknown criterion could still make it major", () => {
    expect(doraClass(unknown)).toBe("undetermined");
    expect(doraClass({ ...unknown, ...known, economic: null })).toBe("undetermined");
    // Everything known but 9(5)(b): it alone could make the incident major.
    expect(doraClass({ ...unknown, ...known, maliciousAccess: null, durationDowntime: false })).toBe(
      "undetermined",
    );
  });

  it("not major when every criterion is known and fewer than two are met", () => {
    expect(doraClass({ ...unknown, ...known })).toBe("not major");
  });
});
