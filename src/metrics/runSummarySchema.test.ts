import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runSummarySchema } from "./runSummarySchema.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("the RunSummary contract", () => {
  it("`stampede run --format json` prints exactly the documented summary", () => {
    const out = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli/main.ts",
        "run",
        "aws-us-east-1-2021-12-07",
        "--scale",
        "0.05",
        "--until",
        "2h",
        "--format",
        "json",
        "--quiet",
      ],
      { cwd: root, encoding: "utf8" },
    );
    const summary = runSummarySchema.parse(JSON.parse(out));
    expect(summary.scenario).toBe("aws-us-east-1-2021-12-07");
    expect(summary.scale).toBe(0.05);
    expect(summary.simulatedSeconds).toBe(7200);
    expect(Object.keys(summary.fleets)).toContain("internal-clients");
    expect(summary.verdict.triggerStart).toBe(1800);
  });

  it("rejects a summary with a renamed field", () => {
    const bad = { schemaVersion: 1, scenario: "x", variant: null, overrides: {}, scale: 1, seed: 1 };
    expect(runSummarySchema.safeParse(bad).success).toBe(false);
  });
});
