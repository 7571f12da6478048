/** A confidence interval: point estimate and half-width. */
export interface Interval {
  mean: number;
  halfWidth: number;
}

/** Confidence levels with tabulated Student t quantiles. */
export type Level = 0.95 | 0.999;

/**
 * Two-sided Student t quantiles t(1 - (1 - level)/2, df) for the batch counts used by the tests (standard tables):
 * t(0.975, df) for 95% and t(0.9995, df) for 99.9%.
 */
const T: Record<Level, Record<number, number>> = {
  0.95: { 19: 2.093, 29: 2.045, 39: 2.023 },
  0.999: { 19: 3.883, 29: 3.659, 39: 3.551 },
};

function tQuantile(batches: number, level: Level): number {
  const t = T[level][batches - 1];
  if (t === undefined) throw new Error(`no t quantile tabulated for ${batches - 1} degrees of freedom`);
  return t;
}

function interval(means: readonly number[], t: number): Interval {
  const n = means.length;
  const mean = means.reduce((s, x) => s + x, 0) / n;
  const variance = means.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return { mean, halfWidth: t * Math.sqrt(variance / n) };
}

/**
 * Batch-means confidence interval (99.9% unless `level` says otherwise) for the steady-state mean of a correlated
 * series: drops the first `warmup` observations, splits the rest into `batches` equal batches and treats the batch
 * means as independent normals.
 */
export function batchMeans(
  xs: ArrayLike<number>,
  warmup: number,
  batches: number,
  level: Level = 0.999,
): Interval {
  const t = tQuantile(batches, level);
  const size = Math.floor((xs.length - warmup) / batches);
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let s = 0;
    for (let i = warmup + b * size; i < warmup + (b + 1) * size; i++) s += xs[i]!;
    means.push(s / size);
  }
  return interval(means, t);
}

/**
 * Batch-means confidence interval for a ratio of long-run sums, sum(num) / sum(den) (e.g. drops over offered jobs),
 * from two aligned series (per-interval counts or rates): each batch contributes its own ratio of sums, and the batch
 * ratios are treated as independent normals. With batches of equal length and many events per batch the bias of the
 * ratio estimator is negligible beside the half-width.
 */
export function batchRatio(
  num: ArrayLike<number>,
  den: ArrayLike<number>,
  warmup: number,
  batches: number,
  level: Level = 0.999,
): Interval {
  if (num.length !== den.length) throw new Error("series of different lengths");
  const t = tQuantile(batches, level);
  const size = Math.floor((num.length - warmup) / batches);
  const ratios: number[] = [];
  for (let b = 0; b < batches; b++) {
    let n = 0;
    let d = 0;
    for (let i = warmup + b * size; i < warmup + (b + 1) * size; i++) {
      n += num[i]!;
      d += den[i]!;
    }
    ratios.push(n / d);
  }
  return interval(ratios, t);
}
