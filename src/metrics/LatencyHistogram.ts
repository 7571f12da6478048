/**
 * A fixed log-scale histogram of latencies in seconds (1 ms to about 1000 s, 10 buckets per decade; values outside
 * are clamped into the first or last bucket). Recording is O(1) and allocation-free; quantiles are accurate to the
 * bucket width (about 26% relative), which is enough to tell a healthy p99 from a storm.
 */
export class LatencyHistogram {
  static readonly MIN = 1e-3;
  static readonly PER_DECADE = 10;
  static readonly BUCKETS = 60;
  readonly counts = new Float64Array(LatencyHistogram.BUCKETS);
  total = 0;

  record(seconds: number): void {
    let b = Math.floor(Math.log10(seconds / LatencyHistogram.MIN) * LatencyHistogram.PER_DECADE);
    if (!(b >= 0)) b = 0;
    else if (b >= LatencyHistogram.BUCKETS) b = LatencyHistogram.BUCKETS - 1;
    this.counts[b] = this.counts[b]! + 1;
    this.total++;
  }

  /** The q-quantile (0..1) in seconds, at the geometric middle of its bucket; null when empty. */
  quantile(q: number): number | null {
    if (this.total === 0) return null;
    const rank = q * this.total;
    let acc = 0;
    for (let b = 0; b < LatencyHistogram.BUCKETS; b++) {
      acc += this.counts[b]!;
      if (acc >= rank && this.counts[b]! > 0) {
        return LatencyHistogram.MIN * 10 ** ((b + 0.5) / LatencyHistogram.PER_DECADE);
      }
    }
    return LatencyHistogram.MIN * 10 ** (LatencyHistogram.BUCKETS / LatencyHistogram.PER_DECADE);
  }

  /** Adds every count of `other` to this histogram (O(buckets)). */
  add(other: LatencyHistogram): void {
    const a = this.counts;
    const b = other.counts;
    for (let i = 0; i < a.length; i++) a[i] = a[i]! + b[i]!;
    this.total += other.total;
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
  }
}
