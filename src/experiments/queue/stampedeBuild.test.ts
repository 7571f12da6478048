import { describe, expect, it } from "vitest";
import { SUMMARY_SCHEMA_VERSION } from "../../metrics/RunResult.js";
import { stampedeVersion } from "../stampedeVersion.js";
import { buildMismatch, stampedeBuild } from "./stampedeBuild.js";

describe("stampedeBuild", () => {
  it("is the package version, a hash of the code and the run summary's schemaVersion", () => {
    const b = stampedeBuild();
    expect(b.version).toBe(stampedeVersion());
    expect(b.schemaVersion).toBe(SUMMARY_SCHEMA_VERSION);
    expect(b.buildId).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("buildMismatch", () => {
  const ours = { version: "0.1.0", buildId: "00112233aabbccdd", schemaVersion: 2 };
  it("accepts only the same version, build id and schemaVersion", () => {
    expect(buildMismatch({ ...ours }, ours)).toBeNull();
    for (const theirs of [
      { ...ours, version: "0.2.0" },
      { ...ours, buildId: "ffffffffffffffff" },
      { ...ours, schemaVersion: 1 },
    ]) {
      const why = buildMismatch(theirs, ours);
      expect(why).toContain(
        `stampede ${theirs.version} (build ${theirs.buildId}, schema ${theirs.schemaVersion})`,
      );
      expect(why).toContain("this worker is 0.1.0 (build 00112233aabbccdd, schema 2)");
    }
  });
});
