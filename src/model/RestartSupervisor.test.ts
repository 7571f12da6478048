import { describe, expect, it } from "vitest";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";
import { CloudModel } from "./CloudModel.js";
import { openFleet } from "./testing/openFleet.js";

/** Two services, `b` calling `a` (hard), called by `users` and `readers`, each with a floor of 6 of 8 servers; restarts of 100 s + 1 s x items. */
function scenario(o: { removeA: number; removeB: number; cells?: number; wait?: boolean }) {
  const svc = (items: number) => ({
    network: "n",
    servers: 8,
    serviceTime: { type: "constant" as const, value: "10ms" },
    queueLimit: 10,
    minServers: 6,
    restart: { base: 100, perItem: 1, items, ...(o.wait === false ? { waitForDependencies: false } : {}) },
  });
  const raw = {
    name: "supervised",
    description: "two services with a floor",
    start: "2024-01-01T00:00:00Z",
    duration: "2h",
    networks: { n: {} },
    services: {
      a: { ...svc(400), ...(o.cells ? { cells: o.cells } : {}) },
      b: { ...svc(200), dependencies: { a: { service: "a", timeout: 1 } } },
    },
    fleets: {
      users: openFleet("b", 20),
      readers: openFleet("a", 20),
    },
    automation: {
      cut: { at: 600, action: { type: "remove-capacity", service: "a", servers: o.removeA } },
      ...(o.removeB > 0
        ? { cutB: { at: 600, action: { type: "remove-capacity", service: "b", servers: o.removeB } } }
        : {}),
    },
  } satisfies RawScenario;
  return new CloudModel(defineScenario(raw), 1, 7200);
}

/** Runs to `t` seconds and returns [a's down share, b's down share, a's servers]. */
function at(m: CloudModel, t: number): [number, number, number] {
  m.sim.run({ until: t });
  const s = m.supervisor!;
  return [s.downShare(0), s.downShare(1), m.world.services[0]!.servers];
}

describe("RestartSupervisor", () => {
  it("a removal below the floor takes the service down until a restart of base + perItem x items", () => {
    const m = scenario({ removeA: 3, removeB: 0 });
    expect(at(m, 599)).toEqual([0, 0, 8]);
    expect(at(m, 601)).toEqual([1, 0, 0]);
    // a restarts at the first interval (600) and is back at 600 + 100 + 400, with all its servers
    expect(at(m, 1095)[0]).toBe(1);
    expect(at(m, 1105)).toEqual([0, 0, 8]);
  });

  it("a removal above the floor only removes servers", () => {
    const m = scenario({ removeA: 2, removeB: 0 });
    expect(at(m, 601)).toEqual([0, 0, 6]);
    expect(at(m, 3000)).toEqual([0, 0, 6]);
  });

  it("a restart waits for the service's hard dependencies to be up, unless told not to", () => {
    const m = scenario({ removeA: 3, removeB: 3 });
    expect(at(m, 1095)[1]).toBe(1);
    // b starts when a is up (1100) and needs 100 + 200 s
    expect(at(m, 1395)[1]).toBe(1);
    expect(at(m, 1405)[1]).toBe(0);
    const eager = scenario({ removeA: 3, removeB: 3, wait: false });
    expect(at(eager, 905)[1]).toBe(0);
    expect(at(eager, 905)[0]).toBe(1);
  });

  it("with cells a removal hits one cell, whose restart handles items / cells; requests of other cells are served", () => {
    const m = scenario({ removeA: 8, removeB: 3, cells: 4 });
    expect(at(m, 601)).toEqual([0.25, 1, 6]);
    const c = m.world.fleets[1]!.site.counters;
    const t0 = { ...c.totals };
    m.sim.run({ until: 690 });
    const t1 = c.totals;
    const errors = t1.errors - t0.errors;
    const ended = errors + t1.successes - t0.successes + t1.timeouts - t0.timeouts;
    expect(ended).toBeGreaterThan(1000);
    // a quarter of the keys are in the lost cell: a binomial share, checked within 4 standard deviations
    const sd = Math.sqrt((0.25 * 0.75) / ended);
    expect(Math.abs(errors / ended - 0.25)).toBeLessThan(4 * sd);
    // a's cell is back after 100 + 400 / 4 s; b did not wait for it (a is up while one of its cells is)
    expect(at(m, 795)[0]).toBe(0.25);
    expect(at(m, 805)[0]).toBe(0);
    expect(at(m, 895)[1]).toBe(1);
    expect(at(m, 905)).toEqual([0, 0, 8]);
  });
});
