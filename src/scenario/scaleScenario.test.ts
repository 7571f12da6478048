import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenario } from "./loadScenario.js";
import type { Scenario } from "./Scenario.js";
import { scaleScenario } from "./scaleScenario.js";

const base = loadScenario(fileURLToPath(new URL("./fixtures/minimal.yaml", import.meta.url)));

/** Setup work demanded if every client retried once per timeout, over the link's setup capacity. */
function stormFactor(s: Scenario): number {
  const f = s.fleets["clients"]!;
  const l = s.links["nat"]!;
  return f.clients / f.timeout / (l.devices * l.setupRate);
}

describe("scaleScenario", () => {
  it("multiplies populations, per-device rates, buffers, servers and queue limits; keeps delays and devices", () => {
    const s = scaleScenario(base, 0.1);
    expect(s.fleets["clients"]!.clients).toBe(100);
    expect(s.links["nat"]).toMatchObject({ devices: 2, buffer: 40, latency: 0.001 });
    expect(s.links["nat"]!.forwardRate).toBeCloseTo(500, 9);
    expect(s.links["nat"]!.setupRate).toBeCloseTo(20, 9);
    expect(s.services["api"]!.servers).toBe(1); // 0.8 rounds to 1
    expect(s.services["api"]!.queueLimit).toBe(20);
    expect(s.fleets["clients"]!.timeout).toBe(base.fleets["clients"]!.timeout);
    expect(s.fleets["clients"]!.load).toEqual(base.fleets["clients"]!.load);
    expect(stormFactor(s)).toBeCloseTo(stormFactor(base), 9);
  });

  it("keeps counts at least 1, leaves the input unchanged and multiplies the recorded scale", () => {
    const tiny = scaleScenario(base, 1e-6);
    expect(tiny.fleets["clients"]!.clients).toBe(1);
    expect(tiny.links["nat"]!.buffer).toBe(1);
    expect(base.fleets["clients"]!.clients).toBe(1000);
    expect(scaleScenario(scaleScenario(base, 0.5), 0.5).origin?.scale).toBe(0.25);
    expect(scaleScenario(base, 1)).toEqual(base);
  });

  it("scales minServers like the servers, so a removal that breaches the floor still breaches it; caps cells", () => {
    const s = structuredClone(base);
    const api = s.services["api"]!;
    Object.assign(api, { servers: 40, minServers: 30, cells: 10 });
    for (const f of [0.25, 0.1]) {
      const out = scaleScenario(s, f).services["api"]!;
      expect(out.minServers).toBe(Math.max(1, Math.round(30 * f)));
      expect(out.cells).toBe(Math.min(10, out.servers));
      expect(out.servers - Math.max(1, Math.round(20 * f))).toBeLessThan(out.minServers!);
    }
  });

  it("scales healthCheck.concurrent given as hosts, not as a share; keeps its durations", () => {
    const s = structuredClone(base);
    const hc = { failAfter: 3600, replace: 600, minHealthy: 0.5 };
    s.services["api"]!.healthCheck = { ...hc, concurrent: 20 };
    expect(scaleScenario(s, 0.1).services["api"]!.healthCheck).toEqual({ ...hc, concurrent: 2 });
    expect(scaleScenario(s, 0.01).services["api"]!.healthCheck!.concurrent).toBe(1);
    s.services["api"]!.healthCheck = { ...hc, concurrent: { share: 0.1 } };
    expect(scaleScenario(s, 0.1).services["api"]!.healthCheck).toEqual({ ...hc, concurrent: { share: 0.1 } });
  });

  it("rejects a factor that is not a positive number", () => {
    for (const f of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => scaleScenario(base, f)).toThrow("the scale factor must be a number > 0");
  });
});
