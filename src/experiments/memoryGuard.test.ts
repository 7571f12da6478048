import { getHeapStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { runSummarySchema } from "../metrics/runSummarySchema.js";
import { loadScenario } from "../scenario/loadScenario.js";
import { defaultMemoryLimit, memoryGuard, parseBytes } from "./memoryGuard.js";
import { runScenario } from "./runScenario.js";

describe("the memory guard (issue 19, item 1)", () => {
  it("defaults below V8's heap_size_limit", () => {
    const limit = defaultMemoryLimit();
    expect(limit).toBeLessThan(getHeapStatistics().heap_size_limit);
    expect(limit).toBeGreaterThan(getHeapStatistics().heap_size_limit / 2);
  });

  it("stops a run once memory passes the limit: summary partial, series up to the stop time", () => {
    const s = loadScenario("retry-storm", { scale: 0.05 });
    // A fake measure that grows with every check: past the limit at the 5th check.
    let used = 0;
    const r = runScenario(s, {
      until: 3600,
      maxMemory: 450,
      allowLarge: true,
      memoryInUse: () => (used += 100),
    });
    expect(r.summary.partial).toBe(true);
    expect(r.stopReason).toMatch(
      /^stopped at 90 s of 3600 s: memory use 1 kB passed the limit 1 kB \(--max-memory\)$/,
    );
    expect(r.summary.simulatedSeconds).toBe(90); // 5 checks, one every 18 s (3600 / 200)
    expect(r.series.time).toHaveLength(9);
    expect(r.series.time.at(-1)).toBe(80);
    expect(runSummarySchema.safeParse(r.summary).success).toBe(true);
  });

  it("a run under the limit is not marked partial and is the same as before the guard checked", () => {
    const s = loadScenario("retry-storm", { scale: 0.05 });
    const a = runScenario(s, { until: 1200 });
    const b = runScenario(s, { until: 1200, maxMemory: Number.POSITIVE_INFINITY });
    expect(a.summary.partial).toBeUndefined();
    expect({ ...a.summary, timing: null }).toEqual({ ...b.summary, timing: null });
  });

  it("checks with the measure given", () => {
    const g = memoryGuard(10, () => 11);
    expect(g.check()).toBe(true);
    expect(g.exceeded).toBe(11);
    expect(memoryGuard(10, () => 10).check()).toBe(false);
  });

  it("parses --max-memory sizes", () => {
    expect(parseBytes("--max-memory", "512MB")).toBe(512e6);
    expect(parseBytes("--max-memory", "2GiB")).toBe(2 * 1024 ** 3);
    expect(parseBytes("--max-memory", "1000")).toBe(1000);
    expect(() => parseBytes("--max-memory", "lots")).toThrow(
      "expected a size such as 512MB or 2GB, got 'lots'",
    );
  });
});
