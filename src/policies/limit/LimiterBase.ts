import { type Disposable, Listeners } from "../Listeners.js";
import type { LimiterCounters } from "./Limiter.js";

/**
 * Shared concurrency-limiter mechanics: admit while inflight < floor(limit); on release feed the sample (rtt,
 * inflight at the time of the sample, dropped) to `update`, which returns the new limit. `release(NaN, false)` frees
 * the slot without a sample (a cancelled call says nothing about the callee).
 */
export abstract class LimiterBase {
  readonly counters: LimiterCounters = { acquired: 0, rejected: 0, drops: 0 };
  inflight = 0;
  private readonly rejectL = new Listeners<() => void>();

  constructor(
    /** Current (estimated) limit; admission uses its floor. */
    public limit: number,
  ) {}

  acquire(): boolean {
    if (this.inflight < Math.floor(this.limit)) {
      this.inflight++;
      this.counters.acquired++;
      return true;
    }
    this.counters.rejected++;
    if (this.rejectL.size > 0) this.rejectL.emit();
    return false;
  }

  release(rtt: number, dropped: boolean): void {
    const inflight = this.inflight;
    if (this.inflight > 0) this.inflight--;
    if (dropped) this.counters.drops++;
    if (!Number.isNaN(rtt)) this.limit = this.update(rtt, inflight, dropped);
  }

  onReject(fn: () => void): Disposable {
    return this.rejectL.on(fn);
  }

  /** Returns the new limit after a sample. */
  protected abstract update(rtt: number, inflight: number, dropped: boolean): number;
}
