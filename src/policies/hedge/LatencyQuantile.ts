import { type HistogramLayout, LatencyHistogram } from "../LatencyHistogram.js";

/**
 * Quantiles of the last `capacity` latencies (seconds): a {@link LatencyHistogram} (default layout
 * {@link LatencyHistogram.FINE}: 20 buckets per decade, 1 us to 10^4 s, about 12% wide) kept in step with a ring of
 * the samples' buckets. On the same samples, while fewer than `capacity`, it gives exactly the histogram's quantiles.
 * `add` is O(1) and allocation-free, `quantile` O(buckets).
 */
export class LatencyQuantile {
  private readonly ring: Int16Array;
  private readonly histogram: LatencyHistogram;
  private head = 0;
  private n = 0;

  /**
   * @param capacity samples kept (default 1000).
   * @param layout the histogram's buckets (default {@link LatencyHistogram.FINE}; at most 32767 buckets).
   */
  constructor(
    readonly capacity = 1000,
    layout: HistogramLayout = LatencyHistogram.FINE,
  ) {
    this.ring = new Int16Array(capacity);
    this.histogram = new LatencyHistogram(layout);
  }

  /** Samples held. */
  get size(): number {
    return this.n;
  }

  /** Records one latency, seconds (the oldest leaves once `capacity` are held). */
  add(latency: number): void {
    const h = this.histogram;
    const b = h.bucketOf(latency);
    if (this.n === this.capacity) h.addToBucket(this.ring[this.head]!, -1);
    else this.n++;
    this.ring[this.head] = b;
    h.addToBucket(b, 1);
    this.head = (this.head + 1) % this.capacity;
  }

  /** The q-quantile (0..1) in seconds (the geometric middle of its bucket), or NaN with no samples. */
  quantile(q: number): number {
    return this.histogram.quantile(q) ?? Number.NaN;
  }
}
