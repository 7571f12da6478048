import type { ShareEstimate } from "./ShareEstimate.js";

export type { Interval, ShareEstimate } from "./ShareEstimate.js";

/** z of a two-sided 95% normal interval. */
export const Z95 = 1.959963984540054;

/**
 * The Wilson score interval of a binomial share: `count` successes in `n` trials, two-sided, confidence given by
 * `z` (default 95%). Unlike the normal (Wald) interval it stays inside [0, 1] and keeps its coverage at shares of 0
 * or 1 and small n, which is what replications of a simulation give. Returns null when `n` is 0.
 */
export function wilsonInterval(count: number, n: number, z = Z95): ShareEstimate | null {
  if (n <= 0) return null;
  if (count < 0 || count > n) throw new RangeError(`count ${count} outside [0, ${n}]`);
  const p = count / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { count, n, share: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
