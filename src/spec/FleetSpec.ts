import type { BackoffConfig } from "../policies/backoff/Backoff.js";
import type { BreakerConfig } from "../policies/breaker/BreakerConfig.js";
import type { BudgetConfig } from "../policies/budget/makeBudget.js";
import type { RetryConfig } from "../policies/retry/RetryPolicy.js";
import type { ArrivalsSpec } from "./ArrivalsSpec.js";
import type { DistributionSpec } from "./DistributionSpec.js";
import type { PoolSpec } from "./PoolSpec.js";

export type LoadSpec =
  /** Open loop: each client sends first attempts as a Poisson process of `rate` per second. */
  | { type: "open"; rate: number; arrivals?: ArrivalsSpec }
  /** Closed loop: each client waits for its request to end, then thinks for `think` seconds. */
  | { type: "closed"; think: DistributionSpec };

export interface ConnectionSpec {
  /** Persistent connections must be set up through every device on the route before requests flow. */
  persistent: boolean;
  /** Timeout of one setup attempt, seconds. */
  setupTimeout: number;
  /** Backoff between consecutive failed setup attempts (policies library backoff config). */
  reconnect: BackoffConfig;
  /**
   * A request issued while its client's connection is down: `queue` waits for the connection with its timeout running
   * (the default), `fail` fails at once without being sent (counted as refused; the retry policy sees a failure),
   * `wait` waits for the connection with its timeout not running (it starts, in full, when the request is sent).
   * Default: `queue`.
   */
  whileDisconnected?: "queue" | "fail" | "wait";
  /**
   * A budget (policies library budget config) that every connection set-up must acquire, one per client: the set-up
   * right after a tear-down asks as a first attempt, later ones as retries; a refused set-up is not sent and waits
   * for the reconnect backoff (at least `setupTimeout`). Default: none (every set-up goes out).
   */
  budget?: BudgetConfig;
}

/** Request criticality as a scenario writes it (the policies' `Criticality` levels 0..3, in this order). */
export type FleetCriticality = "critical-plus" | "critical" | "sheddable-plus" | "sheddable";
/** The policies library's criticality level (0 most critical) of each scenario name. */
export const CRITICALITY_LEVELS: Readonly<Record<FleetCriticality, number>> = {
  "critical-plus": 0,
  critical: 1,
  "sheddable-plus": 2,
  sheddable: 3,
};

export interface FleetSpec {
  description?: string;
  network: string;
  /** The service this fleet calls. */
  target: string;
  clients: number;
  load: LoadSpec;
  /** Per-attempt timeout, seconds. */
  timeout: number;
  /** Retry policy (policies library config): max attempts, backoff, jitter. */
  retry: RetryConfig;
  budget?: BudgetConfig;
  breaker?: BreakerConfig;
  connection?: ConnectionSpec;
  /** Fixed work: each client makes `requests` requests and stops (closed loads). Default: none. */
  work?: { requests: number };
  /** Client connection pool, per client. Default: none (no limit on attempts in flight). */
  pool?: PoolSpec;
  /** Each attempt's timeout is drawn from this distribution (seconds) instead of being `timeout`. */
  timeoutDistribution?: DistributionSpec;
  /** The delay before each retry is drawn from this (seconds) instead of the retry policy's backoff. */
  retryDelay?: DistributionSpec;
  /** Retrial persistence: probability of retrying after attempt k (item k-1, the last repeats). Default 1. */
  persistence?: { error: number[]; timeout: number[] };
  /** Traffic class, for operators' reroute actions. Default: the fleet's name. */
  trafficClass: string;
  /**
   * Criticality of the fleet's requests, most critical first; the dependency calls made for a request carry it on.
   * Only a `criticality` queue discipline reads it. Default "critical".
   */
  criticality: FleetCriticality;
  /** Links crossed, overriding the route derived from the networks. */
  via?: string[];
}
