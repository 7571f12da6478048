/**
 * Outcome codes of an attempt, as small integers so the simulator's hot paths pass numbers, not objects.
 * A retry's *cause* is the outcome of the attempt it replaces; `FIRST` and `HEDGE` are causes that are not outcomes.
 */
export const Outcome = {
  /** The attempt succeeded. */
  SUCCESS: 1,
  /** A retryable server error (a 5xx). */
  FAILURE: 2,
  /** The attempt's timeout fired before an answer. */
  TIMEOUT: 3,
  /** The server refused for overload or quota (429, 503 with pushback, RESOURCE_EXHAUSTED). */
  THROTTLED: 4,
  /** A transient transport error (connection reset, refused, DNS). */
  TRANSIENT: 5,
  /** A non-retryable error (a 4xx, a bad request): never retried, never counted against a breaker. */
  FATAL: 6,
  /** The caller gave up (abort): releases permits without counting as a success or a failure. */
  CANCELLED: 7,
  /** Rejected locally by a policy (breaker open, limiter full, budget empty) before being sent. */
  REJECTED: 8,
} as const;

/** One of the `Outcome` codes. */
export type OutcomeCode = (typeof Outcome)[keyof typeof Outcome];

/** Why an attempt is sent: `FIRST`, `HEDGE`, or the outcome code of the failed attempt that it retries. */
export const Cause = {
  /** The first attempt of a request. */
  FIRST: 0,
  /** A hedged (speculative) extra attempt while the first is still pending. */
  HEDGE: 9,
} as const;

/** `Cause.FIRST`, `Cause.HEDGE` or an outcome code (the outcome that caused a retry). */
export type CauseCode = (typeof Cause)[keyof typeof Cause] | OutcomeCode;

/** Outcome names, for config files and messages (`"timeout"` -> `Outcome.TIMEOUT`). */
export const OUTCOME_NAMES = {
  success: Outcome.SUCCESS,
  failure: Outcome.FAILURE,
  timeout: Outcome.TIMEOUT,
  throttled: Outcome.THROTTLED,
  transient: Outcome.TRANSIENT,
  fatal: Outcome.FATAL,
  cancelled: Outcome.CANCELLED,
  rejected: Outcome.REJECTED,
} as const;

/** An outcome by name, as written in config objects and scenario files. */
export type OutcomeName = keyof typeof OUTCOME_NAMES;

/** True for outcomes that count as a failure of the callee (not FATAL, CANCELLED, REJECTED or SUCCESS). */
export function isFailure(outcome: number): boolean {
  return outcome >= Outcome.FAILURE && outcome <= Outcome.TRANSIENT;
}
