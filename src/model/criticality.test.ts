import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";

/**
 * Two equal fleets (20 requests/s each) call `front`, which calls `db` (1 server of 40 ms: 25/s) whose queue is
 * `queue`: the db is overloaded and sheds. `batch` has criticality `batchCriticality`, carried by front's calls.
 */
function raw(queue: Record<string, unknown>, batchCriticality: string): RawScenario {
  const fleet = (criticality: string) => ({
    network: "n",
    target: "front",
    clients: 20,
    load: { type: "open" as const, rate: "1/s" },
    timeout: "2s",
    retry: { maxAttempts: 1 },
    criticality,
  });
  return {
    name: "criticality",
    description: "a criticality queue behind a front service",
    start: "2024-01-01T00:00:00Z",
    duration: "3m",
    networks: { n: {} },
    services: {
      front: {
        network: "n",
        servers: 50,
        serviceTime: { type: "constant", value: "1ms" },
        queueLimit: 10,
        dependencies: { db: { service: "db", timeout: "1s" } },
      },
      db: {
        network: "n",
        servers: 1,
        serviceTime: { type: "constant", value: "40ms" },
        queueLimit: 10,
        queue,
      },
    },
    fleets: { shop: fleet("critical"), batch: fleet(batchCriticality) },
  } as unknown as RawScenario;
}

const ratio = (r: ReturnType<typeof runScenario>, f: string) =>
  r.summary.fleets[f]!.successes / r.summary.fleets[f]!.firstAttempts;

describe("fleets' criticality through a criticality queue", () => {
  it("the queue serves critical requests first and sheds the sheddable ones, through a dependency call", () => {
    const r = runScenario(defineScenario(raw({ type: "criticality" }, "sheddable")), { seed: 2 });
    expect(ratio(r, "shop")).toBeGreaterThan(0.9);
    expect(ratio(r, "batch")).toBeLessThan(0.4);
  });

  it("with one criticality it is a FIFO: both fleets fare alike", () => {
    const r = runScenario(defineScenario(raw({ type: "criticality" }, "critical")), { seed: 2 });
    expect(Math.abs(ratio(r, "shop") - ratio(r, "batch"))).toBeLessThan(0.1);
  });

  it("other disciplines ignore criticality", () => {
    const fifo = (c: string) => runScenario(defineScenario(raw({ type: "fifo" }, c)), { seed: 2 }).summary;
    expect(fifo("sheddable").fleets).toEqual(fifo("critical").fleets);
  });
});
