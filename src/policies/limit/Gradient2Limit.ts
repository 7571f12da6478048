import type { Limiter } from "./Limiter.js";
import { LimiterBase } from "./LimiterBase.js";

const WARMUP = 10;

/**
 * Gradient2 concurrency limit (Netflix concurrency-limits): long = exponential average of rtt over ~`longWindow`
 * samples (a plain mean for the first 10), decayed by 5% whenever long / rtt > 2; no change while inflight < L / 2;
 * gradient g = clamp(rttTolerance x long / rtt, 0.5, 1); L = (1 - smoothing) L + smoothing (L g + queueSize),
 * clamped to [minLimit, maxLimit]. Like the original, drops are not a signal (the rtt is).
 */
export class Gradient2Limit extends LimiterBase implements Limiter {
  readonly type = "gradient2" as const;
  /** Long-term rtt average in seconds. */
  longRtt = 0;
  private samples = 0;
  private readonly factor: number;

  constructor(
    initialLimit = 20,
    readonly minLimit = 20,
    readonly maxLimit = 200,
    readonly smoothing = 0.2,
    readonly queueSize = 4,
    readonly longWindow = 600,
    readonly rttTolerance = 1.5,
  ) {
    super(initialLimit);
    this.factor = 2 / (longWindow + 1);
  }

  protected update(rtt: number, inflight: number): number {
    const l = this.limit;
    if (!(rtt > 0)) return l;
    this.samples++;
    if (this.samples <= WARMUP) this.longRtt += (rtt - this.longRtt) / this.samples;
    else this.longRtt = this.longRtt * (1 - this.factor) + rtt * this.factor;
    if (this.longRtt / rtt > 2) this.longRtt *= 0.95;
    if (inflight < l / 2) return l;
    const g = Math.max(0.5, Math.min(1, (this.rttTolerance * this.longRtt) / rtt));
    const next = l * (1 - this.smoothing) + (l * g + this.queueSize) * this.smoothing;
    return Math.max(this.minLimit, Math.min(this.maxLimit, next));
  }
}
