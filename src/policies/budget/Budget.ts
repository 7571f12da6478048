import type { Disposable } from "../Listeners.js";

/** Counters an OpenTelemetry observable instrument can read (plain numbers, monotonic). */
export interface BudgetCounters {
  /** Attempts admitted by `tryAcquire`. */
  granted: number;
  /** Attempts refused by `tryAcquire`. */
  rejected: number;
}

/**
 * A retry budget or client-side throttle. Protocol, the same for every implementation:
 * 1. before every attempt call `tryAcquire(cause)` with `Cause.FIRST`, `Cause.HEDGE` or the outcome code of the
 *    attempt being retried; `false` means "do not send" (a permit is taken only on `true`);
 * 2. when that attempt ends call `onSuccess(cause)` or `onFailure(outcome, cause)` with the same `cause`.
 * Retry budgets (grpc, aws-standard, envoy, ratio, finagle) always admit first attempts; throttles (sre-adaptive,
 * aws-adaptive) may refuse any attempt. Every hot method is synchronous and allocation-free.
 */
export interface Budget {
  /** The config `type` this budget implements. */
  readonly type: BudgetType;
  /** May an attempt with `cause` be sent now? Takes the permit when true. */
  tryAcquire(cause?: number): boolean;
  /** An attempt admitted with `cause` succeeded. */
  onSuccess(cause?: number): void;
  /** An attempt admitted with `cause` ended with `outcome` (a failure, timeout, throttle, cancellation...). */
  onFailure(outcome: number, cause?: number): void;
  /** What is left now (tokens, quota, permits, or 1 - rejection probability); always in [0, capacity]. */
  readonly available: number;
  /** The most `available` can be. */
  readonly capacity: number;
  readonly counters: BudgetCounters;
  /** Listens to refusals: `fn(cause)`. */
  onReject(fn: (cause: number) => void): Disposable;
}

export type BudgetType =
  | "none"
  | "grpc"
  | "aws-standard"
  | "envoy"
  | "ratio"
  | "finagle"
  | "sre-adaptive"
  | "aws-adaptive";
