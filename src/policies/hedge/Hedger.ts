import type { Clock } from "../../core/Clock.js";
import type { Duration } from "../../core/parseDuration.js";
import { RatioBudget } from "../budget/RatioBudget.js";
import { dur, num } from "../config.js";
import { Cause } from "../Outcome.js";
import { LatencyQuantile } from "./LatencyQuantile.js";

/** Plain-object hedging configuration (durations in seconds, or strings such as `"50ms"`). */
export interface HedgeConfig {
  /** Fixed delay before the hedge. Default: none, use `quantile` of the observed latencies. */
  delay?: Duration;
  /** Latency quantile used as the delay when `delay` is absent. Default 0.95. */
  quantile?: number;
  /** Latencies needed before quantile-based hedging starts. Default 20. */
  minSamples?: number;
  /** Extra attempts per request. Default 1. */
  maxHedges?: number;
  /** Hedges allowed per request over the window (the budget of extra load). Default 0.1 (10%). */
  ratio?: number;
  /** Window of the extra-load budget in seconds. Default 10. */
  window?: Duration;
  /** Hedges per second always allowed. Default 0. */
  minPerSecond?: number;
}

export interface HedgeCounters {
  requests: number;
  hedges: number;
  /** Hedges refused by the budget. */
  refused: number;
}

/**
 * Hedging decision core: send another attempt if the first has not answered after `delay()` seconds (a fixed
 * delay, or the p95 of recent latencies), as long as the extra-load budget allows (`ratio` of requests over a
 * sliding window). Protocol: `onRequest()` per request, `delay()` to arm the hedge timer, `tryHedge()` when it fires,
 * `record(latency)` for each answered attempt.
 */
export class Hedger {
  readonly maxHedges: number;
  readonly counters: HedgeCounters = { requests: 0, hedges: 0, refused: 0 };
  private readonly fixed: number;
  private readonly q: number;
  private readonly minSamples: number;
  private readonly latencies = new LatencyQuantile(1000);
  private readonly budget: RatioBudget;

  constructor(config: HedgeConfig, clock: Clock, path = "hedge") {
    this.fixed = config.delay === undefined ? Number.NaN : dur(`${path}.delay`, config.delay, { min: 0 });
    this.q = num(`${path}.quantile`, config.quantile, { fallback: 0.95, min: 0, max: 1, exclusiveMin: true });
    this.minSamples = num(`${path}.minSamples`, config.minSamples, { fallback: 20, min: 1, integer: true });
    this.maxHedges = num(`${path}.maxHedges`, config.maxHedges, {
      fallback: 1,
      min: 0,
      max: 10,
      integer: true,
    });
    this.budget = new RatioBudget(
      {
        type: "ratio",
        ratio: num(`${path}.ratio`, config.ratio, { fallback: 0.1, min: 0, max: 1 }),
        minRetriesPerSecond: num(`${path}.minPerSecond`, config.minPerSecond, { fallback: 0, min: 0 }),
        window: dur(`${path}.window`, config.window, { fallback: 10, min: 0, exclusiveMin: true }),
      },
      clock,
      path,
    );
  }

  /** A request starts (deposits into the extra-load budget). */
  onRequest(): void {
    this.counters.requests++;
    this.budget.tryAcquire(Cause.FIRST);
  }

  /** Seconds after an attempt starts to send a hedge, or -1 for no hedging (too few samples yet). */
  delay(): number {
    if (!Number.isNaN(this.fixed)) return this.fixed;
    if (this.latencies.size < this.minSamples) return -1;
    return this.latencies.quantile(this.q);
  }

  /** The hedge timer fired: may the hedge go? Takes budget when true. `sent` = hedges already sent for it. */
  tryHedge(sent = 0): boolean {
    if (sent >= this.maxHedges || !this.budget.tryAcquire(Cause.HEDGE)) {
      this.counters.refused++;
      return false;
    }
    this.counters.hedges++;
    return true;
  }

  /** An attempt answered after `latency` seconds. */
  record(latency: number): void {
    this.latencies.add(latency);
  }
}

/** Builds a Hedger from a plain config. Throws `E_POLICY_CONFIG` on invalid input. */
export function makeHedger(config: HedgeConfig, clock: Clock): Hedger {
  return new Hedger(config, clock);
}
