import { describe, expect, it } from "vitest";
import { type DoraCriteria, doraClass, durationDowntimeMet } from "./doraClassification.js";

const unknown: DoraCriteria = {
  criticalServicesAffected: true,
  clients: null,
  reputational: null,
  durationDowntime: true,
  geographical: null,
  dataLosses: null,
  economic: null,
};

describe("DORA major-incident classification (Delegated Regulation 2024/1772 Art. 8, 9)", () => {
  it("Art. 9(3): more than 24 h of incident or more than 2 h of critical downtime (strictly longer)", () => {
    expect(durationDowntimeMet(24 * 3600, 2 * 3600)).toBe(false);
    expect(durationDowntimeMet(24 * 3600 + 1, 0)).toBe(true);
    expect(durationDowntimeMet(3 * 3600, 2 * 3600 + 1)).toBe(true);
  });

  it("Art. 8(1): critical services affected and data losses, or two other thresholds", () => {
    expect(doraClass({ ...unknown, criticalServicesAffected: false })).toBe("not major");
    expect(doraClass({ ...unknown, dataLosses: true, durationDowntime: false })).toBe("major");
    expect(doraClass({ ...unknown, clients: true })).toBe("major");
    expect(doraClass(unknown)).toBe("undetermined");
    const known = {
      clients: false,
      reputational: false,
      geographical: false,
      dataLosses: false,
      economic: false,
    };
    expect(doraClass({ ...unknown, ...known })).toBe("not major");
    expect(doraClass({ ...unknown, ...known, economic: true })).toBe("major");
    expect(doraClass({ ...unknown, ...known, economic: null })).toBe("undetermined");
  });
});
