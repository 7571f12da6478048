import { describe, expect, it } from "vitest";
import { isStampedeError } from "../../core/StampedeError.js";
import { gridValues, parseParam } from "./parseParam.js";

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isStampedeError(e) ? `${e.code} ${e.path}` : "other";
  }
  return undefined;
}

describe("parseParam", () => {
  it("reads durations in the field's units", () => {
    const p = parseParam("faults.spike.end=5s..2m:12");
    expect(p).toMatchObject({ path: "faults.spike.end", from: 5, to: 120, points: 12, log: false });
    expect(p.values).toHaveLength(12);
    expect(p.values[0]).toBe(5);
    expect(p.values[11]).toBe(120);
    for (let i = 1; i < 12; i++) expect(p.values[i]! - p.values[i - 1]!).toBeCloseTo(115 / 11, 9);
  });

  it("reads plain and log ranges", () => {
    expect(parseParam("a.b=0.5..0.95:10").values[9]).toBe(0.95);
    expect(parseParam("a.b=0.5..0.95:10").values[1]).toBe(0.55);
    const lg = parseParam("fleets.x.clients=1..1000:7:log");
    expect(lg.log).toBe(true);
    expect(lg.values.map((v) => Number(v.toPrecision(6)))).toEqual([
      1, 3.16228, 10, 31.6228, 100, 316.228, 1000,
    ]);
    expect(parseParam("a=10%..90%:3").values).toEqual([0.1, 0.5, 0.9]);
    expect(parseParam("a=100/s..1000/s:2").values).toEqual([100, 1000]);
  });

  it("rejects malformed parameters with E_BAD_PARAM and the path", () => {
    expect(code(() => parseParam("a.b=10..1:5"))).toBe("E_BAD_PARAM a.b");
    expect(code(() => parseParam("a.b=1..10:1"))).toBe("E_BAD_PARAM a.b");
    expect(code(() => parseParam("a.b=0..10:3:log"))).toBe("E_BAD_PARAM a.b");
    expect(code(() => parseParam("a.b=-5..10:3:log"))).toBe("E_BAD_PARAM a.b");
    expect(code(() => parseParam("a.b=1..10"))).toBe("E_BAD_PARAM a.b");
    expect(code(() => parseParam("a.b=1..10:3:lin"))).toBe("E_BAD_PARAM a.b");
    expect(code(() => parseParam("a.b=fast..10:3"))).toBe("E_BAD_PARAM a.b");
    expect(code(() => parseParam("a.b=3..3:3"))).toBe("E_BAD_PARAM a.b");
    expect(code(() => parseParam("=1..2:3"))).toBe("E_BAD_PARAM undefined");
    expect(code(() => parseParam("a.b=1-2:3"))).toBe("E_BAD_PARAM a.b");
  });
});

describe("gridValues", () => {
  it("is monotone with exact endpoints", () => {
    const v = gridValues(0.1, 7, 25, false);
    expect(v[0]).toBe(0.1);
    expect(v[24]).toBe(7);
    for (let i = 1; i < v.length; i++) expect(v[i]).toBeGreaterThan(v[i - 1]!);
  });
});
