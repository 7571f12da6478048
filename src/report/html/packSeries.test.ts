import { describe, expect, it } from "vitest";
import type { Series } from "../../metrics/RunResult.js";
import { DISPLAY_POINTS, PACK_LEVELS, packSeries, unpackValues } from "./packSeries.js";

function series(n: number, f: (i: number) => number | null): Series {
  const time = Array.from({ length: n }, (_, i) => i * 10);
  return { interval: 10, time, columns: { a: time.map((_, i) => f(i)) } };
}

describe("packSeries", () => {
  it("keeps short series whole, without envelopes, values within a quantisation step", () => {
    const s = series(50, (i) => (i === 7 ? null : i * 1.5));
    const p = packSeries(s, ["a", "missing"]);
    expect(p.time).toEqual(s.time);
    expect(Object.keys(p.columns)).toEqual(["a"]);
    const c = p.columns["a"]!;
    expect(c.mn).toBeUndefined();
    const back = unpackValues(c.v, c.lo, c.hi);
    expect(back[7]).toBeNull();
    const step = (c.hi - c.lo) / PACK_LEVELS;
    back.forEach((v, i) => {
      if (i !== 7) expect(Math.abs(v! - i * 1.5)).toBeLessThanOrEqual(step / 2 + 1e-9);
    });
  });

  it("downsamples long series to at most DISPLAY_POINTS buckets with min/max envelopes", () => {
    const n = 3600;
    const s = series(n, (i) => (i % 2 === 0 ? 0 : 100));
    const p = packSeries(s, ["a"]);
    expect(p.time.length).toBeLessThanOrEqual(DISPLAY_POINTS);
    const c = p.columns["a"]!;
    const per = Math.ceil(n / DISPLAY_POINTS);
    expect(p.bucket).toBe(per * 10);
    expect(p.time[1]).toBe(per * 10);
    const mn = unpackValues(c.mn!, c.lo, c.hi);
    const mx = unpackValues(c.mx!, c.lo, c.hi);
    expect(mn.every((v) => v === 0)).toBe(true);
    expect(mx.every((v) => v === 100)).toBe(true);
  });

  it("leaves out columns without any data (no empty line, no empty chart)", () => {
    expect(
      packSeries(
        series(10, () => null),
        ["a"],
      ).columns,
    ).toEqual({});
  });

  it("has a size that depends on the shape, never on the values (so not on the scenario's scale)", () => {
    const small = packSeries(
      series(3600, (i) => (i * 7919) % 13),
      ["a"],
    );
    const large = packSeries(
      series(3600, (i) => ((i * 7919) % 13) * 123456.789),
      ["a"],
    );
    const size = (p: typeof small): number => p.columns["a"]!.v.length + p.columns["a"]!.mn!.length;
    expect(size(large)).toBe(size(small));
  });
});
