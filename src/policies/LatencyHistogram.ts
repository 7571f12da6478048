/** Where a {@link LatencyHistogram}'s buckets lie: `buckets` log-spaced buckets from `min` seconds, `perDecade` per decade. */
export interface HistogramLayout {
  /** Lower edge of the first bucket, seconds. */
  readonly min: number;
  /** Buckets per decade (10 = about 26% wide, 20 = about 12%, 40 = about 6%). */
  readonly perDecade: number;
  /** Number of buckets; the last one ends at `min * 10 ** (buckets / perDecade)` seconds. */
  readonly buckets: number;
}

/**
 * The one histogram of latencies (seconds) in stampede: log-spaced buckets (a {@link HistogramLayout}); bucket `b`
 * holds `[min * 10^(b/perDecade), min * 10^((b+1)/perDecade))`, values outside (and NaN) are clamped into the first
 * or last bucket. Samples may carry a weight (the fluid engine's masses); the event engine and the hedger count 1 each.
 * Recording is O(1) and allocation-free; `quantile` is O(buckets) and returns the geometric middle of its bucket, so
 * it is within half a bucket of the sample order statistic. The run's fleets use {@link LatencyHistogram.RUN}, the
 * hedger's window {@link LatencyHistogram.FINE}, the fluid engine {@link LatencyHistogram.FLUID}.
 */
export class LatencyHistogram {
  /** 1 ms to 1000 s, 10 per decade (about 26% resolution): fleets' latency in run summaries and series. */
  static readonly RUN: HistogramLayout = { min: 1e-3, perDecade: 10, buckets: 60 };
  /** 1 us to 10^4 s, 20 per decade (about 12%): the hedger's delay. */
  static readonly FINE: HistogramLayout = { min: 1e-6, perDecade: 20, buckets: 200 };
  /** 0.1 ms to about 28 hours, 40 per decade (about 6%): the fluid engine's weighted latencies. */
  static readonly FLUID: HistogramLayout = { min: 1e-4, perDecade: 40, buckets: 360 };

  readonly layout: HistogramLayout;
  /** Weight per bucket. */
  readonly counts: Float64Array;
  /** Sum of the weights recorded. */
  total = 0;
  private readonly min: number;
  private readonly perDecade: number;

  /** @param layout the buckets. Default {@link LatencyHistogram.RUN}. */
  constructor(layout: HistogramLayout = LatencyHistogram.RUN) {
    this.layout = layout;
    this.min = layout.min;
    this.perDecade = layout.perDecade;
    this.counts = new Float64Array(layout.buckets);
  }

  /** The bucket that holds `seconds` (clamped; NaN goes to bucket 0). */
  bucketOf(seconds: number): number {
    const b = Math.floor(Math.log10(seconds / this.min) * this.perDecade);
    if (!(b >= 0)) return 0;
    return b >= this.counts.length ? this.counts.length - 1 : b;
  }

  /** Records one latency, seconds, with `weight` (default 1; weights that are not positive are ignored). */
  record(seconds: number, weight = 1): void {
    if (!(weight > 0)) return;
    this.addToBucket(this.bucketOf(seconds), weight);
  }

  /** Adds `weight` (negative to take a sample back out, as a sliding window does) to bucket `b`. */
  addToBucket(b: number, weight: number): void {
    this.counts[b] = this.counts[b]! + weight;
    this.total += weight;
  }

  /**
   * The q-quantile (0..1) in seconds: the geometric middle of the first non-empty bucket where the cumulative weight
   * reaches `q * total`; null when empty.
   */
  quantile(q: number): number | null {
    if (this.total <= 0) return null;
    const rank = q * this.total;
    const counts = this.counts;
    let acc = 0;
    for (let b = 0; b < counts.length; b++) {
      acc += counts[b]!;
      if (acc >= rank && counts[b]! > 0) return this.min * 10 ** ((b + 0.5) / this.perDecade);
    }
    return this.min * 10 ** (counts.length / this.perDecade);
  }

  /** Adds every count of `other` (same layout) to this histogram, O(buckets). */
  add(other: LatencyHistogram): void {
    const a = this.counts;
    const b = other.counts;
    for (let i = 0; i < a.length; i++) a[i] = a[i]! + b[i]!;
    this.total += other.total;
  }

  /** Empties the histogram. */
  reset(): void {
    this.counts.fill(0);
    this.total = 0;
  }
}
