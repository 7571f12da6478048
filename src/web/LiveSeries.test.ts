import { describe, expect, it } from "vitest";
import type { Series } from "../metrics/RunResult.js";
import { LiveSeries } from "./LiveSeries.js";

/** A series of `n` rows 10 s apart: goodput = row index, amplification null on odd rows, one other column. */
function series(n: number): Series {
  const idx = Array.from({ length: n }, (_, i) => i);
  return {
    interval: 10,
    time: idx.map((i) => i * 10),
    columns: {
      goodput: idx.map((i) => i),
      amplification: idx.map((i) => (i % 2 === 0 ? 2 : null)),
      other: idx.map(() => 7),
    },
  };
}

describe("LiveSeries", () => {
  it("keeps at most `points` bucket means of the chosen columns, each snapshot yielding only new complete buckets", () => {
    const live = new LiveSeries(100, ["goodput", "amplification"], 10);
    expect(live.rowsPerPoint).toBe(10);
    const first = live.update(series(25))!;
    expect(first).toEqual({
      type: "series",
      from: 0,
      step: 100,
      span: 1000,
      time: [0, 100],
      columns: { goodput: [4.5, 14.5], amplification: [2, 2] },
    });
    expect(live.update(series(29))).toBeNull(); // the third bucket is not complete yet
    const second = live.update(series(100))!;
    expect(second.from).toBe(2);
    expect(second.time).toEqual([200, 300, 400, 500, 600, 700, 800, 900]);
    expect(live.length).toBe(10);
    expect(live.all()!.columns["goodput"]).toHaveLength(10);
  });

  it("flushes the partial last bucket at the end, and never more points than asked", () => {
    const live = new LiveSeries(95, ["goodput"], 10);
    live.update(series(95));
    expect(live.length).toBe(9);
    const last = live.update(series(95), true)!;
    expect(last.time).toEqual([900]);
    expect(last.columns["goodput"]).toEqual([(90 + 91 + 92 + 93 + 94) / 5]);
    expect(live.length).toBeLessThanOrEqual(10);
    expect(live.update(series(95), true)).toBeNull();
  });

  it("a bucket whose rows are all null is null; one row per point when the run is short", () => {
    const live = new LiveSeries(4, ["amplification"], 600);
    expect(live.rowsPerPoint).toBe(1);
    expect(live.update(series(4), true)!.columns["amplification"]).toEqual([2, null, 2, null]);
    expect(new LiveSeries(0).all()).toBeNull();
  });
});
