import type { BackoffConfig } from "../policies/backoff/Backoff.js";
import type { BudgetConfig } from "../policies/budget/makeBudget.js";
import type { DistributionSpec } from "./DistributionSpec.js";

/**
 * Leases a service holds on resources (hosts, partitions), each carrying `1 / count` of the resource service's
 * servers. A held lease is renewed every `renewEvery` through the dependency `via`; a renewal that cannot reach it
 * fails, and a lease not renewed for its `ttl` lapses, taking its share of the resource's capacity with it. A lapsed
 * lease is re-established by queued work on the holder's own servers (`work`), which must reach `via` when it ends;
 * a re-establishment not done within `timeout` of its queuing is abandoned (its work, if started, still runs: wasted)
 * and queued again after `requeue` (a backoff) if `budget` admits it.
 */
export interface LeasesSpec {
  /** Leases held (resources), at least 1; all held at time 0. */
  count: number;
  /** Lifetime of a lease after each renewal or re-establishment, seconds: a distribution drawn per lease and renewal. */
  ttl: DistributionSpec;
  /** Renewal period, seconds (> 0). */
  renewEvery: number;
  /** Key of the holder's dependency that renewals and re-establishments go through. */
  via: string;
  /** The service whose capacity the leases carry. Default: the holder itself. */
  resource?: string;
  /** Server time of one re-establishment on the holder, seconds (stream service/<name>/leases/work). */
  work: DistributionSpec;
  /** A re-establishment not finished this long after it was queued is abandoned and queued again, seconds. */
  timeout: number;
  /**
   * A lapsed lease is queued for re-establishment only at a renewal tick at which `via` is reachable (without its
   * error rate), and an attempt that ends with `via` unreachable waits for it again instead of being re-queued.
   * Default false: queued at once, whatever `via`'s state.
   */
  waitForVia: boolean;
  /** Delay before an abandoned or failed re-establishment is queued again. Default none (at once). */
  requeue?: BackoffConfig;
  /** Budget that re-queues draw on (each re-queue is a retry; successes earn). Default none (unlimited). */
  budget?: BudgetConfig;
}
