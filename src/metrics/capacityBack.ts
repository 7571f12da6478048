import { intervalIndex } from "./intervalIndex.js";

/** A fault's window, seconds from the scenario's start, and whether it is part of the trigger. */
export interface FaultWindow {
  start: number;
  end: number;
  trigger: boolean;
}

export interface CapacityBackInputs {
  /** Per interval: the largest share of declared capacity missing at the interval's end (series `capacity.missing`). */
  capacityMissing: ArrayLike<number>;
  /** Every fault of the scenario. */
  faults: readonly FaultWindow[];
  /** Interval length, seconds. */
  interval: number;
  /** Start of the trigger, seconds. */
  triggerStart: number;
  /** Length of the baseline window before the trigger, seconds. */
  baselineWindow: number;
  /** The checked stretch [checkStart, checkEnd), seconds. */
  checkStart: number;
  checkEnd: number;
}

/** Shares of missing capacity closer than this are equal (the series keeps 10 significant digits). */
const EPSILON = 1e-6;

/**
 * Is the capacity the trigger took away back throughout [checkStart, checkEnd)? Yes when, at the end of every interval
 * of that stretch, `capacityMissing` is no higher than its lowest value over the baseline window (capacity already
 * missing before the trigger is not the trigger's doing; the lowest value is not fooled by the last baseline interval,
 * which ends at the trigger and may already show it), and no fault's window overlaps the stretch, except a non-trigger
 * fault that had started by the trigger's start (a background condition, also in the baseline). A fault counts by its
 * window even when it removes no capacity (added latency only).
 */
export function capacityBack(x: CapacityBackInputs): boolean {
  const { capacityMissing: missing, interval } = x;
  const n = missing.length;
  const idx = (t: number) => intervalIndex(t, interval, n);
  for (const f of x.faults) {
    if (f.start >= x.checkEnd || f.end <= x.checkStart) continue;
    if (f.trigger || f.start > x.triggerStart) return false;
  }
  const from = idx(x.triggerStart - x.baselineWindow);
  const to = idx(x.triggerStart);
  let before = 0;
  if (to > from) {
    before = Number.POSITIVE_INFINITY;
    for (let i = from; i < to; i++) if (missing[i]! < before) before = missing[i]!;
  }
  for (let i = idx(x.checkStart); i < idx(x.checkEnd); i++) if (missing[i]! > before + EPSILON) return false;
  return true;
}
