import type { Backoff } from "../policies/backoff/Backoff.js";
import type { Budget } from "../policies/budget/Budget.js";
import type { RetryPolicy } from "../policies/retry/RetryPolicy.js";

/** The policies a fleet's clients run, and those of a deployed fix (used by clients [0, fleet.fixed)). */
export interface FleetPolicies {
  retry: RetryPolicy;
  reconnect: Backoff;
  /** A fresh budget for client `c` (budgets are per client, like a gRPC channel's throttle). */
  budgetFor?: (c: number) => Budget;
  fixedRetry?: RetryPolicy;
  fixedReconnect?: Backoff;
}
