import type { Clock } from "../core/Clock.js";

/**
 * Sums over a sliding time window of `span` seconds kept as `buckets` buckets (so the window slides in steps of
 * span/buckets). Several series share the buckets (e.g. requests and accepts). Allocation-free after construction;
 * old buckets are cleared lazily when the clock has moved on.
 */
export class BucketWindow {
  private readonly width: number;
  private readonly data: Float64Array;
  private readonly sums: Float64Array;
  private epoch: number;

  constructor(
    private readonly clock: Clock,
    /** Window length in seconds. */
    readonly span: number,
    /** Number of buckets. */
    readonly buckets: number,
    /** Number of series. */
    readonly series: number,
  ) {
    this.width = span / buckets;
    this.data = new Float64Array(buckets * series);
    this.sums = new Float64Array(series);
    this.epoch = Math.floor(clock.now() / this.width);
  }

  /** Adds `amount` to `series` in the current bucket. */
  add(series: number, amount: number): void {
    this.rotate();
    const i = (this.epoch % this.buckets) * this.series + series;
    this.data[i]! += amount;
    this.sums[series]! += amount;
  }

  /** Sum of `series` over the window. */
  sum(series: number): number {
    this.rotate();
    const s = this.sums[series]!;
    return Math.max(s, 0);
  }

  /** Clears everything. */
  clear(): void {
    this.data.fill(0);
    this.sums.fill(0);
    this.epoch = Math.floor(this.clock.now() / this.width);
  }

  /** Plain-number snapshot (epoch, then bucket data) for serialisation. */
  snapshot(): number[] {
    return [this.epoch, ...this.data];
  }

  /** Restores a `snapshot()` taken from a window of the same shape; ignores one of another shape. */
  restore(snapshot: readonly number[]): void {
    if (snapshot.length !== this.data.length + 1) return;
    this.epoch = snapshot[0]!;
    this.data.set(snapshot.slice(1));
    this.sums.fill(0);
    for (let i = 0; i < this.data.length; i++) this.sums[i % this.series]! += this.data[i]!;
  }

  private rotate(): void {
    const e = Math.floor(this.clock.now() / this.width);
    if (e <= this.epoch) return;
    const steps = e - this.epoch;
    if (steps >= this.buckets) {
      this.data.fill(0);
      this.sums.fill(0);
    } else {
      for (let k = 1; k <= steps; k++) {
        const base = ((this.epoch + k) % this.buckets) * this.series;
        for (let s = 0; s < this.series; s++) {
          this.sums[s]! -= this.data[base + s]!;
          this.data[base + s] = 0;
        }
      }
    }
    this.epoch = e;
  }
}
