import { describe, expect, it } from "vitest";
import { ImportIssues } from "../import/ImportIssues.js";
import { leiCheckDigits } from "../register/isValidLei.js";
import { failoverFromAnnotations } from "./failoverFromAnnotations.js";
import type { LocateField } from "./toFailoverSpec.js";

const LEI = `ZZST00TESTFAILOV01${leiCheckDigits("ZZST00TESTFAILOV01")}`;
const at: LocateField = (path) => ({ file: "catalog.yaml", line: 7, col: 3, path: path.join(".") });

describe("failoverFromAnnotations", () => {
  it("reads the same fields as the side file", () => {
    const issues = new ImportIssues();
    const s = failoverFromAnnotations(
      "payments",
      {
        lei: LEI,
        "failover-region": "aws/eu-west-1",
        "failover-standby": "pilot-light",
        "failover-capacity": "50%",
        "failover-footprint": "20",
        "failover-detection": "1m",
        rto: "2",
      },
      at,
      issues,
    );
    expect(issues.count).toBe(0);
    expect(s).toMatchObject({
      functionId: "payments",
      standby: "pilot-light",
      instancesToLaunch: 10,
      detectionSeconds: 60,
      rtoSeconds: 7200,
      secondaryProvider: "aws",
    });
  });

  it("returns undefined without failover annotations", () => {
    expect(failoverFromAnnotations("x", { rto: "4h" }, at, new ImportIssues())).toBeUndefined();
  });

  it("locates a bad value at its annotation", () => {
    const issues = new ImportIssues();
    failoverFromAnnotations(
      "payments",
      { lei: LEI, "failover-region": "aws/eu-west-1", "failover-dns-ttl": "whenever" },
      at,
      issues,
    );
    expect(issues.errors.map((e) => [e.code, e.path])).toEqual([
      ["E_FAILOVER_BAD_DURATION", "stampede.dev/failover-dns-ttl"],
    ]);
  });
});
