import type { BreakerConfig } from "../policies/breaker/BreakerConfig.js";
import type { BudgetConfig } from "../policies/budget/makeBudget.js";
import type { RetryConfig } from "../policies/retry/RetryPolicy.js";
import type { PoolSpec } from "./PoolSpec.js";

/** A call a service makes to another service while it handles a request (the server is held while it waits). */
export interface DependencySpec {
  service: string;
  /** Hard (default): the request fails when this call fails. Soft: it goes on without it. */
  hard: boolean;
  /** Per-attempt timeout of the call, seconds. */
  timeout: number;
  /** Retry policy of the call (policies library config). Default: a single attempt. */
  retry?: RetryConfig;
  /** Retry budget or throttle of the call, shared by the whole calling service. Default none. */
  budget?: BudgetConfig;
  /** Circuit breaker of the call, shared by the whole calling service (an open breaker fails the call locally). */
  breaker?: BreakerConfig;
  /** Connection pool, `size` per server of the calling service (shared by its servers). Default: none. */
  pool?: PoolSpec;
  /** Links the call crosses, overriding the route derived from the networks. */
  via?: string[];
}
