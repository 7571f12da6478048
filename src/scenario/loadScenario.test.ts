import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadScenario, loadScenarioText } from "./loadScenario.js";
import type { Scenario } from "./Scenario.js";

const file = fileURLToPath(new URL("./fixtures/minimal.yaml", import.meta.url));
const text = readFileSync(file, "utf8");

/** Every leaf of a JSON value as `path -> value` (paths joined with dots). */
function leaves(v: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof v === "object" && v !== null && Object.keys(v).length > 0) {
    for (const [k, x] of Object.entries(v)) leaves(x, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, v);
  return out;
}

/** The leaf paths whose values differ between two scenarios (`origin` aside). */
function changedPaths(a: Scenario, b: Scenario): string[] {
  const la = leaves({ ...a, origin: null });
  const lb = leaves({ ...b, origin: null });
  const keys = new Set([...la.keys(), ...lb.keys()]);
  return [...keys].filter((k) => JSON.stringify(la.get(k)) !== JSON.stringify(lb.get(k))).sort();
}

describe("loadScenario", () => {
  const s = loadScenario(file);

  it("resolves units: durations to seconds, rates to per second, distributions' times to seconds", () => {
    expect(s.duration).toBe(2 * 3600);
    expect(s.interval).toBe(10);
    expect(s.links["nat"]).toEqual({
      between: ["internal", "main"],
      devices: 2,
      forwardRate: 5000,
      setupRate: 200,
      buffer: 400,
      latency: 0.001,
    });
    expect(s.services["api"]!.serviceTime).toEqual({ type: "exponential", mean: 0.02 });
    expect(s.fleets["clients"]!.load).toEqual({ type: "open", rate: 0.2 });
    expect(s.automation["scale-api"]!.at).toBe(1800);
  });

  it("fills the documented defaults", () => {
    const api = s.services["api"]!;
    expect(api.queue).toEqual({ type: "fifo" });
    expect(api.cancelAbandoned).toBe(false);
    expect(api.dependencies).toEqual({});
    expect(api.plane).toBe("data");
    const f = s.fleets["clients"]!;
    expect(f.trafficClass).toBe("clients");
    expect(f.connection).toEqual({ persistent: true, setupTimeout: 1, reconnect: { type: "none" } });
    expect(s.automation["scale-api"]!.trigger).toBe(true);
    expect(s.faults).toEqual({});
    expect(s.dependents).toEqual({});
    expect(s.monitoring).toBeUndefined();
    expect(s.verdict).toEqual({
      goodputFleets: ["clients"],
      baselineWindow: 600,
      recoveredRatio: 0.9,
      recoveredFor: 300,
      metastableRatio: 0.5,
      metastableAfter: 1800,
      metastableWindow: 60,
      smoothing: 60,
      stableRatio: 0.5,
      outageRatio: 0.5,
    });
    expect(s.origin).toEqual({ file, variant: null, overrides: {}, scale: 1 });
  });

  it("reads the same scenario from JSON", () => {
    const json = JSON.stringify(parseYaml(text), null, 2);
    const fromJson = loadScenarioText(json, "minimal.json");
    expect({ ...fromJson, origin: null }).toEqual({ ...s, origin: null });
    expect(fromJson.origin?.file).toBe("minimal.json");
  });

  it("applies a variant: exactly the fields it overrides change", () => {
    for (const [name, variant] of Object.entries(s.variants)) {
      const v = loadScenario(file, { variant: name });
      const changed = changedPaths(s, v);
      const overridden = Object.keys(variant.set);
      expect(changed.length).toBeGreaterThan(0);
      for (const c of changed) expect(overridden.some((o) => c === o || c.startsWith(`${o}.`))).toBe(true);
      for (const o of overridden) expect(changed.some((c) => c === o || c.startsWith(`${o}.`))).toBe(true);
      expect(v.origin).toEqual({ file, variant: name, overrides: {}, scale: 1 });
    }
    const b = loadScenario(file, { variant: "backoff" });
    expect(b.fleets["clients"]!.retry.backoff).toEqual({
      type: "exponential",
      base: 0.1,
      cap: 60,
      jitter: "full",
    });
  });

  it("applies --set after the variant, in the field's units; null removes an optional field", () => {
    const v = loadScenario(file, {
      variant: "longer-timeout",
      set: {
        "fleets.clients.timeout": "750ms",
        "links.nat.setupRate": "30/m",
        "fleets.clients.connection": "null",
      },
    });
    expect(v.fleets["clients"]!.timeout).toBe(0.75);
    expect(v.links["nat"]!.setupRate).toBe(0.5);
    expect(v.fleets["clients"]!.connection).toBeUndefined();
    expect(
      changedPaths(s, v).every((p) =>
        /^(fleets\.clients\.(timeout|connection)|links\.nat\.setupRate)/.test(p),
      ),
    ).toBe(true);
    expect(v.origin?.overrides).toEqual({
      "fleets.clients.timeout": "750ms",
      "links.nat.setupRate": "30/m",
      "fleets.clients.connection": "null",
    });
  });

  it("removes a section that notes refer to (the notes are checked on the file as written)", () => {
    const v = loadScenario(file, { set: { automation: "null" } });
    expect(v.automation).toEqual({});
    expect(v.notes.facts[0]?.path).toBe("automation.scale-api");
  });

  it("sets a defaulted section that the file leaves out, and a whole policy config", () => {
    const v = loadScenario(file, {
      set: {
        "verdict.recoveredRatio": "0.8",
        "fleets.clients.budget": "{ type: grpc, maxTokens: 10, tokenRatio: 0.1 }",
      },
    });
    expect(v.verdict.recoveredRatio).toBe(0.8);
    expect(v.verdict.metastableRatio).toBe(0.5);
    expect(v.fleets["clients"]!.budget).toEqual({ type: "grpc", maxTokens: 10, tokenRatio: 0.1 });
  });

  it("scales after validation and records it", () => {
    const v = loadScenario(file, { scale: 0.1 });
    expect(v.fleets["clients"]!.clients).toBe(100);
    expect(v.origin?.scale).toBe(0.1);
  });
});
