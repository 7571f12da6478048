import type { Clock } from "../../core/Clock.js";
import { BucketWindow } from "../BucketWindow.js";
import { Cause } from "../Outcome.js";
import type { Budget } from "./Budget.js";
import { BudgetBase } from "./BudgetBase.js";

const DEPOSITS = 0;
const WITHDRAWALS = 1;

/**
 * The one time-bucketed retry budget (Finagle's rule), shared by `ratio` and `finagle`: every first attempt deposits
 * `perRequest` of a retry into a window of `span` seconds kept in `buckets` buckets; every retry or hedge withdraws
 * one and is refused when less than one is left; a reserve of `reserve` retries never expires. First attempts are
 * always sent; outcomes do not matter (a budget is not a breaker). Subclasses only read their own config fields.
 */
export abstract class WindowedRetryBudget extends BudgetBase implements Budget {
  abstract readonly type: Budget["type"];
  private readonly win: BucketWindow;

  constructor(
    clock: Clock,
    /** Retries one first attempt pays for. */
    private readonly perRequest: number,
    /** Retries always allowed over the window (per-second reserve x span). */
    private readonly reserve: number,
    /** Window length, seconds. */
    span: number,
    /** Buckets in the window. */
    buckets: number,
  ) {
    super();
    this.win = new BucketWindow(clock, span, buckets, 2);
  }

  /** Retries that may be sent now (never negative). */
  get available(): number {
    const a = this.capacity - this.win.sum(WITHDRAWALS);
    return Math.max(a, 0);
  }

  /** Retries the window allows in total: perRequest x live deposits + reserve. */
  get capacity(): number {
    return this.perRequest * this.win.sum(DEPOSITS) + this.reserve;
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
