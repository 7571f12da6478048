export interface VerdictSpec {
  /** Fleets whose successes make goodput. Default: all fleets. */
  goodputFleets: string[];
  /** Goodput baseline window before the trigger, seconds. Default 600. */
  baselineWindow: number;
  /** Recovered when goodput >= this share of baseline... Default 0.9. */
  recoveredRatio: number;
  /** ...for this long, seconds. Default 300. */
  recoveredFor: number;
  /** Metastable when goodput is still below this share... Default 0.5. */
  metastableRatio: number;
  /** ...this long after the trigger ended, seconds. Default 1800. */
  metastableAfter: number;
  /**
   * ...averaged over this window from `triggerEnd + metastableAfter`, seconds. Default 60. A run that ends before the
   * window does is undetermined (`metastable: null`).
   */
  metastableWindow: number;
  /** The recovery test judges goodput on sliding means over this window, seconds. Default 60. */
  smoothing: number;
  /**
   * A run whose goodput never falls under this share of baseline after the trigger started is stable (`verdict.stable`,
   * the sweep's phase `stable`). Default 0.5.
   */
  stableRatio: number;
  /** A service is out in an interval where its success ratio is below this. Default 0.5. */
  outageRatio: number;
}
