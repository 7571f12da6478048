const PER_DECADE = 20;
const MIN_LOG = -6; // 1 microsecond
const MAX_LOG = 4; // 10,000 seconds
const BUCKETS = (MAX_LOG - MIN_LOG) * PER_DECADE + 1;

/**
 * Quantiles of the last `capacity` latencies (seconds), from a log-spaced histogram (20 buckets per decade, 1 us to
 * 10^4 s, so about 12% resolution) kept in step with a ring of samples. `add` is O(1), `quantile` O(buckets).
 */
export class LatencyQuantile {
  private readonly ring: Int16Array;
  private readonly counts = new Int32Array(BUCKETS);
  private head = 0;
  private n = 0;

  constructor(readonly capacity = 1000) {
    this.ring = new Int16Array(capacity);
  }

  /** Samples held. */
  get size(): number {
    return this.n;
  }

  add(latency: number): void {
    const l = latency > 0 ? Math.log10(latency) : MIN_LOG;
    const b = Math.min(BUCKETS - 1, Math.max(0, Math.ceil((l - MIN_LOG) * PER_DECADE)));
    if (this.n === this.capacity) this.counts[this.ring[this.head]!]!--;
    else this.n++;
    this.ring[this.head] = b;
    this.counts[b]!++;
    this.head = (this.head + 1) % this.capacity;
  }

  /** The q-quantile (0..1) in seconds (a bucket's upper edge), or NaN with no samples. */
  quantile(q: number): number {
    if (this.n === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(q * this.n));
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      seen += this.counts[b]!;
      if (seen >= rank) return 10 ** (MIN_LOG + b / PER_DECADE);
    }
    return 10 ** MAX_LOG;
  }
}
