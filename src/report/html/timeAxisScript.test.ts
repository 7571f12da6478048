import { describe, expect, it } from "vitest";
import { TIME_AXIS_SCRIPT } from "./timeAxisScript.js";

type Ticks = (
  min: number,
  max: number,
  local0: number,
  maxTicks: number,
) => { step: number; ticks: number[] };
type Label = (t: number, local0: number, step: number) => string;
const { roundTicks, tickLabel } = new Function(
  `${TIME_AXIS_SCRIPT}; return { roundTicks, tickLabel };`,
)() as {
  roundTicks: Ticks;
  tickLabel: Label;
};

/** 2021-12-07T07:00:00-08:00 as local wall-clock seconds since the epoch. */
const LOCAL0 = (Date.parse("2021-12-07T07:00:00-08:00") - 8 * 3600_000) / 1000;

describe("TIME_AXIS_SCRIPT", () => {
  it("ticks every 15 minutes on the quarter hours for a two-hour window", () => {
    const { step, ticks } = roundTicks(600, 600 + 7200, LOCAL0, 10);
    expect(step).toBe(900);
    expect(ticks.map((t) => tickLabel(t, LOCAL0, step))).toEqual([
      "07:15",
      "07:30",
      "07:45",
      "08:00",
      "08:15",
      "08:30",
      "08:45",
      "09:00",
    ]);
  });

  it("ticks on the hour for a ten-hour run and every minute when zoomed in", () => {
    const hours = roundTicks(0, 36_000, LOCAL0, 12);
    expect(hours.step).toBe(3600);
    expect(tickLabel(hours.ticks[0]!, LOCAL0, hours.step)).toBe("07:00");
    const zoom = roundTicks(1790, 2300, LOCAL0, 10);
    expect(zoom.step).toBe(60);
    expect(tickLabel(zoom.ticks[0]!, LOCAL0, zoom.step)).toBe("07:30");
  });

  it("aligns to the start's own zone (a +05:30 start ticks at :00 and :30 local)", () => {
    const local0 = (Date.parse("2024-01-01T10:10:00+05:30") + 330 * 60_000) / 1000;
    const { step, ticks } = roundTicks(0, 3 * 3600, local0, 8);
    expect(step).toBe(1800);
    expect(tickLabel(ticks[0]!, local0, step)).toBe("10:30");
  });

  it("prints the date at midnight and an offset without a start", () => {
    expect(tickLabel(17 * 3600, LOCAL0, 3600)).toBe("2021-12-08 00:00");
    expect(tickLabel(5400, Number.NaN, 900)).toBe("+1h30");
  });
});
