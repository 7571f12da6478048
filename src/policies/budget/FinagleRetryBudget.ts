import type { Clock } from "../../core/Clock.js";
import type { Duration } from "../../core/parseDuration.js";
import { dur, num } from "../config.js";
import { WindowedRetryBudget } from "./WindowedRetryBudget.js";

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

/**
 * Finagle-style retry budget: a leaky token bucket. Every request (first attempt) deposits `percentCanRetry` of a
 * retry; every retry or hedge withdraws one, and is refused when less than one is left. Deposits and withdrawals
 * expire `ttl` seconds after they were made (in ten slices, so between 0.9 ttl and ttl later); a reserve of
 * `minRetriesPerSec` x `ttl` retries never expires, so a quiet client can still retry. In steady state at `r`
 * requests per second it allows `percentCanRetry` x r + `minRetriesPerSec` retries per second. First attempts are
 * always sent; outcomes do not matter (a budget is not a breaker).
 *
 * Unlike `ratio` (the same {@link WindowedRetryBudget}, with a ratio in [0, 1], a window and a bucket count), this
 * follows Finagle's parameters: a percentage that may exceed 100% and a deposit lifetime instead of a window.
 */
export class FinagleRetryBudget extends WindowedRetryBudget {
  readonly type = "finagle" as const;

  constructor(config: FinagleBudgetConfig, clock: Clock, path = "budget") {
    const ttl = dur(`${path}.ttl`, config.ttl, { fallback: 10, min: 0, exclusiveMin: true });
    const perSecond = num(`${path}.minRetriesPerSec`, config.minRetriesPerSec, { fallback: 10, min: 0 });
    const percent = num(`${path}.percentCanRetry`, config.percentCanRetry, {
      fallback: 0.2,
      min: 0,
      max: 1000,
    });
    super(clock, percent, perSecond * ttl, ttl, SLICES);
  }
}
