import type { Clock } from "../../core/Clock.js";
import type { Duration } from "../../core/parseDuration.js";
import type { Rng } from "../../core/Rng.js";
import { Backoff, type BackoffConfig } from "../backoff/Backoff.js";
import { configError, dur, num } from "../config.js";
import { type Disposable, Listeners } from "../Listeners.js";
import { OUTCOME_NAMES, Outcome, type OutcomeName } from "../Outcome.js";

/** Returned by `RetryPolicy.next` when no retry must be sent. */
export const STOP = -1;

/** Largest finite `maxAttempts`; anything more needs `unbounded: true`. */
export const MAX_BOUNDED_ATTEMPTS = 1000;

/** Why a retry policy gave up (second argument of `onGiveUp` listeners). */
export const GiveUpReason = {
  /** The outcome is not in `retryOn` (or the predicate said no). */
  NOT_RETRYABLE: 1,
  /** `maxAttempts` attempts were made. */
  MAX_ATTEMPTS: 2,
  /** The next attempt would start after the overall deadline. */
  DEADLINE: 3,
  /** The server's pushback was negative: do not retry. */
  PUSHBACK: 4,
} as const;

/** Plain-object retry configuration (durations in seconds, or strings such as `"500ms"`). */
export interface RetryConfig {
  /**
   * Total attempts including the first: required, an integer in [1, 1000]. `Infinity` is accepted only together with
   * `unbounded: true`, so an unbounded retry cannot be configured by accident.
   */
  maxAttempts: number;
  /** Explicit opt-in to `maxAttempts: Infinity` (the misbehaving clients of a storm). Default false. */
  unbounded?: boolean;
  /** Delay schedule. Default `{ type: "exponential", base: 0.1, cap: 60, jitter: "full" }`. */
  backoff?: BackoffConfig;
  /** Outcomes worth a retry. Default `["failure", "timeout", "throttled", "transient"]`. */
  retryOn?: OutcomeName[];
  /** Timeout of each attempt: seconds or a string such as `"2s"`. Default Infinity (none). */
  attemptTimeout?: Duration;
  /** Overall deadline from the first attempt's start: seconds or a string such as `"10s"`. Default Infinity (none). */
  deadline?: Duration;
}

/** Code-only options that have no place in a scenario file. */
export interface RetryOptions {
  /** Extra predicate on the outcome code, consulted after `retryOn`. */
  retryIf?: (outcome: number) => boolean;
}

export interface RetryCounters {
  /** Retries granted by `next`. */
  retries: number;
  /** Calls of `next` that returned STOP. */
  giveUps: number;
}

/**
 * Called when a retry is granted: the attempt that failed (1 = the first), the delay in seconds before the retry, the
 * failed attempt's Outcome code and what it threw (`execute` and `guardedFetch` pass the error; the simulator none).
 */
export type RetryListener = (attempt: number, delay: number, cause: number, error: unknown) => void;

/** Called when the policy stops: the last attempt, why (GiveUpReason), its Outcome code and what it threw. */
export type GiveUpListener = (attempt: number, reason: number, cause: number, error: unknown) => void;

const DEFAULT_RETRY_ON: OutcomeName[] = ["failure", "timeout", "throttled", "transient"];

/**
 * Retry decision core: immutable config, no per-request state (the caller keeps the attempt number, start time and
 * previous delay), so one instance serves a whole fleet. `next` is synchronous and allocation-free.
 */
export class RetryPolicy {
  readonly maxAttempts: number;
  readonly backoff: Backoff;
  /** Per-attempt timeout in seconds (Infinity = none). */
  readonly attemptTimeout: number;
  /** Overall deadline in seconds from the start (Infinity = none). */
  readonly deadline: number;
  readonly counters: RetryCounters = { retries: 0, giveUps: 0 };
  private readonly mask: number;
  private readonly retryIf: ((outcome: number) => boolean) | undefined;
  private readonly retryListeners = new Listeners<RetryListener>();
  private readonly giveUpListeners = new Listeners<GiveUpListener>();

