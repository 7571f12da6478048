import type { Clock } from "../core/Clock.js";
import type { Rng } from "../core/Rng.js";
import type { Budget } from "../policies/budget/Budget.js";
import { type BudgetConfig, makeBudget } from "../policies/budget/makeBudget.js";
import { Cause, Outcome } from "../policies/Outcome.js";

/**
 * A budget that connection set-ups must acquire (`fleets.F.connection.budget`), one per client (like the retry
 * budget). A set-up right after a tear-down asks with `Cause.FIRST` (retry budgets always admit it); a set-up after a
 * failed or refused one asks with `Outcome.TIMEOUT`, as a retry. The budget hears how each admitted set-up ended
 * (success; timeout; cancelled when the connection is reset under it). A refused set-up is not sent: the client waits
 * for its reconnect backoff (the setup timeout when the backoff is zero) and asks again.
 */
export class SetupGate {
  private readonly budgets: Budget[];
  /** Per client: 0 none, else 1 + the cause of the admitted set-up in flight (the budget has not heard its end). */
  private readonly held: Int8Array;
  /** Set-ups refused by the budget, this interval and over the run. */
  refused = 0;
  totalRefused = 0;

  constructor(clients: number, config: BudgetConfig, clock: Clock, rng: Rng, path: string) {
    this.budgets = Array.from({ length: clients }, () => makeBudget(config, clock, rng, path));
    this.held = new Int8Array(clients);
  }

  /** May client `c` start a set-up now (`retry`: an earlier one failed or was refused)? */
  acquire(c: number, retry: boolean): boolean {
    const cause = retry ? Outcome.TIMEOUT : Cause.FIRST;
    if (!this.budgets[c]!.tryAcquire(cause)) {
      this.refused++;
      return false;
    }
    this.held[c] = cause + 1;
    return true;
  }

  /** Client `c`'s admitted set-up ended (`ok`: connected; else timed out), or was cancelled (`cancelled`). */
  ended(c: number, ok: boolean, cancelled = false): void {
    const h = this.held[c]!;
    if (h === 0) return;
    this.held[c] = 0;
    const b = this.budgets[c]!;
    if (ok) b.onSuccess(h - 1);
    else b.onFailure(cancelled ? Outcome.CANCELLED : Outcome.TIMEOUT, h - 1);
  }

  roll(): void {
    this.totalRefused += this.refused;
    this.refused = 0;
  }
}
