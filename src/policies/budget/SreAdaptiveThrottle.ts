import type { Clock } from "../../core/Clock.js";
import type { Duration } from "../../core/parseDuration.js";
import type { Rng } from "../../core/Rng.js";
import { BucketWindow } from "../BucketWindow.js";
import { num, windowFields } from "../config.js";
import type { Budget } from "./Budget.js";
import { BudgetBase } from "./BudgetBase.js";

/** Client-side adaptive throttling (Google SRE book, "Handling Overload"). */
export interface SreAdaptiveConfig {
  type: "sre-adaptive";
  /** Multiplier K: accepts x K requests are let through before rejecting. Default 2. */
  k?: number;
  /** Window length in seconds. Default 120 (2 minutes). */
  window?: Duration;
  /** Buckets in the window. Default 24. */
  buckets?: number;
}

const REQUESTS = 0;
const ACCEPTS = 1;

/**
 * SRE client-side adaptive throttling: over the window it counts requests (every attempt the application makes,
 * including those it rejects locally) and accepts (successes); each attempt is rejected locally with probability
 * max(0, (requests - K x accepts) / (requests + 1)), computed before the attempt is counted.
 */
export class SreAdaptiveThrottle extends BudgetBase implements Budget {
  readonly type = "sre-adaptive" as const;
  readonly capacity = 1;
  /** The K multiplier. */
  readonly k: number;
  private readonly win: BucketWindow;

  constructor(
    config: SreAdaptiveConfig,
    clock: Clock,
    private readonly rng: Rng,
    path = "budget",
  ) {
    super();
    this.k = num(`${path}.k`, config.k, { fallback: 2, min: 1 });
    const { span, buckets } = windowFields(path, config, { window: 120, buckets: 24 });
    this.win = new BucketWindow(clock, span, buckets, 2);
  }

  /** Requests counted in the window. */
  get requests(): number {
    return this.win.sum(REQUESTS);
  }

  /** Accepts counted in the window. */
  get accepts(): number {
    return this.win.sum(ACCEPTS);
  }

  /** Probability that the next attempt is rejected locally. */
  rejectionProbability(): number {
    const r = this.win.sum(REQUESTS);
    const p = (r - this.k * this.win.sum(ACCEPTS)) / (r + 1);
    return Math.max(p, 0);
  }

  /** 1 - rejection probability. */
  get available(): number {
    return 1 - this.rejectionProbability();
  }

  tryAcquire(cause = 0): boolean {
    const p = this.rejectionProbability();
    this.win.add(REQUESTS, 1);
    return this.decide(!(p > 0 && this.rng.next() < p), cause);
  }

  onSuccess(): void {
    this.win.add(ACCEPTS, 1);
  }

  onFailure(): void {
    // Only accepts are counted; a failure is a request that was not accepted.
  }
}
