import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { scenarioHash } from "../experiments/scenarioHash.js";
import { loadScenario } from "../scenario/index.js";
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
    // schema 2: the version, the engine, the hash of the resolved scenario (the same in this process as in the CLI's)
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect(summary.schemaVersion).toBe(6);
    expect(summary.steps).toBeNull();
    expect(summary.stepSeconds).toBeNull();
    expect(summary.stampedeVersion).toBe(pkg.version);
    expect(summary.engine).toBe("event");
    expect(summary.scenarioHash).toBe(
      scenarioHash(loadScenario("aws-us-east-1-2021-12-07", { scale: 0.05 })),
    );
    expect(summary.triggers).toEqual([
      { name: "scale-main-service", kind: "automation", start: 1800, end: 1800 },
    ]);
    for (const f of Object.values(summary.fleets)) expect(f.refused).toBeGreaterThanOrEqual(0);
    expect(summary.verdict.metastable).toBe(true);
    expect(summary.verdict.goodputNoiseFloor).toBeGreaterThan(0);
    expect(typeof summary.verdict.stable).toBe("boolean");
  });

  it("accepts a fluid summary (schema 3: engine fluid, events null, steps, stepSeconds, fractional counts)", () => {
    const s = loadScenario("reconnect-herd", { scale: 0.1 });
    const summary = runSummarySchema.parse(runScenario(s, { engine: "fluid", until: 900 }).summary);
    expect(summary.engine).toBe("fluid");
    expect(summary.events).toBeNull();
    expect(summary.steps).toBe(4500);
    expect(summary.stepSeconds).toBeCloseTo(0.2, 12);
    expect(summary.timing.eventsPerSecond).toBeNull();
    expect(Number.isInteger(summary.fleets["devices"]!.attempts)).toBe(false);
  });

  it("accepts an undetermined verdict (metastable null) and rejects a schema-1 summary", () => {
    const shape = runSummarySchema.shape;
    expect(shape.verdict.shape.metastable.safeParse(null).success).toBe(true);
    expect(shape.schemaVersion.safeParse(1).success).toBe(false);
    expect(shape.fleets.safeParse({ a: { clients: 1 } }).success).toBe(false);
    expect(shape.scenarioHash.safeParse("abc").success).toBe(false);
  });

  it("accepts a service's stockOuts (a finite stock), a count", () => {
    const s = loadScenario("retry-storm", {
      scale: 0.05,
      set: { "services.db-primary.stock": "{ units: 50 }" },
    });
    const summary = runSummarySchema.parse(runScenario(s, { until: 120 }).summary);
    expect(summary.services["db-primary"]!.stockOuts).toBeGreaterThan(0);
    const services = runSummarySchema.shape.services;
    expect(services.safeParse({ a: { ...summary.services["db-primary"]!, stockOuts: -1 } }).success).toBe(
      false,
    );
  });

  it("rejects a summary with a renamed field", () => {
    const bad = { schemaVersion: 1, scenario: "x", variant: null, overrides: {}, scale: 1, seed: 1 };
    expect(runSummarySchema.safeParse(bad).success).toBe(false);
  });
});
