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
    const i = this.slot(this.epoch) * this.series + series;
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

  /**
   * Plain-number snapshot for serialisation, free of clock readings: the buckets from the current one back to the
   * oldest, `series` numbers each. Restored on another clock (another process), it keeps each bucket's age.
   */
  snapshot(): number[] {
    this.rotate();
    const out: number[] = [];
    for (let age = 0; age < this.buckets; age++) {
      const base = this.slot(this.epoch - age) * this.series;
      for (let s = 0; s < this.series; s++) out.push(this.data[base + s]!);
    }
    return out;
  }

  /**
   * Restores a `snapshot()` from a window of the same shape (one of another shape is ignored), `elapsed` whole
   * buckets later (default 0): bucket ages are counted from this clock's current bucket.
   */
  restore(snapshot: readonly number[], elapsed = 0): void {
    if (snapshot.length !== this.data.length) return;
    this.data.fill(0);
    this.sums.fill(0);
    this.epoch = Math.floor(this.clock.now() / this.width);
    for (let age = 0; age + elapsed < this.buckets; age++) {
      const base = this.slot(this.epoch - age - elapsed) * this.series;
      for (let s = 0; s < this.series; s++) {
        const v = snapshot[age * this.series + s]!;
        this.data[base + s] = v;
        this.sums[s]! += v;
      }
    }
  }

  /**
   * Restores the snapshot of a version 1 breaker state: the bucket epoch, then the buckets by position. Its epoch is
   * a reading of the clock it was taken on, so it restores correctly only on that clock.
   */
  restoreAbsolute(snapshot: readonly number[]): void {
    if (snapshot.length !== this.data.length + 1) return;
    const saved = snapshot[0]!;
    const ages: number[] = [];
    for (let age = 0; age < this.buckets; age++) {
      const base = 1 + this.slot(saved - age) * this.series;
      for (let s = 0; s < this.series; s++) ages.push(snapshot[base + s]!);
    }
    const now = Math.floor(this.clock.now() / this.width);
    this.restore(ages, Math.max(0, now - saved));
  }

  /** Bucket index of epoch `e` (also for negative epochs). */
  private slot(e: number): number {
    return ((e % this.buckets) + this.buckets) % this.buckets;
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
        const base = this.slot(this.epoch + k) * this.series;
        for (let s = 0; s < this.series; s++) {
          this.sums[s]! -= this.data[base + s]!;
          this.data[base + s] = 0;
        }
      }
    }
    this.epoch = e;
  }
}