  constructor(
    config: RetryConfig,
    private readonly clock: Clock,
    private readonly rng: Rng,
    options: RetryOptions = {},
    path = "retry",
  ) {
    if (typeof config !== "object" || config === null) configError(path, "must be an object");
    const unbounded = config.unbounded === true;
    this.maxAttempts = num(`${path}.maxAttempts`, config.maxAttempts, {
      min: 1,
      integer: true,
      allowInfinity: unbounded,
      max: unbounded ? Number.POSITIVE_INFINITY : MAX_BOUNDED_ATTEMPTS,
    });
    this.backoff = Backoff.from(
      config.backoff ?? { type: "exponential", base: 0.1, cap: 60, jitter: "full" },
      `${path}.backoff`,
    );
    this.attemptTimeout = dur(`${path}.attemptTimeout`, config.attemptTimeout, {
      fallback: Number.POSITIVE_INFINITY,
      min: 0,
      exclusiveMin: true,
      allowInfinity: true,
    });
    this.deadline = dur(`${path}.deadline`, config.deadline, {
      fallback: Number.POSITIVE_INFINITY,
      min: 0,
      exclusiveMin: true,
      allowInfinity: true,
    });
    const retryOn = config.retryOn ?? DEFAULT_RETRY_ON;
    if (!Array.isArray(retryOn)) configError(`${path}.retryOn`, "must be a list of outcome names");
    let mask = 0;
    retryOn.forEach((name, i) => {
      const code = (OUTCOME_NAMES as Record<string, number>)[name];
      if (code === undefined || code === Outcome.SUCCESS)
        configError(
          `${path}.retryOn[${i}]`,
          `must be one of failure, timeout, throttled, transient, fatal, cancelled, rejected; got ${JSON.stringify(name)}`,
        );
      mask |= 1 << code;
    });
    this.mask = mask;
    this.retryIf = options.retryIf;
  }

  /** True when an attempt that ended with `outcome` may be retried (ignoring attempts, deadline and budgets). */
  isRetryable(outcome: number): boolean {
    if ((this.mask & (1 << outcome)) === 0) return false;
    return this.retryIf === undefined || this.retryIf(outcome);
  }

  /**
   * Decides about the retry after attempt number `attempt` (1 = the first attempt just failed) ended with `cause`.
   * Returns the delay in seconds before the retry, or `STOP` (-1): not retryable, `maxAttempts` reached, a negative
   * `pushback`, or the retry would start at or after `startedAt + deadline`.
   *
   * @param startedAt clock time (seconds) of the request's first attempt; NaN (default) skips the deadline check.
   * @param previous the delay this request waited before its last retry (for decorrelated jitter); default -1 (none).
   * @param pushback server pushback in seconds (gRPC `grpc-retry-pushback-ms`, HTTP Retry-After): >= 0 replaces the
   *   backoff, < 0 forbids retrying; NaN (default) means none.
   * @param error what the failed attempt threw (an Error, an HTTP answer's error...), handed unchanged to the
   *   `onRetry` and `onGiveUp` listeners; default undefined (the simulator passes none).
   */
  next(
    attempt: number,
    cause: number = Outcome.FAILURE,
    startedAt = Number.NaN,
    previous = -1,
    pushback = Number.NaN,
    error?: unknown,
  ): number {
    let reason = 0;
    let delay = 0;
    if (!this.isRetryable(cause)) reason = GiveUpReason.NOT_RETRYABLE;
    else if (attempt >= this.maxAttempts) reason = GiveUpReason.MAX_ATTEMPTS;
    else if (pushback < 0) reason = GiveUpReason.PUSHBACK;
    else {
      delay = pushback >= 0 ? pushback : this.backoff.delay(attempt - 1, previous, this.rng);
      if (this.clock.now() + delay - startedAt >= this.deadline) reason = GiveUpReason.DEADLINE;
    }
    if (reason !== 0) {
      this.counters.giveUps++;
      if (this.giveUpListeners.size > 0) this.giveUpListeners.emit(attempt, reason, cause, error);
      return STOP;
    }
    this.counters.retries++;
    if (this.retryListeners.size > 0) this.retryListeners.emit(attempt, delay, cause, error);
    return delay;
  }

  /**
   * Timeout in seconds for an attempt starting now: the per-attempt timeout, shortened to what is left of the
   * deadline when `startedAt` (clock seconds) is given.
   */
  attemptTimeoutAt(startedAt = Number.NaN): number {
    if (Number.isNaN(startedAt)) return this.attemptTimeout;
    return Math.min(this.deadline - (this.clock.now() - startedAt), this.attemptTimeout);
  }

  /** Listens to granted retries: `fn(attempt, delaySeconds, cause, error)`. */
  onRetry(fn: RetryListener): Disposable {
    return this.retryListeners.on(fn);
  }

  /** Listens to give-ups: `fn(attempt, reason (GiveUpReason), cause, error)`. */
  onGiveUp(fn: GiveUpListener): Disposable {
    return this.giveUpListeners.on(fn);
  }
}

/** Builds a `RetryPolicy` from a plain config. Throws `E_POLICY_CONFIG` (with the field's path) on invalid input. */
export function makeRetryPolicy(
  config: RetryConfig,
  clock: Clock,
  rng: Rng,
  options: RetryOptions = {},
): RetryPolicy {
  return new RetryPolicy(config, clock, rng, options);
}
