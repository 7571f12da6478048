import { num } from "../config.js";
import { Cause, isFailure } from "../Outcome.js";
import type { Budget } from "./Budget.js";
import { BudgetBase } from "./BudgetBase.js";

/** gRPC retry throttling (A6), per target. */
export interface GrpcThrottleConfig {
  type: "grpc";
  /** Token capacity and start value, in (0, 1000]. */
  maxTokens: number;
  /** Tokens a success adds, in (0, 1], kept to 3 decimals as gRPC does. */
  tokenRatio: number;
}

/**
 * gRPC retry throttling: tokens start at maxTokens; every failed attempt takes 1 (floor 0); every success adds
 * tokenRatio (ceiling maxTokens); retries and hedges are sent only while tokens > maxTokens / 2. First attempts are
 * always sent. Kept in integer milli-tokens like gRPC, so there is no rounding drift.
 */
export class GrpcRetryThrottle extends BudgetBase implements Budget {
  readonly type = "grpc" as const;
  private readonly max: number;
  private readonly ratio: number;
  private milli: number;

  constructor(config: GrpcThrottleConfig, path = "budget") {
    super();
    const maxTokens = num(`${path}.maxTokens`, config.maxTokens, { min: 0, exclusiveMin: true, max: 1000 });
    const ratio = num(`${path}.tokenRatio`, config.tokenRatio, { min: 0, exclusiveMin: true, max: 1 });
    this.max = Math.round(maxTokens * 1000);
    this.ratio = Math.max(1, Math.round(ratio * 1000));
    this.milli = this.max;
  }

  /** Current tokens. */
  get available(): number {
    return this.milli / 1000;
  }

  get capacity(): number {
    return this.max / 1000;
  }

  tryAcquire(cause: number = Cause.FIRST): boolean {
    if (cause === Cause.FIRST) return this.decide(true, cause);
    return this.decide(this.milli * 2 > this.max, cause);
  }

  onSuccess(): void {
    this.milli = Math.min(this.max, this.milli + this.ratio);
  }

  onFailure(outcome: number): void {
    if (isFailure(outcome)) this.milli = Math.max(0, this.milli - 1000);
  }
}
