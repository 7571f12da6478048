/** A confidence interval: point estimate and half-width. */
export interface Interval {
  mean: number;
  halfWidth: number;
}

/**
 * Two-sided 99.9% Student t quantiles t(0.9995, df) for the batch counts used by the tests (standard tables).
 */
const T_9995: Record<number, number> = { 19: 3.883, 29: 3.659, 39: 3.551 };

/**
 * Batch-means confidence interval (99.9%) for the steady-state mean of a correlated series: drops the first `warmup`
 * observations, splits the rest into `batches` equal batches and treats the batch means as independent normals.
 */
export function batchMeans(xs: ArrayLike<number>, warmup: number, batches: number): Interval {
  const t = T_9995[batches - 1];
  if (t === undefined) throw new Error(`no t quantile tabulated for ${batches - 1} degrees of freedom`);
  const size = Math.floor((xs.length - warmup) / batches);
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let s = 0;
    for (let i = warmup + b * size; i < warmup + (b + 1) * size; i++) s += xs[i]!;
    means.push(s / size);
  }
  const mean = means.reduce((s, x) => s + x, 0) / batches;
  const variance = means.reduce((s, x) => s + (x - mean) ** 2, 0) / (batches - 1);
  return { mean, halfWidth: t * Math.sqrt(variance / batches) };
}
