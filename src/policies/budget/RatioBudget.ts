import type { Clock } from "../../core/Clock.js";
import type { Duration } from "../../core/parseDuration.js";
import { num, windowFields } from "../config.js";
import { WindowedRetryBudget } from "./WindowedRetryBudget.js";

/** Finagle / SRE-book retry budget over a sliding window. */
export interface RatioBudgetConfig {
  type: "ratio";
  /** Retries allowed per first attempt in the window, in [0, 1]. Default 0.2 (20%). */
  ratio?: number;
  /** Retries per second always allowed (a reserve for low traffic). Default 10. */
  minRetriesPerSecond?: number;
  /** Window length in seconds. Default 10. */
  window?: Duration;
  /** Buckets in the window. Default 10. */
  buckets?: number;
}

/**
 * Ratio retry budget (Finagle's RetryBudget): over the last `window` seconds, retries (and hedges) may be at most
 * `ratio` x first attempts + `minRetriesPerSecond` x `window`. First attempts are always sent and deposit.
 */
export class RatioBudget extends WindowedRetryBudget {
  readonly type = "ratio" as const;

  constructor(config: RatioBudgetConfig, clock: Clock, path = "budget") {
    const ratio = num(`${path}.ratio`, config.ratio, { fallback: 0.2, min: 0, max: 1 });
    const perSecond = num(`${path}.minRetriesPerSecond`, config.minRetriesPerSecond, {
      fallback: 10,
      min: 0,
    });
    const { span, buckets } = windowFields(path, config, { window: 10, buckets: 10 });
    super(clock, ratio, perSecond * span, span, buckets);
  }
}
