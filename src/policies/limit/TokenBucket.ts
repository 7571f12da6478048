import type { Clock } from "../../core/Clock.js";
import { type Disposable, Listeners } from "../Listeners.js";
import type { Limiter, LimiterCounters } from "./Limiter.js";

/**
 * Token-bucket rate limiter: tokens = min(burst, tokens + rate x dt), a call is admitted when tokens >= cost (and
 * takes them). Starts full. `delayFor(cost)` says how long until it would be admitted.
 */
export class TokenBucket implements Limiter {
  readonly type = "token-bucket" as const;
  readonly inflight = 0;
  readonly counters: LimiterCounters = { acquired: 0, rejected: 0, drops: 0 };
  private tokens: number;
  private last: number;
  private readonly rejectL = new Listeners<() => void>();

  constructor(
    private readonly clock: Clock,
    /** Tokens per second. */
    readonly rate: number,
    /** Bucket size (tokens). */
    readonly burst: number,
  ) {
    this.tokens = burst;
    this.last = clock.now();
  }

  /** Bucket size. */
  get limit(): number {
    return this.burst;
  }

  /** Tokens now. */
  get available(): number {
    this.refill();
    return this.tokens;
  }

  acquire(cost = 1): boolean {
    this.refill();
    if (this.tokens >= cost) {
      this.tokens -= cost;
      this.counters.acquired++;
      return true;
    }
    this.counters.rejected++;
    if (this.rejectL.size > 0) this.rejectL.emit();
    return false;
  }

  release(_rtt: number, dropped: boolean): void {
    if (dropped) this.counters.drops++;
  }

  /** Seconds until `cost` tokens are there (0 if now; Infinity if cost > burst). */
  delayFor(cost = 1): number {
    this.refill();
    if (this.tokens >= cost) return 0;
    if (cost > this.burst || this.rate === 0) return Number.POSITIVE_INFINITY;
    return (cost - this.tokens) / this.rate;
  }

  onReject(fn: () => void): Disposable {
    return this.rejectL.on(fn);
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.rate);
    this.last = now;
  }
}
