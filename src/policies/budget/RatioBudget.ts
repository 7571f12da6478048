import type { Clock } from "../../core/Clock.js";
import type { Duration } from "../../core/parseDuration.js";
import { BucketWindow } from "../BucketWindow.js";
import { num, windowFields } from "../config.js";
import { Cause } from "../Outcome.js";
import type { Budget } from "./Budget.js";
import { BudgetBase } from "./BudgetBase.js";

/** Finagle / SRE-book retry budget over a sliding window. */
export interface RatioBudgetConfig {
  type: "ratio";
  /** Retries allowed per first attempt in the window, in [0, 1]. Default 0.2 (20%). */
  ratio?: number;
  /** Retries per second always allowed (a reserve for low traffic). Default 10. */
  minRetriesPerSecond?: number;
  /** Window length in seconds. Default 10. */
  window?: Duration;
  /** Buckets in the window. Default 10. */
  buckets?: number;
}

const DEPOSITS = 0;
const WITHDRAWALS = 1;

/**
 * Ratio retry budget (Finagle's RetryBudget): over the last `window` seconds, retries (and hedges) may be at most
 * `ratio` x first attempts + `minRetriesPerSecond` x `window`. First attempts are always sent and deposit.
 */
export class RatioBudget extends BudgetBase implements Budget {
  readonly type = "ratio" as const;
  private readonly ratio: number;
  private readonly reserve: number;
  private readonly win: BucketWindow;

  constructor(config: RatioBudgetConfig, clock: Clock, path = "budget") {
    super();
    this.ratio = num(`${path}.ratio`, config.ratio, { fallback: 0.2, min: 0, max: 1 });
    const perSecond = num(`${path}.minRetriesPerSecond`, config.minRetriesPerSecond, {
      fallback: 10,
      min: 0,
    });
    const { span, buckets } = windowFields(path, config, { window: 10, buckets: 10 });
    this.reserve = perSecond * span;
    this.win = new BucketWindow(clock, span, buckets, 2);
  }

  /** Retries that may be sent now (never negative). */
  get available(): number {
    const a = this.capacity - this.win.sum(WITHDRAWALS);
    return Math.max(a, 0);
  }

  /** Retries the window allows in total: ratio x deposits + reserve. */
  get capacity(): number {
    return this.ratio * this.win.sum(DEPOSITS) + this.reserve;
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
    // Outcomes do not change a ratio budget.
  }

  onFailure(): void {
    // Outcomes do not change a ratio budget.
  }
}
