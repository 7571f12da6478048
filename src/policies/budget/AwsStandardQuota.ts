import { num } from "../config.js";
import { Cause, Outcome } from "../Outcome.js";
import type { Budget } from "./Budget.js";
import { BudgetBase } from "./BudgetBase.js";

/** AWS SDK "standard" retry mode quota, per client. Pair it with maxAttempts 3 and backoff
 * `{ type: "exponential", base: 1, cap: 20, jitter: "full" }` to get the whole standard mode. */
export interface AwsStandardConfig {
  type: "aws-standard";
  /** Quota capacity and start value. Default 500. */
  quota?: number;
  /** Cost of a retry. Default 5. */
  retryCost?: number;
  /** Cost of a retry after a timeout or transient error. Default 10. */
  timeoutRetryCost?: number;
  /** What a success without retry puts back. Default 1. */
  noRetryIncrement?: number;
}

/**
 * AWS SDK standard retry quota: a retry costs `retryCost` (5), or `timeoutRetryCost` (10) after a timeout or transient
 * error; no quota, no retry. A successful retry refunds what it took; a success on a first attempt adds
 * `noRetryIncrement` (1). Never above `quota`. First attempts are always sent.
 */
export class AwsStandardQuota extends BudgetBase implements Budget {
  readonly type = "aws-standard" as const;
  readonly capacity: number;
  private readonly cost: number;
  private readonly timeoutCost: number;
  private readonly increment: number;
  private q: number;

  constructor(config: AwsStandardConfig, path = "budget") {
    super();
    this.capacity = num(`${path}.quota`, config.quota, { fallback: 500, min: 0 });
    this.cost = num(`${path}.retryCost`, config.retryCost, { fallback: 5, min: 0 });
    this.timeoutCost = num(`${path}.timeoutRetryCost`, config.timeoutRetryCost, { fallback: 10, min: 0 });
    this.increment = num(`${path}.noRetryIncrement`, config.noRetryIncrement, { fallback: 1, min: 0 });
    this.q = this.capacity;
  }

  get available(): number {
    return this.q;
  }

  /** What a retry with `cause` costs. */
  costOf(cause: number): number {
    return cause === Outcome.TIMEOUT || cause === Outcome.TRANSIENT ? this.timeoutCost : this.cost;
  }

  tryAcquire(cause: number = Cause.FIRST): boolean {
    if (cause === Cause.FIRST) return this.decide(true, cause);
    const c = this.costOf(cause);
    if (c > this.q) return this.decide(false, cause);
    this.q -= c;
    return this.decide(true, cause);
  }

  onSuccess(cause: number = Cause.FIRST): void {
    const refund = cause === Cause.FIRST ? this.increment : this.costOf(cause);
    this.q = Math.min(this.capacity, this.q + refund);
  }

  onFailure(): void {
    // Failures cost nothing by themselves: the retry they lead to pays.
  }
}
