import type { Clock } from "../../core/Clock.js";
import { BucketWindow } from "../BucketWindow.js";

/** The closed-state statistics of a circuit breaker. Allocation-free `record`. */
export interface BreakerWindow {
  /** Adds one call outcome. */
  record(failure: boolean, slow: boolean): void;
  /** True when the window says "trip". */
  tripped(): boolean;
  /** Forgets everything (on closing). */
  reset(): void;
  /** Plain numbers for `toJSON`. */
  snapshot(): number[];
  /** Restores a snapshot. */
  restore(data: readonly number[]): void;
}

/** Trips after `failures` consecutive failures or `slowCalls` consecutive slow calls. */
export class ConsecutiveWindow implements BreakerWindow {
  private fails = 0;
  private slows = 0;
  constructor(
    readonly failures: number,
    readonly slowCalls: number,
  ) {}
  record(failure: boolean, slow: boolean): void {
    this.fails = failure ? this.fails + 1 : 0;
    this.slows = slow ? this.slows + 1 : 0;
  }
  tripped(): boolean {
    return this.fails >= this.failures || this.slows >= this.slowCalls;
  }
  reset(): void {
    this.fails = 0;
    this.slows = 0;
  }
  snapshot(): number[] {
    return [this.fails, this.slows];
  }
  restore(data: readonly number[]): void {
    this.fails = data[0] ?? 0;
    this.slows = data[1] ?? 0;
  }
}

/** Ratio rule shared by the count and time windows. */
function ratioTrips(
  total: number,
  fails: number,
  slows: number,
  min: number,
  ratio: number,
  slowRatio: number,
) {
  return total >= min && total > 0 && (fails / total >= ratio || slows / total >= slowRatio);
}

const FAIL = 1;
const SLOW = 2;
const USED = 4;

/** The last `size` outcomes in a ring; trips on the failure or slow ratio once `minimumCalls` were seen. */
export class CountWindow implements BreakerWindow {
  private readonly ring: Uint8Array;
  private head = 0;
  private total = 0;
  private fails = 0;
  private slows = 0;
  constructor(
    readonly size: number,
    readonly minimumCalls: number,
    readonly failureRatio: number,
    readonly slowRatio: number,
  ) {
    this.ring = new Uint8Array(size);
  }
  record(failure: boolean, slow: boolean): void {
    const old = this.ring[this.head]!;
    if (old & USED) {
      this.total--;
      if (old & FAIL) this.fails--;
      if (old & SLOW) this.slows--;
    }
    this.ring[this.head] = USED | (failure ? FAIL : 0) | (slow ? SLOW : 0);
    this.total++;
    if (failure) this.fails++;
    if (slow) this.slows++;
    this.head = (this.head + 1) % this.size;
  }
  tripped(): boolean {
    return ratioTrips(
      this.total,
      this.fails,
      this.slows,
      this.minimumCalls,
      this.failureRatio,
      this.slowRatio,
    );
  }
  reset(): void {
    this.ring.fill(0);
    this.head = this.total = this.fails = this.slows = 0;
  }
  snapshot(): number[] {
    return [this.head, ...this.ring];
  }
  restore(data: readonly number[]): void {
    this.reset();
    if (data.length !== this.size + 1) return;
    this.head = data[0]!;
    for (let i = 0; i < this.size; i++) {
      const v = data[i + 1]!;
      this.ring[i] = v;
      if (v & USED) this.total++;
      if (v & FAIL) this.fails++;
      if (v & SLOW) this.slows++;
    }
  }
}

const CALLS = 0;
const FAILS = 1;
const SLOWS = 2;

/** Outcomes of the last `span` seconds in `buckets` buckets; same ratio rule as the count window. */
export class TimeWindow implements BreakerWindow {
  private readonly win: BucketWindow;
  constructor(
    clock: Clock,
    span: number,
    buckets: number,
    readonly minimumCalls: number,
    readonly failureRatio: number,
    readonly slowRatio: number,
  ) {
    this.win = new BucketWindow(clock, span, buckets, 3);
  }
  record(failure: boolean, slow: boolean): void {
    this.win.add(CALLS, 1);
    if (failure) this.win.add(FAILS, 1);
    if (slow) this.win.add(SLOWS, 1);
  }
  tripped(): boolean {
    const w = this.win;
    return ratioTrips(
      w.sum(CALLS),
      w.sum(FAILS),
      w.sum(SLOWS),
      this.minimumCalls,
      this.failureRatio,
      this.slowRatio,
    );
  }
  reset(): void {
    this.win.clear();
  }
  snapshot(): number[] {
    return this.win.snapshot();
  }
  restore(data: readonly number[]): void {
    this.win.restore(data);
  }
  /** Restores the window of a version 1 state (bucket epoch first: a clock reading). */
  restoreAbsolute(data: readonly number[]): void {
    this.win.restoreAbsolute(data);
  }
}
