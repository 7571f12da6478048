import { type Disposable, Listeners } from "../Listeners.js";
import type { BudgetCounters } from "./Budget.js";

/** Shared plumbing of the budgets: counters and the reject event. */
export abstract class BudgetBase {
  readonly counters: BudgetCounters = { granted: 0, rejected: 0 };
  private readonly rejectListeners = new Listeners<(cause: number) => void>();

  onReject(fn: (cause: number) => void): Disposable {
    return this.rejectListeners.on(fn);
  }

  /** Records a decision and returns it. */
  protected decide(ok: boolean, cause: number): boolean {
    if (ok) this.counters.granted++;
    else {
      this.counters.rejected++;
      if (this.rejectListeners.size > 0) this.rejectListeners.emit(cause);
    }
    return ok;
  }
}
