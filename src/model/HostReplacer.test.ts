import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";
import { CloudModel } from "./CloudModel.js";
import { openFleet } from "./testing/openFleet.js";

type HealthCheck = NonNullable<RawScenario["services"][string]["healthCheck"]>;

/**
 * `api` (10 servers) calls `auth` (hard); `users` call `api` and `probes` call `auth` directly. A fault makes every
 * `auth` request fail from 600 s to 3000 s, so `api` is out from the first interval after 600 s (its tick at 610 s).
 */
function raw(healthCheck?: HealthCheck): RawScenario {
  return {
    name: "host-replacement",
    description: "a service whose hosts are replaced after its dependency failed",
    start: "2024-01-01T00:00:00Z",
    duration: "2h",
    interval: "10s",
    networks: { n: {} },
    services: {
      auth: { network: "n", servers: 4, serviceTime: { type: "constant", value: "1ms" }, queueLimit: 50 },
      api: {
        network: "n",
        servers: 10,
        serviceTime: { type: "constant", value: "10ms" },
        queueLimit: 50,
        dependencies: { auth: { service: "auth", timeout: 1 } },
        ...(healthCheck ? { healthCheck } : {}),
      },
    },
    fleets: {
      users: openFleet("api", 20),
      probes: openFleet("auth", 10),
    },
    faults: { "auth-fails": { target: "auth", start: 600, end: 3000, errorRate: 1 } },
  } satisfies RawScenario;
}

function model(healthCheck?: HealthCheck): CloudModel {
  return new CloudModel(defineScenario(raw(healthCheck)), 1, 7200);
}

/** Runs to `t` seconds and returns api's servers in service. */
function serversAt(m: CloudModel, t: number): number {
  m.sim.run({ until: t });
  return m.world.services[1]!.servers;
}

describe("HostReplacer", () => {
  it("takes the hosts out after failAfter of outage and replaces them only once the dependency answers", () => {
    const m = model({ failAfter: "10m", replace: "5m", concurrent: 2 });
    // out from the tick at 610 s; 600 s of outage are counted at the tick at 1200 s, and the hosts go
    expect(serversAt(m, 1195)).toBe(10);
    expect(serversAt(m, 1215)).toBe(0);
    expect(m.replacer!.hostsOut(1)).toBe(10);
    // 1800 s pass with no replacement: auth still fails
    expect(serversAt(m, 3005)).toBe(0);
    // auth answers from the tick at 3010 s; two replacements at a time, 300 s each
    expect(serversAt(m, 3305)).toBe(0);
    expect(serversAt(m, 3315)).toBe(2);
    expect(serversAt(m, 3605)).toBe(2);
    expect(serversAt(m, 3615)).toBe(4);
    expect(serversAt(m, 4505)).toBe(8);
    expect(serversAt(m, 4515)).toBe(10);
    expect(m.replacer!.hostsOut(1)).toBe(0);
    // the round is over and api is healthy: no second round
    expect(serversAt(m, 7200)).toBe(10);
  });

  it("minHealthy holds replaced hosts back until that share is ready; a percentage sets the concurrency", () => {
    const held = model({ failAfter: "10m", replace: "5m", concurrent: 2, minHealthy: 0.5 });
    expect(serversAt(held, 3315)).toBe(0);
    expect(serversAt(held, 3905)).toBe(0);
    expect(serversAt(held, 3915)).toBe(6);
    expect(serversAt(held, 4215)).toBe(8);
    expect(serversAt(held, 4515)).toBe(10);
    const share = model({ failAfter: "10m", replace: "5m", concurrent: "50%" });
    expect(serversAt(share, 3315)).toBe(5);
    expect(serversAt(share, 3615)).toBe(10);
  });

  it("the hosts out show in hostsOut and api's outage window, which lasts until the first hosts are back, never in capacity.missing", () => {
    const r = runScenario(
      defineScenario(raw({ failAfter: "10m", replace: "5m", concurrent: 2, minHealthy: 0.5 })),
      { seed: 1 },
    );
    const col = (name: string, t: number) => r.series.columns[name]![Math.floor(t / r.series.interval)]!;
    expect(col("capacity.missing", 500)).toBe(0);
    // the trigger (the fault on auth, errorRate 1) holds all of auth's capacity away while it is on
    expect(col("capacity.missing", 1000)).toBe(1);
    // after it ends, every api host is out for replacement: the outage's own doing, which capacity.missing (what
    // the trigger took away) never counts
    expect(col("service.api.hostsOut", 3100)).toBe(10);
    expect(col("service.api.hostsOut", 4000)).toBe(4);
    for (const t of [3100, 4000, 5000]) expect(col("capacity.missing", t)).toBe(0);
    const windows = r.summary.services["api"]!.outageWindows;
    expect(windows).toHaveLength(1);
    // out while auth fails and then until the first six hosts are back (3910 s), not beyond the next interval
    expect(windows[0]!.start).toBeGreaterThanOrEqual(600);
    expect(windows[0]!.start).toBeLessThanOrEqual(620);
    expect(windows[0]!.end).toBeGreaterThanOrEqual(3910);
    expect(windows[0]!.end).toBeLessThanOrEqual(3930);
    // auth's own outage ends with its fault
    const auth = r.summary.services["auth"]!.outageWindows;
    expect(auth.at(-1)!.end).toBeLessThanOrEqual(3020);
  });

  it("off by default: an option that never triggers gives the same summary as none", () => {
    const summary = (healthCheck?: HealthCheck) => {
      // the scenario hash differs by construction (the scenarios differ); the model's output must not
      const { timing, scenarioHash, ...rest } = runScenario(defineScenario(raw(healthCheck)), {
        seed: 3,
      }).summary;
      expect(timing.wallSeconds).toBeGreaterThanOrEqual(0);
      expect(scenarioHash).toMatch(/^[0-9a-f]{64}$/);
      return JSON.stringify(rest);
    };
    const without = summary();
    expect(summary({ failAfter: "3h", replace: "5m" })).toBe(without);
    // and an option that triggers changes it
    expect(summary({ failAfter: "10m", replace: "5m" })).not.toBe(without);
  });
});
