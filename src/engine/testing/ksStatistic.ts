/**
 * The one-sample Kolmogorov-Smirnov statistic D = sup |F_n(x) - F(x)| of `samples` against the cdf `cdf`.
 * Sorts a copy of the samples.
 */
export function ksStatistic(samples: ArrayLike<number>, cdf: (x: number) => number): number {
  const xs = Float64Array.from(samples).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** Critical value of D for large n at alpha = 0.001 (Smirnov's asymptotic 1.95 / sqrt(n)). */
export function ksCritical001(n: number): number {
  return 1.95 / Math.sqrt(n);
}
