import type { Budget } from "../budget/Budget.js";
import type { Limiter } from "../limit/Limiter.js";
import { Cause, Outcome } from "../Outcome.js";

/**
 * The common shape of an admission policy: `allow()` before a call, `record(outcome, latencySeconds)` after an
 * allowed one. A CircuitBreaker is a Gate; `limiterGate` and `budgetGate` adapt the others; `wrap` composes them.
 * `record(Outcome.CANCELLED, 0)` hands back what `allow` took without judging the callee.
 *
 * A gate may also be tagged: it has `admit()`, which returns a ticket (0 = refused, > 0 = admitted) that goes back
 * with the result as `record(outcome, latencySeconds, ticket)`, so the gate knows which admission the result
 * belongs to (a CircuitBreaker uses it to ignore results admitted before its last state change). `gateAdmit` and
 * `gateRecord` drive any gate, tagged or not.
 */
export interface Gate {
  allow(): boolean;
  /** `ticket`: what `admit()` returned, on a tagged gate; omit it after `allow()`. */
  record(outcome: number, latency: number, ticket?: number): void;
  /** Tagged admission (optional): 0 = refused, a positive integer = admitted; pass it to `record`. */
  admit?(): number;
}

/** Asks `gate` to admit a call: its `admit()` ticket when it is tagged, else 1 (allowed) or 0 (refused). */
export function gateAdmit(gate: Gate): number {
  if (gate.admit !== undefined) return gate.admit();
  return gate.allow() ? 1 : 0;
}

/** Records a result against a `gateAdmit` ticket: tagged when the gate has `admit`, untagged otherwise. */
export function gateRecord(gate: Gate, outcome: number, latency: number, ticket: number): void {
  if (gate.admit !== undefined) gate.record(outcome, latency, ticket);
  else gate.record(outcome, latency);
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
