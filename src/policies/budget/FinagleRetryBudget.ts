import type { Clock } from "../../core/Clock.js";
import type { Duration } from "../../core/parseDuration.js";
import { BucketWindow } from "../BucketWindow.js";
import { dur, num } from "../config.js";
import { Cause } from "../Outcome.js";
import type { Budget } from "./Budget.js";
import { BudgetBase } from "./BudgetBase.js";

/** Finagle's `RetryBudget(ttl, minRetriesPerSec, percentCanRetry)`, by its own field names. */
export interface FinagleBudgetConfig {
  type: "finagle";
  /** Seconds a deposit (and a withdrawal) counts before it expires. Default 10. Finagle itself demands 1 to 60 s. */
  ttl?: Duration;
  /** Retries per second always allowed, as a reserve of `minRetriesPerSec` x `ttl` retries. Default 10. */
  minRetriesPerSec?: number;
  /**
   * Retries each request pays for, as a fraction in [0, 1000]: 0.2 lets one request in five be retried, 2 lets every
   * request be retried twice. Default 0.2.
   */
  percentCanRetry?: number;
}

/** Slices of the window (Finagle's windowed adder has 10). */
const SLICES = 10;
const DEPOSITS = 0;
const WITHDRAWALS = 1;

/**
 * Finagle-style retry budget: a leaky token bucket. Every request (first attempt) deposits `percentCanRetry` of a
 * retry; every retry or hedge withdraws one, and is refused when less than one is left. Deposits and withdrawals
 * expire `ttl` seconds after they were made (in ten slices, so between 0.9 ttl and ttl later); a reserve of
 * `minRetriesPerSec` x `ttl` retries never expires, so a quiet client can still retry. In steady state at `r`
 * requests per second it allows `percentCanRetry` x r + `minRetriesPerSec` retries per second. First attempts are
 * always sent; outcomes do not matter (a budget is not a breaker).
 *
 * Unlike `ratio` (same rule, with a ratio in [0, 1], a window and a bucket count), this follows Finagle's parameters:
 * a percentage that may exceed 100% and a deposit lifetime instead of a window.
 */
export class FinagleRetryBudget extends BudgetBase implements Budget {
  readonly type = "finagle" as const;
  private readonly percent: number;
  private readonly reserve: number;
  private readonly win: BucketWindow;

  constructor(config: FinagleBudgetConfig, clock: Clock, path = "budget") {
    super();
    const ttl = dur(`${path}.ttl`, config.ttl, { fallback: 10, min: 0, exclusiveMin: true });
    const perSecond = num(`${path}.minRetriesPerSec`, config.minRetriesPerSec, { fallback: 10, min: 0 });
    this.percent = num(`${path}.percentCanRetry`, config.percentCanRetry, {
      fallback: 0.2,
      min: 0,
      max: 1000,
    });
    this.reserve = perSecond * ttl;
    this.win = new BucketWindow(clock, ttl, SLICES, 2);
  }

  /** Retries that may be sent now (never negative). */
  get available(): number {
    const a = this.capacity - this.win.sum(WITHDRAWALS);
    return Math.max(a, 0);
  }

  /** Retries the live deposits and the reserve pay for: percentCanRetry x deposits + minRetriesPerSec x ttl. */
  get capacity(): number {
    return this.percent * this.win.sum(DEPOSITS) + this.reserve;
  }

  tryAcquire(cause: number = Cause.FIRST): boolean {
    if (cause === Cause.FIRST) {
      this.win.add(DEPOSITS, 1);
      return this.decide(true, cause);
    }
    if (this.available < 1) return this.decide(false, cause);
    this.win.add(WITHDRAWALS, 1);
    return this.decide(true, cause);
  }

  onSuccess(): void {
    // Outcomes do not change a retry budget.
  }

  onFailure(): void {
    // Outcomes do not change a retry budget.
  }
}
