import type { TimeWindow } from "./RunResult.js";

/** Merges consecutive intervals where `pred(value)` holds into time windows (seconds); no-data (null) never holds. */
export function windowsWhere(
  values: ArrayLike<number | null>,
  interval: number,
  pred: (v: number) => boolean,
): TimeWindow[] {
  const out: TimeWindow[] = [];
  let start = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== null && pred(v)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push({ start: start * interval, end: i * interval });
      start = -1;
    }
  }
  if (start >= 0) out.push({ start: start * interval, end: values.length * interval });
  return out;
}

/** Total seconds covered by windows. */
export function windowSeconds(windows: readonly TimeWindow[]): number {
  let s = 0;
  for (const w of windows) s += w.end - w.start;
  return s;
}
