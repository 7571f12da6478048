import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";
import { clockSeconds } from "./clockSeconds.js";

describe("clockSeconds", () => {
  it("reads a clock time on the start's own clock, first occurrence at or after the start", () => {
    const start = "2025-10-19T23:48:00-07:00";
    expect(clockSeconds(start, "23:48")).toBe(0);
    expect(clockSeconds(start, "00:26")).toBe(38 * 60);
    expect(clockSeconds(start, "10:37:30")).toBe((10 * 60 + 49) * 60 + 30);
    expect(clockSeconds(start, "23:47")).toBe(86400 - 60);
    expect(clockSeconds(start, 3 * 3600)).toBe(10800);
  });
});

/** A small open-loop fleet; operators block it at a fixed time. */
function scenario(step: Record<string, unknown>): RawScenario {
  return {
    name: "clock",
    description: "an operator step at a clock time",
    start: "2024-01-01T23:58:00-07:00",
    duration: "6m",
    interval: "10s",
    networks: { a: {} },
    services: {
      svc: { network: "a", servers: 10, serviceTime: { type: "constant", value: "10ms" }, queueLimit: 100 },
    },
    fleets: {
      users: {
        network: "a",
        target: "svc",
        clients: 10,
        load: { type: "open", rate: "1/s" },
        timeout: 1,
        retry: { maxAttempts: 1 },
      },
    },
    operators: {
      diagnosis: { visible: "1m", blind: "1m" },
      runbook: { stop: { ...step, do: { type: "block", fleet: "users", fraction: 1 } } },
    },
  } as RawScenario;
}

describe("operator steps at clock times (at)", () => {
  it("a step at 00:01 on a 23:58 start acts at 180 s, exactly as at: 3m (the fleet's blocked gauge steps there)", () => {
    const clock = runScenario(defineScenario(scenario({ at: "00:01" })), { seed: 3 });
    const rel = runScenario(defineScenario(scenario({ at: "3m" })), { seed: 3 });
    expect(clock.series.columns).toEqual(rel.series.columns);
    const blocked = clock.series.columns["fleet.users.blocked"]!;
    // rows are 10 s: rows 0-17 end before 180 s, row 18 starts there; 10 of 10 clients blocked from then on
    expect(blocked.slice(0, 18).every((x) => x === 0)).toBe(true);
    expect(blocked.slice(18).every((x) => x === 10)).toBe(true);
  });

  it("refuses a step with both or neither of after and at, naming it", () => {
    const paths = (step: Record<string, unknown>): string[] => {
      try {
        defineScenario(scenario(step));
        return [];
      } catch (e) {
        return ((e as { errors?: { path?: string; message: string }[] }).errors ?? []).map(
          (x) => `${x.path}: ${x.message}`,
        );
      }
    };
    expect(paths({ at: "00:01", after: "detection" })).toEqual([
      expect.stringMatching(/^operators\.runbook\.stop.*exactly one of after or at/),
    ]);
    expect(paths({})).toEqual([
      expect.stringMatching(/^operators\.runbook\.stop.*exactly one of after or at/),
    ]);
    expect(paths({ at: "25:00" })).toEqual([
      expect.stringMatching(/^operators\.runbook\.stop\.at.*clock time/),
    ]);
  });
});
