import type { Clock } from "../../core/Clock.js";
import { num } from "../config.js";
import { Outcome } from "../Outcome.js";
import type { Budget } from "./Budget.js";
import { BudgetBase } from "./BudgetBase.js";

/** AWS SDK "adaptive" retry mode: a client-side send-rate limiter driven by throttling responses. */
export interface AwsAdaptiveConfig {
  type: "aws-adaptive";
  /** Multiplicative decrease on a throttle. Default 0.7. */
  beta?: number;
  /** CUBIC scale constant. Default 0.4. */
  scale?: number;
  /** Lowest send rate in attempts per second. Default 0.5. */
  minRate?: number;
  /** Weight of the newest measurement in the smoothed send rate. Default 0.8. */
  smooth?: number;
}

/**
 * AWS adaptive rate limiter: off until the first throttle; then a token bucket whose fill rate follows CUBIC: on a
 * throttle rate = beta x rate (beta 0.7), otherwise rate = scale x (t - K)^3 + Wmax, K = cbrt((1 - beta) Wmax / scale),
 * t seconds since the last throttle, capped at twice the measured send rate, floor `minRate` (0.5/s). `tryAcquire`
 * takes a token or refuses; `delayUntilToken()` says how long a blocking client (the SDK) would sleep.
 */
export class AwsAdaptiveRateLimiter extends BudgetBase implements Budget {
  readonly type = "aws-adaptive" as const;
  private readonly beta: number;
  private readonly scale: number;
  private readonly minRate: number;
  private readonly smooth: number;
  /** True once the first throttle was seen. */
  enabled = false;
  /** Token fill rate in attempts per second. */
  fillRate = 0;
  private maxCapacity = 0;
  private tokens = 0;
  private lastRefill: number;
  /** Smoothed measured send rate (attempts per second). */
  measuredRate = 0;
  private lastRateBucket: number;
  private bucketCount = 0;
  /** Wmax: the rate at the last throttle. */
  lastMaxRate = 0;
  private lastThrottle: number;
  private timeWindow = 0;

  constructor(
    config: AwsAdaptiveConfig,
    private readonly clock: Clock,
    path = "budget",
  ) {
    super();
    this.beta = num(`${path}.beta`, config.beta, { fallback: 0.7, min: 0, max: 1, exclusiveMin: true });
    this.scale = num(`${path}.scale`, config.scale, { fallback: 0.4, min: 0, exclusiveMin: true });
    this.minRate = num(`${path}.minRate`, config.minRate, { fallback: 0.5, min: 0, exclusiveMin: true });
    this.smooth = num(`${path}.smooth`, config.smooth, { fallback: 0.8, min: 0, max: 1 });
    const now = clock.now();
    this.lastRefill = now;
    this.lastThrottle = now;
    this.lastRateBucket = Math.floor(now * 2) / 2;
  }

  /** Tokens in the bucket (Infinity while disabled). */
  get available(): number {
    if (!this.enabled) return Number.POSITIVE_INFINITY;
    this.refill();
    return this.tokens;
  }

  get capacity(): number {
    return this.enabled ? this.maxCapacity : Number.POSITIVE_INFINITY;
  }

  /** Seconds until a token is available (0 when one is, or while disabled). */
  delayUntilToken(): number {
    if (!this.enabled) return 0;
    this.refill();
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.fillRate;
  }

  tryAcquire(cause = 0): boolean {
    if (!this.enabled) return this.decide(true, cause);
    this.refill();
    if (this.tokens < 1) return this.decide(false, cause);
    this.tokens -= 1;
    return this.decide(true, cause);
  }

  onSuccess(): void {
    this.update(false);
  }

  onFailure(outcome: number): void {
    this.update(outcome === Outcome.THROTTLED);
  }

  /** The CUBIC rate `seconds` after the last throttle (before the 2x-measured cap and the floor). */
  cubicRate(t: number): number {
    const x = t - this.lastThrottle - this.timeWindow;
    return this.scale * x * x * x + this.lastMaxRate;
  }

  private update(throttled: boolean): void {
    const now = this.clock.now();
    this.measure(now);
    let rate: number;
    if (throttled) {
      const base = this.enabled ? Math.min(this.measuredRate, this.fillRate) : this.measuredRate;
      this.lastMaxRate = base;
      this.timeWindow = Math.cbrt((base * (1 - this.beta)) / this.scale);
      this.lastThrottle = now;
      rate = base * this.beta;
      this.enabled = true;
    } else {
      this.timeWindow = Math.cbrt((this.lastMaxRate * (1 - this.beta)) / this.scale);
      rate = this.cubicRate(now);
    }
    const cap = 2 * this.measuredRate;
    if (rate > cap) rate = cap;
    this.refill();
    this.fillRate = Math.max(rate, this.minRate);
    this.maxCapacity = Math.max(rate, 1);
    if (this.tokens > this.maxCapacity) this.tokens = this.maxCapacity;
  }

  private measure(now: number): void {
    const bucket = Math.floor(now * 2) / 2;
    this.bucketCount++;
    if (bucket > this.lastRateBucket) {
      const current = this.bucketCount / (bucket - this.lastRateBucket);
      this.measuredRate = current * this.smooth + this.measuredRate * (1 - this.smooth);
      this.bucketCount = 0;
      this.lastRateBucket = bucket;
    }
  }

  private refill(): void {
    const now = this.clock.now();
    if (this.enabled) {
      const t = this.tokens + (now - this.lastRefill) * this.fillRate;
      this.tokens = Math.min(t, this.maxCapacity);
    }
    this.lastRefill = now;
  }
}
