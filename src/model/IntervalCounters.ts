/**
 * Named event counters kept per metrics interval and over the run: `now.x++` counts, `roll()` (at every metrics tick,
 * after the recorder read `now`) adds `now` into `totals` and zeroes it. One helper for the counters of call sites,
 * fleets, services and device groups, so no entity hand-writes the roll-over.
 */
export class IntervalCounters<K extends string> {
  /** Counts in the current metrics interval. */
  readonly now: Record<K, number>;
  /** Counts over the run, up to the last `roll()`. */
  readonly totals: Record<K, number>;
  private readonly names: readonly K[];

  constructor(names: readonly K[]) {
    this.names = names;
    const now = {} as Record<K, number>;
    const totals = {} as Record<K, number>;
    for (const n of names) {
      now[n] = 0;
      totals[n] = 0;
    }
    this.now = now;
    this.totals = totals;
  }

  /** Moves the interval's counts into the totals and starts a new interval. */
  roll(): void {
    const now = this.now;
    const totals = this.totals;
    for (const n of this.names) {
      totals[n] += now[n];
      now[n] = 0;
    }
  }

  /** Total over the run including the current interval. */
  total(name: K): number {
    return this.totals[name] + this.now[name];
  }
}
