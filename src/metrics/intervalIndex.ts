/**
 * The index of the recorded interval that time `t` (seconds) falls in, for a series of `n` intervals of `interval`
 * seconds each, clamped to [0, n]. A time on a boundary (within float noise) belongs to the interval it starts.
 */
export function intervalIndex(t: number, interval: number, n: number): number {
  return Math.max(0, Math.min(n, Math.floor(t / interval + 1e-9)));
}
