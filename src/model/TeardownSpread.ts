import type { Rng } from "../core/Rng.js";
import type { TeardownShape } from "../spec/AutomationSpec.js";

/** Tear-downs spread over a window (`change-endpoints` with `over`). */
export interface TeardownSpread {
  /** Window length, seconds (> 0), from the action's time. */
  over: number;
  /** `uniform`: constant rate over the window; `ramp`: rate rising linearly from 0 to its peak at the window's end. */
  shape: TeardownShape;
  /** The spread's own named stream (one uniform draw per affected client). */
  rng: Rng;
}

/**
 * Delay of one tear-down in its window from a uniform draw `u` in (0, 1), seconds: inverse of the window's CDF,
 * `u x over` (uniform, mean over/2) or `sqrt(u) x over` (ramp: CDF (t/over)^2, mean 2 over/3).
 */
export function teardownDelay(spread: Pick<TeardownSpread, "over" | "shape">, u: number): number {
  return spread.shape === "ramp" ? Math.sqrt(u) * spread.over : u * spread.over;
}
