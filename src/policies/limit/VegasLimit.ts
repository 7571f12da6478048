import type { Rng } from "../../core/Rng.js";
import type { Limiter } from "./Limiter.js";
import { LimiterBase } from "./LimiterBase.js";

/** max(1, floor(log10(L))). */
function lg(limit: number): number {
  return Math.max(1, Math.floor(Math.log10(limit)));
}

/**
 * Vegas concurrency limit (Netflix concurrency-limits): rttNoLoad = the minimum rtt, re-probed every
 * probeMultiplier x L x U(0.5, 1) samples; queue = ceil(L (1 - rttNoLoad / rtt)); with lg = max(1, floor(log10 L)):
 * a drop gives L - lg; 2 x inflight < L leaves L; queue <= lg gives L + 6 lg; queue < 3 lg gives L + lg;
 * queue > 6 lg gives L - lg. Clamped to [1, maxLimit], then smoothed: L = (1 - smoothing) L + smoothing L'.
 */
export class VegasLimit extends LimiterBase implements Limiter {
  readonly type = "vegas" as const;
  /** The no-load rtt estimate in seconds (0 = none yet). */
  rttNoLoad = 0;
  private probeCount = 0;
  private probeJitter: number;

  constructor(
    private readonly rng: Rng,
    initialLimit = 20,
    readonly maxLimit = 1000,
    readonly smoothing = 1,
    readonly probeMultiplier = 30,
  ) {
    super(initialLimit);
    this.probeJitter = 0.5 + 0.5 * rng.next();
  }

  protected update(rtt: number, inflight: number, dropped: boolean): number {
    const l = this.limit;
    if (!(rtt > 0)) return l;
    this.probeCount++;
    if (this.probeCount >= this.probeJitter * this.probeMultiplier * l) {
      this.probeJitter = 0.5 + 0.5 * this.rng.next();
      this.probeCount = 0;
      this.rttNoLoad = rtt;
      return l;
    }
    if (this.rttNoLoad === 0 || rtt < this.rttNoLoad) {
      this.rttNoLoad = rtt;
      return l;
    }
    const queue = Math.ceil(l * (1 - this.rttNoLoad / rtt));
    const g = lg(l);
    let next: number;
    if (dropped) next = l - g;
    else if (inflight * 2 < l) return l;
    else if (queue <= g) next = l + 6 * g;
    else if (queue < 3 * g) next = l + g;
    else if (queue > 6 * g) next = l - g;
    else return l;
    next = Math.max(1, Math.min(this.maxLimit, next));
    return (1 - this.smoothing) * l + this.smoothing * next;
  }
}
