/** A two-sided confidence interval. */
export interface Interval {
  low: number;
  high: number;
}

/** A share with its Wilson score interval. */
export interface ShareEstimate extends Interval {
  /** Successes (runs that had the property). */
  count: number;
  /** Trials (runs). */
  n: number;
  /** count / n. */
  share: number;
}
