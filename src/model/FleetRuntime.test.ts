import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import type { RunResult } from "../metrics/RunResult.js";
import { defineScenario } from "../scenario/defineScenario.js";
import { loadScenarioText } from "../scenario/loadScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";
import { CloudModel } from "./CloudModel.js";

const REPRO = new URL("../../test/fixtures/repro/", import.meta.url);

function col(r: RunResult, name: string): number[] {
  const c = r.series.columns[name];
  if (c === undefined) throw new Error(`no column ${name}`);
  return c.map((x) => x ?? Number.NaN);
}

/** Persistent-connection clients in network a behind a NAT group to a service in b. */
function natScenario(patch: (r: RawScenario) => void = () => {}): RawScenario {
  const r: RawScenario = {
    name: "nat",
    description: "clients behind a NAT device group",
    start: "2024-01-01T00:00:00Z",
    duration: "4m",
    interval: "10s",
    networks: { a: {}, b: {} },
    links: {
      nat: {
        between: ["a", "b"],
        devices: 4,
        forwardRate: "1000/s",
        setupRate: "20/s",
        buffer: 1000,
        latency: "1ms",
      },
      direct: { between: ["a", "b"], devices: 2, forwardRate: "1000/s", setupRate: "1000/s", buffer: 1000 },
    },
    services: {
      svc: { network: "b", servers: 50, serviceTime: { type: "exponential", mean: "5ms" }, queueLimit: 1000 },
    },
    fleets: {
      users: {
        network: "a",
        target: "svc",
        clients: 400,
        via: ["nat"],
        load: { type: "open", rate: "0.5/s" },
        timeout: 2,
        retry: { maxAttempts: 1 },
        connection: { persistent: true, setupTimeout: 2, reconnect: { type: "none" } },
      },
    },
  };
  patch(r);
  return r;
}

describe("FleetRuntime connections", () => {
  it("a reroute onto no link while clients are connecting neither crashes nor leaves clients half-connected", () => {
    const scenario = defineScenario(
      natScenario((r) => {
        r.automation = { flap: { at: 60, action: { type: "change-endpoints", service: "svc" } } };
      }),
    );
    const model = new CloudModel(scenario, 1, 240);
    // 400 clients reconnect through 80 setups/s: at 61 s most are still connecting when their traffic moves
    model.sim.schedule(61, () =>
      model.effects.apply({ type: "reroute", traffic: { fleet: "users" }, via: [] }, "test.reroute"),
    );
    expect(() => model.run(240)).not.toThrow();
    const f = model.world.fleets[0]!;
    expect(f.link).toBe(-1);
    expect(f.disconnected()).toBe(0);
    expect(f.site.counters.total("successes")).toBeGreaterThan(400 * 0.5 * 200);
  });

  it("a reroute onto another device group sets every client's connection up again there", () => {
    const scenario = defineScenario(natScenario());
    const model = new CloudModel(scenario, 1, 240);
    model.sim.schedule(60, () =>
      model.effects.apply({ type: "reroute", traffic: { fleet: "users" }, via: ["direct"] }, "test.reroute"),
    );
    model.run(240);
    const direct = model.world.links[model.world.linkIndexOf("direct")]!;
    expect(direct.counts.total("setups")).toBe(400);
    expect(model.world.fleets[0]!.disconnected()).toBe(0);
  });

  it("removing link devices tears down the connections pinned to them (the reproduction remove.yaml)", () => {
    const text = readFileSync(new URL("remove.yaml", REPRO), "utf8");
    const yaml = text.replace("connection: { setupTimeout", "connection: { persistent: true, setupTimeout");
    const r = runScenario(loadScenarioText(yaml, "remove.yaml"), { seed: 1 });
    const setups = col(r, "link.nat.setups");
    // the removal at 2m shows in row 11 (ending at 2m) or 12 (starting at 2m), depending on the order at equal times
    const i = 11;
    let before = 0;
    for (let k = 0; k < i; k++) before += setups[k]!;
    let after = 0;
    for (let k = i; k < setups.length; k++) after += setups[k]! * 10;
    expect(before).toBe(0);
    // half of the 400 connections were on the two removed devices: about 200 set up again (binomial, 4 sd = 40)
    expect(after).toBeGreaterThan(160);
    expect(after).toBeLessThan(240);
    expect(r.summary.links.nat!.devices).toBe(2);
  });

  it("work buffered on a removed device is lost, and a re-added device starts clean", () => {
    const scenario = defineScenario(
      natScenario((r) => {
        r.links!.nat!.forwardRate = "10/s"; // 200 requests/s offered to 40/s: the buffers fill
        r.fleets.users!.connection = undefined;
        r.fleets.users!.timeout = 60;
      }),
    );
    const model = new CloudModel(scenario, 1, 240);
    const w = model.world;
    const nat = w.links[0]!;
    let arrivedBefore = 0;
    model.sim.schedule(60, () => {
      arrivedBefore = w.services[0]!.requests + w.services[0]!.totals.requests;
      w.removeLinkDevices(0, 3);
      nat.addDevices(3);
    });
    model.run(240);
    const util = model.recorder.get("link.nat.utilisation")!;
    for (let i = 7; i < model.recorder.length; i++) expect(util[i]!).toBeLessThanOrEqual(1 + 1e-9);
    expect(arrivedBefore).toBeGreaterThan(0);
  });
});

describe("FleetRuntime operator order", () => {
  it("blocking a share blocks random clients by rank, not the ones a partial endpoint change tore down", () => {
    const scenario = defineScenario(natScenario());
    const model = new CloudModel(scenario, 1, 240);
    const f = model.world.fleets[0]!;
    const ranks = Array.from(f.rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(Array.from({ length: 400 }, (_, i) => i));
    // the blocked half (rank < 200) is spread over the indexes: about 100 in each half of [0, 400)
    const lowIndexBlocked = ranks.slice(0, 200).filter((rk) => rk < 200).length;
    expect(lowIndexBlocked).toBeGreaterThan(100 - 4 * Math.sqrt(50));
    expect(lowIndexBlocked).toBeLessThan(100 + 4 * Math.sqrt(50));
  });
});
