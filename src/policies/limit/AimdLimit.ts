import type { Limiter } from "./Limiter.js";
import { LimiterBase } from "./LimiterBase.js";

/**
 * AIMD concurrency limit (Netflix concurrency-limits): on a drop or an rtt above `timeout` seconds,
 * L = floor(backoffRatio x L); otherwise, when 2 x inflight >= L, L += 1; clamped to [minLimit, maxLimit].
 */
export class AimdLimit extends LimiterBase implements Limiter {
  readonly type = "aimd" as const;

  constructor(
    initialLimit = 20,
    readonly minLimit = 1,
    readonly maxLimit = 1000,
    readonly backoffRatio = 0.9,
    /** Rtt (seconds) above which a sample counts as a drop. Default Infinity. */
    readonly timeout = Number.POSITIVE_INFINITY,
  ) {
    super(initialLimit);
  }

  protected update(rtt: number, inflight: number, dropped: boolean): number {
    let l = this.limit;
    if (dropped || rtt > this.timeout) l = Math.floor(l * this.backoffRatio);
    else if (inflight * 2 >= l) l = l + 1;
    return Math.min(this.maxLimit, Math.max(this.minLimit, l));
  }
}
