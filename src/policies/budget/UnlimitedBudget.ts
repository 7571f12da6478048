import type { Budget } from "./Budget.js";
import { BudgetBase } from "./BudgetBase.js";

/** `{ type: "none" }`: no budget, every attempt is admitted (the default of most clients, and of storms). */
export interface NoBudgetConfig {
  type: "none";
}

/** A budget that admits everything. */
export class UnlimitedBudget extends BudgetBase implements Budget {
  readonly type = "none" as const;
  readonly available = Number.POSITIVE_INFINITY;
  readonly capacity = Number.POSITIVE_INFINITY;

  tryAcquire(cause = 0): boolean {
    return this.decide(true, cause);
  }

  onSuccess(): void {}

  onFailure(): void {}
}
