/** A sample mean with its two-sided Student-t confidence interval. */
export interface MeanEstimate {
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1 in the denominator); 0 when n is 1. */
  stddev: number;
  /** Interval bounds; equal to the mean when n < 2 (no spread can be estimated): check `n`. */
  low: number;
  high: number;
}
