import { describe, expect, it } from "vitest";
import { isStampedeError, type StampedeError } from "../core/StampedeError.js";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario } from "../scenario/defineScenario.js";
import { loadScenarioText } from "../scenario/loadScenario.js";
import type { RawScenario } from "../scenario/schema/scenarioSchema.js";

/**
 * 20 clients send 1 request/s each (Poisson) to `pool` (4 servers of 20 ms: far from saturation) for 2 minutes, no
 * retries. `stock` completes the service.
 */
function launches(service: Record<string, unknown>, retry?: Record<string, unknown>): RawScenario {
  return {
    name: "stock",
    description: "a capacity pool with a finite stock",
    start: "2024-01-01T00:00:00Z",
    duration: "2m",
    networks: { n: {} },
    services: {
      pool: {
        network: "n",
        servers: 4,
        serviceTime: { type: "constant", value: "20ms" },
        queueLimit: 50,
        ...service,
      },
    },
    fleets: {
      users: {
        network: "n",
        target: "pool",
        clients: 20,
        load: { type: "open", rate: "1/s" },
        timeout: "1s",
        retry: retry ?? { maxAttempts: 1 },
      },
    },
  } as unknown as RawScenario;
}

const run = (service: Record<string, unknown>, retry?: Record<string, unknown>) =>
  runScenario(defineScenario(launches(service, retry)), { seed: 11 }).summary;

describe("services.S.stock: a finite stock that runs out", () => {
  it("successes take the units; once empty every request fails at once (common random numbers: same arrivals)", () => {
    const off = run({});
    const on = run({ stock: { units: 300 } });
    const offPool = off.services["pool"]!;
    const onPool = on.services["pool"]!;
    // The same arrivals with and without the stock (open loop, no retries).
    expect(onPool.requests).toBe(offPool.requests);
    expect(offPool.failures).toBe(0);
    expect(offPool.stockOuts).toBeUndefined();
    expect(offPool.requests).toBeGreaterThan(2000);
    // The count formula: exactly `units` successes, every other request is a stock-out (nothing else fails, and
    // nothing is in flight at the end: after the stock ran out, requests are answered at arrival).
    expect(onPool.successes).toBe(300);
    expect(onPool.stockOuts).toBe(onPool.requests - 300);
    expect(onPool.failures).toBe(onPool.stockOuts);
    expect(on.fleets["users"]!.errors).toBe(onPool.stockOuts);
  });

  it("a stock larger than the demand changes nothing but reports zero stock-outs", () => {
    const off = run({});
    const big = run({ stock: { units: 1_000_000 } });
    expect(big.services["pool"]!.stockOuts).toBe(0);
    expect(big.services["pool"]!.successes).toBe(off.services["pool"]!.successes);
    expect(big.fleets).toEqual(off.fleets);
  });

  it("stock-outs take no server time: retries against an empty stock are answered at once", () => {
    const empty = run({ stock: { units: 0 } }, { maxAttempts: 3, backoff: { type: "none" } });
    const pool = empty.services["pool"]!;
    expect(pool.successes).toBe(0);
    // Each first attempt and its two retries fail: three stock-outs per request, all of them.
    expect(pool.stockOuts).toBe(pool.requests);
    expect(pool.requests).toBe(3 * empty.fleets["users"]!.firstAttempts);
    expect(pool.peakQueue).toBe(0);
  });

  it("is refused with a located error when its units are not a whole number >= 0", () => {
    const errorOf = (stock: unknown): string => {
      const text = JSON.stringify(launches({ stock }), null, 2);
      try {
        loadScenarioText(text, "stock.json");
      } catch (e) {
        if (!isStampedeError(e)) throw e;
        const errors = (e as StampedeError & { errors?: StampedeError[] }).errors;
        return (errors ?? [e]).map((x) => x.format()).join("\n");
      }
      return "loaded";
    };
    expect(errorOf({ units: -1 })).toMatch(/^stock\.json:\d+:\d+ {2}services\.pool\.stock\.units {2}/);
    expect(errorOf({ units: 2.5 })).toMatch(/^stock\.json:\d+:\d+ {2}services\.pool\.stock\.units {2}/);
    expect(errorOf({ count: 2 })).toMatch(/services\.pool\.stock.*count/);
    expect(errorOf({ units: 0 })).toBe("loaded");
  });
});
