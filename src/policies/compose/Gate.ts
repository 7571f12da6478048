import type { Budget } from "../budget/Budget.js";
import type { Limiter } from "../limit/Limiter.js";
import { Cause, Outcome } from "../Outcome.js";

/**
 * The common shape of an admission policy: `allow()` before a call, `record(outcome, latencySeconds)` after an
 * allowed one. A CircuitBreaker is a Gate; `limiterGate` and `budgetGate` adapt the others; `wrap` composes them.
 * `record(Outcome.CANCELLED, 0)` hands back what `allow` took without judging the callee.
 */
export interface Gate {
  allow(): boolean;
  record(outcome: number, latency: number): void;
}

/** A limiter as a Gate: TIMEOUT and THROTTLED count as drops; CANCELLED frees the slot without a sample. */
export function limiterGate(limiter: Limiter): Gate {
  return {
    allow: () => limiter.acquire(),
    record: (outcome, latency) => {
      if (outcome === Outcome.CANCELLED) limiter.release(Number.NaN, false);
      else limiter.release(latency, outcome === Outcome.TIMEOUT || outcome === Outcome.THROTTLED);
    },
  };
}

/** A budget or throttle as a Gate over first attempts (use the Budget protocol directly for retries). */
export function budgetGate(budget: Budget): Gate {
  return {
    allow: () => budget.tryAcquire(Cause.FIRST),
    record: (outcome) => {
      if (outcome === Outcome.SUCCESS) budget.onSuccess(Cause.FIRST);
      else budget.onFailure(outcome, Cause.FIRST);
    },
  };
}
