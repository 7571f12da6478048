/**
 * A histogram of weighted samples (fluid masses) on logarithmic bins from 0.1 ms to about 28 hours (40 bins per
 * decade), for latency quantiles of the fluid engine. Allocation-free after construction.
 */
export class WeightedHistogram {
  private static readonly PER_DECADE = 40;
  private static readonly MIN = 1e-4;
  private readonly bins = new Float64Array(WeightedHistogram.PER_DECADE * 9);
  total = 0;

  record(seconds: number, weight: number): void {
    if (!(weight > 0)) return;
    const b = seconds <= WeightedHistogram.MIN ? 0 : Math.log10(seconds / WeightedHistogram.MIN);
    const i = Math.min(this.bins.length - 1, Math.max(0, Math.floor(b * WeightedHistogram.PER_DECADE)));
    this.bins[i] = this.bins[i]! + weight;
    this.total += weight;
  }

  /** The q-quantile, seconds (bin centre on a log scale), or null without samples. */
  quantile(q: number): number | null {
    if (this.total <= 0) return null;
    const want = q * this.total;
    let acc = 0;
    for (let i = 0; i < this.bins.length; i++) {
      acc += this.bins[i]!;
      if (acc >= want) return WeightedHistogram.MIN * 10 ** ((i + 0.5) / WeightedHistogram.PER_DECADE);
    }
    return WeightedHistogram.MIN * 10 ** (this.bins.length / WeightedHistogram.PER_DECADE);
  }

  /** Adds `other`'s samples. */
  add(other: WeightedHistogram): void {
    for (let i = 0; i < this.bins.length; i++) this.bins[i] = this.bins[i]! + other.bins[i]!;
    this.total += other.total;
  }

  reset(): void {
    this.bins.fill(0);
    this.total = 0;
  }
}
