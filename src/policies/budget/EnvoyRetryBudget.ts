import { num } from "../config.js";
import { Cause } from "../Outcome.js";
import type { Budget } from "./Budget.js";
import { BudgetBase } from "./BudgetBase.js";

/** Envoy's retry budget (cluster circuit_breakers.thresholds.retry_budget). */
export interface EnvoyBudgetConfig {
  type: "envoy";
  /** Share of active requests that may be retries, in percent. Default 20. */
  budgetPercent?: number;
  /** Concurrent retries always allowed. Default 3. */
  minRetryConcurrency?: number;
}

/**
 * Envoy retry budget: concurrent retries (and hedges) <= max(minRetryConcurrency, budgetPercent% of the active
 * attempts). Every admitted attempt is active until `onSuccess`/`onFailure`. First attempts are always sent.
 */
export class EnvoyRetryBudget extends BudgetBase implements Budget {
  readonly type = "envoy" as const;
  private readonly fraction: number;
  private readonly minConcurrency: number;
  /** Attempts in flight (first attempts and retries). */
  active = 0;
  /** Retries and hedges in flight. */
  activeRetries = 0;

  constructor(config: EnvoyBudgetConfig, path = "budget") {
    super();
    this.fraction =
      num(`${path}.budgetPercent`, config.budgetPercent, { fallback: 20, min: 0, max: 100 }) / 100;
    this.minConcurrency = num(`${path}.minRetryConcurrency`, config.minRetryConcurrency, {
      fallback: 3,
      min: 0,
      integer: true,
    });
  }

  /** Concurrent retries allowed now. */
  get capacity(): number {
    const share = this.fraction * this.active;
    return Math.max(share, this.minConcurrency);
  }

  get available(): number {
    const a = this.capacity - this.activeRetries;
    return Math.max(a, 0);
  }

  tryAcquire(cause: number = Cause.FIRST): boolean {
    if (cause === Cause.FIRST) {
      this.active++;
      return this.decide(true, cause);
    }
    if (this.activeRetries + 1 > this.capacity) return this.decide(false, cause);
    this.active++;
    this.activeRetries++;
    return this.decide(true, cause);
  }

  onSuccess(cause: number = Cause.FIRST): void {
    this.end(cause);
  }

  onFailure(_outcome: number, cause: number = Cause.FIRST): void {
    this.end(cause);
  }

  private end(cause: number): void {
    if (this.active > 0) this.active--;
    if (cause !== Cause.FIRST && this.activeRetries > 0) this.activeRetries--;
  }
}
