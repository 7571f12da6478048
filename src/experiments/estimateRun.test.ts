import { describe, expect, it } from "vitest";
import { builtinNames } from "../scenario/builtins.js";
import { loadScenario, loadScenarioText } from "../scenario/loadScenario.js";
import { checkRunSize, DEFAULT_MAX_EVENTS, E_RUN_TOO_LARGE, estimateRun } from "./estimateRun.js";
import { defaultMemoryLimit } from "./memoryGuard.js";
import { runScenario } from "./runScenario.js";

const limits = { maxBytes: defaultMemoryLimit() };

/** What `fn` throws: code, path and every located message. */
function thrown(fn: () => unknown): { code: string; path?: string; text: string } {
  try {
    fn();
  } catch (e) {
    const err = e as { code: string; path?: string; message: string; errors?: { format(): string }[] };
    const text = [err.message, ...(err.errors ?? []).map((x) => x.format())].join("\n");
    return { code: err.code, ...(err.path === undefined ? {} : { path: err.path }), text };
  }
  throw new Error("did not throw");
}

describe("the pre-run size estimate (issue 19, item 1)", () => {
  it("lets every built-in at default scale pass, and 2021 at scale 10", () => {
    for (const name of builtinNames()) {
      const s = loadScenario(name);
      expect(() => checkRunSize(s, s.duration, limits), name).not.toThrow();
    }
    const big = loadScenario("aws-us-east-1-2021-12-07", { scale: 10 });
    const e = checkRunSize(big, big.duration, limits);
    expect(e.events).toBeLessThan(DEFAULT_MAX_EVENTS);
  });

  it("refuses --until 3650d with a clear message naming --allow-large", () => {
    const s = loadScenario("aws-us-east-1-2021-12-07");
    const r = thrown(() => runScenario(s, { until: 3650 * 86_400 }));
    expect(r.code).toBe(E_RUN_TOO_LARGE);
    expect(r.text).toMatch(
      /^this run would need about .* events .*--scale or --until, or pass --allow-large/,
    );
    expect(r.path).toBe("fleets.internal-clients.clients");
  });

  it("counts clients, attempts from rates and duration, and series memory", () => {
    const s = loadScenario("retry-storm");
    const e = estimateRun(s, 3600);
    expect(e.clients).toBe(2000);
    expect(e.firstAttemptsPerSecond).toBeCloseTo(2000 * 0.35, 6);
    expect(e.events).toBeCloseTo(2000 * 0.35 * 3600 * 6, 0);
    expect(e.intervals).toBe(360);
    expect(e.seriesBytes).toBe(360 * e.columns * 64);
    // twice as long: twice the events and series
    const e2 = estimateRun(s, 7200);
    expect(e2.events).toBeCloseTo(2 * e.events, 0);
    expect(e2.seriesBytes).toBe(2 * e.seriesBytes);
  });

  it("a scaled 1e9-client run is refused before it allocates (not 'Array buffer allocation failed')", () => {
    const s = loadScenario("retry-storm", { scale: 500_000 });
    const r = thrown(() => runScenario(s, { until: 600 }));
    expect(r.code).toBe(E_RUN_TOO_LARGE);
    expect(r.text).toContain("1000000000 clients");
  });
});

describe("schema bounds (issue 19, item 1)", () => {
  const text = (clients: string, duration = "2h") =>
    [
      "name: big",
      "description: one fleet",
      "start: 2021-12-07T07:00:00-08:00",
      `duration: ${duration}`,
      "networks: { n: {} }",
      "services: { api: { network: n, servers: 2, serviceTime: { type: constant, value: 10ms }, queueLimit: 10 } }",
      "fleets:",
      "  c:",
      "    network: n",
      "    target: api",
      `    clients: ${clients}`,
      "    load: { type: open, rate: 1/s }",
      "    timeout: 1s",
      "    retry: { maxAttempts: 2 }",
      "",
    ].join("\n");

  it("clients: 2147483648 and 1e9 are located errors, not endless runs", () => {
    for (const n of ["2147483648", "1000000000"]) {
      const r = thrown(() => loadScenarioText(text(n), "big.yaml"));
      expect(r.code).toBe("E_SCENARIO");
      expect(r.text).toContain(`big.yaml:11:14  fleets.c.clients  must be <= 10,000,000, got ${n}`);
    }
    expect(() => loadScenarioText(text("10000000"), "big.yaml")).not.toThrow();
  });

  it("a duration over 366 days is a located error", () => {
    const r = thrown(() => loadScenarioText(text("10", "3650d"), "big.yaml"));
    expect(r.text).toContain("big.yaml:4:11  duration  must be at most 366d");
  });
});
