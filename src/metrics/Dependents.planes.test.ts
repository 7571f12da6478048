import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { openFleet } from "../model/testing/openFleet.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";
import { Dependents } from "./Dependents.js";

/** Whether `shop` (relying on `api` through `plane`) is up while api, a `servicePlane` service, is out. */
function upWhileOut(servicePlane: "control" | "data", plane: "control" | "data"): boolean {
  const d = new Dependents(
    ["api"],
    { shop: { illustrative: false, requires: [{ k: 1, of: [{ service: "api", kind: "hard", plane }] }] } },
    [servicePlane],
  );
  const up = new Uint8Array(1);
  d.evaluate(Uint8Array.of(1), up);
  return up[0] === 1;
}

describe("a service's outage is an outage of its plane", () => {
  it("an out control-plane service spares the dependents that rely on its data plane", () => {
    expect(upWhileOut("control", "control")).toBe(false);
    expect(upWhileOut("control", "data")).toBe(true);
  });

  it("an out data-plane service breaks both planes", () => {
    expect(upWhileOut("data", "data")).toBe(false);
    expect(upWhileOut("data", "control")).toBe(false);
  });

  it("through the model: services.<s>.plane and a dependent's plane decide its outage", () => {
    const raw = (servicePlane: "control" | "data"): RawScenario => ({
      name: "planes",
      description: "api fails for two minutes; instances keeps running on what api provisioned",
      start: "2024-01-01T00:00:00Z",
      duration: "5m",
      networks: { n: {} },
      services: {
        api: {
          network: "n",
          servers: 4,
          serviceTime: { type: "constant", value: "10ms" },
          queueLimit: 10,
          plane: servicePlane,
        },
      },
      fleets: { users: openFleet("api", 10) },
      faults: { down: { target: "api", start: "1m", end: "3m", errorRate: 1 } },
      dependents: {
        console: { requires: [{ of: ["api"] }] },
        instances: { requires: [{ of: [{ service: "api", plane: "data" }] }] },
      },
    });
    const control = runScenario(defineScenario(raw("control"))).summary.dependents;
    const data = runScenario(defineScenario(raw("data"))).summary.dependents;
    expect(control["console"]!.outageSeconds).toBeGreaterThanOrEqual(110);
    expect(control["instances"]!.outageSeconds).toBe(0);
    expect(data["console"]!.outageSeconds).toBe(control["console"]!.outageSeconds);
    expect(data["instances"]!.outageSeconds).toBe(data["console"]!.outageSeconds);
  });
});
