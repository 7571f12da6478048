import { describe, expect, it } from "vitest";
import type { StampedeError } from "../../core/StampedeError.js";
import { ImportError } from "../import/ImportIssues.js";
import { leiCheckDigits } from "../register/isValidLei.js";
import { readFailoverData, readFailoverFile } from "./readFailoverFile.js";

const LEI = `ZZST00TESTFAILOV01${leiCheckDigits("ZZST00TESTFAILOV01")}`;

function errors(text: string): readonly StampedeError[] {
  try {
    readFailoverFile("f.yaml", text);
  } catch (e) {
    if (e instanceof ImportError) return e.errors;
    throw e;
  }
  throw new Error("expected errors");
}

describe("readFailoverFile", () => {
  it("reads every field and converts durations to seconds", () => {
    const [s] = readFailoverFile(
      "f.yaml",
      `stampede: failover/v1
functions:
  - function: F-PAY
    lei: ${LEI}
    detection: 2m
    decision: 10m
    secondary: { region: aws/eu-west-1 }
    standby: warm
    capacity: { share: 0.5, of: 40 }
    reservation: 5
    dnsTtl: 30s
    rto: 2h
    impactTolerance: 4h
`,
    );
    expect(s).toMatchObject({
      functionId: "F-PAY",
      lei: LEI,
      detectionSeconds: 120,
      decisionSeconds: 600,
      secondaryRegion: "aws/eu-west-1",
      secondaryProvider: "aws",
      standby: "warm",
      instancesToLaunch: 15,
      reservedInstances: 5,
      dnsTtlSeconds: 30,
      rtoSeconds: 7200,
      impactToleranceSeconds: 14400,
      source: { file: "f.yaml", line: 3 },
    });
  });

  it("applies the documented defaults per standby kind", () => {
    const specs = readFailoverFile(
      "f.yaml",
      `stampede: failover/v1
functions:
  - { function: A, lei: ${LEI}, secondary: { region: aws/eu-west-1 } }
  - { function: B, lei: ${LEI}, standby: hot, secondary: { region: gcp/europe-west4, provider: gcp } }
  - { function: C, lei: ${LEI}, standby: none }
`,
    );
    expect(specs.map((s) => [s.standby, s.instancesToLaunch, s.detectionSeconds, s.decisionSeconds])).toEqual(
      [
        ["cold", 10, 300, 900],
        ["hot", 0, 300, 900],
        ["none", 0, 300, 900],
      ],
    );
    expect(specs[1]!.secondaryProvider).toBe("gcp");
    expect(specs[2]!.secondaryRegion).toBeUndefined();
  });

  it("refuses bad values with file:line:col and the field path", () => {
    const errs = errors(`stampede: failover/v1
functions:
  - function: A
    lei: ZZST00TESTFAILOV0100
    secondary: { region: aws/eu-west-1 }
    detection: soon
  - function: A
    lei: ZZST00TESTFAILOV0100
    standby: warm
  - { function: B, lei: ${LEI}, standby: none, reservation: 3 }
`);
    const got = errs.map((e) => [e.code, e.location?.line, e.path]);
    expect(got).toEqual([
      ["E_FAILOVER_BAD_LEI", 4, "functions.0.lei"],
      ["E_FAILOVER_BAD_DURATION", 6, "functions.0.detection"],
      ["E_FAILOVER_NO_SECONDARY", 7, "functions.1"],
      ["E_FAILOVER_DUPLICATE", 7, "functions.1.function"],
      ["E_FAILOVER_BAD_LEI", 8, "functions.1.lei"],
      ["E_FAILOVER_UNUSED", 10, "functions.2.standby"],
    ]);
  });

  it("refuses unknown fields and standby kinds as schema errors", () => {
    const errs = errors(`stampede: failover/v1
functions:
  - { function: A, lei: ${LEI}, standby: lukewarm, secondary: { region: r }, colour: blue }
`);
    expect(errs.map((e) => [e.code, e.location?.line, e.path])).toEqual(
      expect.arrayContaining([["E_FAILOVER_SCHEMA", 3, "functions.0.standby"]]),
    );
    expect(errs.length).toBe(2);
  });

  it("reads the primary region and the secondary regions' control planes; bad control-plane durations are located", () => {
    const d = readFailoverData(
      "f.yaml",
      `stampede: failover/v1
functions:
  - { function: A, lei: ${LEI}, primary: { region: aws/us-east-1 }, secondary: { region: aws/us-west-2 } }
controlPlanes:
  aws/us-west-2: { concurrency: 8, launchTime: 45s, queueLimit: 40, timeout: 5m, capacity: 600 }
`,
    );
    expect(d.functions[0]).toMatchObject({ primaryRegion: "aws/us-east-1", primaryProvider: "aws" });
    expect(d.controlPlanes).toEqual([
      {
        region: "aws/us-west-2",
        concurrency: 8,
        launchTimeSeconds: 45,
        queueLimit: 40,
        timeoutSeconds: 300,
        capacity: 600,
        source: { file: "f.yaml", line: 5, col: 18 },
      },
    ]);
    let errs: readonly StampedeError[] = [];
    try {
      readFailoverData(
        "f.yaml",
        "stampede: failover/v1\nfunctions: []\ncontrolPlanes:\n  r: { launchTime: 0s }\n  s: { capacity: -5 }\n",
      );
    } catch (e) {
      if (e instanceof ImportError) errs = e.errors;
    }
    expect(errs.map((e) => [e.code, e.location?.line, e.path])).toEqual([
      ["E_FAILOVER_SCHEMA", 5, "controlPlanes.s.capacity"],
    ]);
  });
});
