import type { ControlPlaneInput } from "../failover/FailoverSpec.js";

/** A secondary region's launch control plane, resolved (seconds). */
export interface ControlPlane {
  readonly region: string;
  /** Launches in progress at once (servers of the generated service). */
  readonly concurrency: number;
  /** Mean time of one launch, seconds (exponential service time). */
  readonly launchTimeSeconds: number;
  /** Launch requests waiting before the API throttles (answers at once with an error). */
  readonly queueLimit: number;
  /** The launching clients' timeout of one request, seconds. */
  readonly timeoutSeconds: number;
  /**
   * Instances the region's capacity pool can still launch for the sector (the generated service's `stock`): once
   * they are gone, launches fail at once ("insufficient capacity") and the firms keep retrying. Null: unlimited.
   */
  readonly capacity: number | null;
}

/**
 * Default control plane of a secondary region (assumptions, docs/blast.md "stampede sector"): 20 launches at once
 * of 30 s each (40 launches per minute for the whole region, shared by every firm failing over into it), 100 launch
 * requests queued before throttling, a 5-minute client timeout, an unlimited capacity pool. They are illustrative
 * orders of magnitude, not published figures: no provider publishes its regional launch rate or spare capacity, so
 * a finite pool is declared (side file `capacity`, `--control-plane REGION:capacity=N`), never assumed.
 */
export const DEFAULT_CONTROL_PLANE: Omit<ControlPlane, "region"> = {
  concurrency: 20,
  launchTimeSeconds: 30,
  queueLimit: 100,
  timeoutSeconds: 300,
  capacity: null,
};

/** The control plane of `region`: the side files' declaration (the first one wins), else the defaults. */
export function controlPlaneOf(region: string, declared: readonly ControlPlaneInput[]): ControlPlane {
  const d = declared.find((c) => c.region === region);
  return {
    region,
    concurrency: d?.concurrency ?? DEFAULT_CONTROL_PLANE.concurrency,
    launchTimeSeconds: d?.launchTimeSeconds ?? DEFAULT_CONTROL_PLANE.launchTimeSeconds,
    queueLimit: d?.queueLimit ?? DEFAULT_CONTROL_PLANE.queueLimit,
    timeoutSeconds: d?.timeoutSeconds ?? DEFAULT_CONTROL_PLANE.timeoutSeconds,
    capacity: d?.capacity ?? DEFAULT_CONTROL_PLANE.capacity,
  };
}
