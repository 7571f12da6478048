import type { MeanEstimate } from "../../metrics/MeanEstimate.js";
import { studentTQuantile } from "./studentTQuantile.js";

export type { MeanEstimate } from "../../metrics/MeanEstimate.js";

/**
 * The mean of `values` with a two-sided t confidence interval (`confidence`, default 0.95): mean ± t(1-α/2, n-1) ·
 * s / √n. Values that are null or not finite are left out; returns null when none remain. With one value the interval
 * collapses to the value (there is no estimate of spread).
 */
export function meanInterval(values: readonly (number | null)[], confidence = 0.95): MeanEstimate | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { n, mean, stddev: 0, low: mean, high: mean };
  const variance = xs.reduce((a, x) => a + (x - mean) * (x - mean), 0) / (n - 1);
  const stddev = Math.sqrt(variance);
  const half = studentTQuantile(1 - (1 - confidence) / 2, n - 1) * (stddev / Math.sqrt(n));
  return { n, mean, stddev, low: mean - half, high: mean + half };
}
