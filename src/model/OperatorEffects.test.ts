import { describe, expect, it } from "vitest";
import { isStampedeError, type StampedeError } from "../core/StampedeError.js";
import { defineScenario } from "../scenario/defineScenario.js";
import { loadScenarioText } from "../scenario/loadScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";
import { CloudModel } from "./CloudModel.js";
import { openFleet } from "./testing/openFleet.js";

/**
 * `lookups` (trafficClass dns) and `api`'s dependency whose key is `dns` both cross `wan`; a reroute at 60 s moves
 * what `traffic` selects off it (`via: []`).
 */
function model(traffic: unknown): CloudModel {
  try {
    return build(traffic);
  } catch (e) {
    const errors = (e as { errors?: StampedeError[] }).errors;
    if (errors) throw new Error(errors.map((x) => x.format()).join("\n"));
    throw e;
  }
}

function build(traffic: unknown): CloudModel {
  const raw = {
    name: "selectors",
    description: "a class and a dependency key share a name",
    start: "2024-01-01T00:00:00Z",
    duration: 120,
    networks: { a: {}, b: {} },
    links: { wan: { between: ["a", "b"], devices: 1, forwardRate: 1000, setupRate: 100, buffer: 100 } },
    services: {
      resolver: { network: "b", servers: 4, serviceTime: { type: "constant", value: "1ms" }, queueLimit: 10 },
      api: {
        network: "a",
        servers: 4,
        serviceTime: { type: "constant", value: "1ms" },
        queueLimit: 10,
        dependencies: { dns: { service: "resolver", timeout: 1 } },
      },
    },
    fleets: {
      lookups: { ...openFleet("resolver", 5, "a"), trafficClass: "dns" },
      users: openFleet("api", 5, "a"),
    },
    operators: {
      diagnosis: { visible: 60, blind: 600 },
      runbook: { move: { after: "detection", do: { type: "reroute", traffic, via: [] } } },
    },
  };
  return new CloudModel(defineScenario(raw as unknown as RawScenario), 1, 120);
}

/** Applies the reroute of `m`'s runbook now and returns [lookups' link, api.dns's link] (-1: no link). */
function reroute(m: CloudModel): [number, number] {
  const step = m.scenario.operators!.runbook["move"]!;
  m.effects.apply(step.do, "operators.runbook.move.do");
  return [m.world.fleets[0]!.link, m.world.services[1]!.deps[0]!.link];
}

describe("reroute selectors", () => {
  it("{ class: dns } moves the fleets of that class only, not a dependency whose key is dns", () => {
    expect(reroute(model({ class: "dns" }))).toEqual([-1, 0]);
  });

  it("{ dependency: api.dns } moves that dependency call only; { fleet } one fleet; a list several", () => {
    expect(reroute(model({ dependency: "api.dns" }))).toEqual([0, -1]);
    expect(reroute(model({ fleet: "lookups" }))).toEqual([-1, 0]);
    expect(reroute(model([{ class: "dns" }, { dependency: "api.dns" }]))).toEqual([-1, -1]);
  });

  it("refuses the old bare name, which matched classes, fleets and dependency keys at once, at its position", () => {
    const text = [
      "name: x",
      "description: x",
      "start: 2024-01-01T00:00:00Z",
      "duration: 1h",
      "networks: { n: {} }",
      "services: { api: { network: n, servers: 1, serviceTime: { type: constant, value: 1ms }, queueLimit: 1 } }",
      "fleets:",
      "  users: { network: n, target: api, clients: 1, load: { type: open, rate: 1/s }, timeout: 1s, retry: { maxAttempts: 1 } }",
      "operators:",
      "  diagnosis: { visible: 1m, blind: 10m }",
      "  runbook:",
      "    move: { after: detection, do: { type: reroute, traffic: dns, via: [] } }",
      "",
    ].join("\n");
    let lines: string[] = [];
    try {
      loadScenarioText(text, "x.yaml");
    } catch (e) {
      if (!isStampedeError(e)) throw e;
      const errors = (e as StampedeError & { errors?: StampedeError[] }).errors;
      lines = errors ? errors.map((x) => x.format()) : [e.format()];
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^x\.yaml:12:\d+ {2}operators\.runbook\.move\.do\.traffic {2}ambiguous traffic selector 'dns'/,
    );
    expect(lines[0]).toMatch(/\{ class: NAME \}/);
  });

  it("reports a dependency selector naming an unknown service or key", () => {
    expect(() => model({ dependency: "api.dsn" })).toThrow(/unknown dependency of 'api' 'dsn'/);
    expect(() => model({ dependency: "apy.dns" })).toThrow(/unknown service 'apy'/);
  });
});
