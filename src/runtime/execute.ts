import type { Clock } from "../core/Clock.js";
import { StampedeError } from "../core/StampedeError.js";
import type { Budget } from "../policies/budget/Budget.js";
import { type Gate, gateAdmit, gateRecord } from "../policies/compose/Gate.js";
import { Cause, Outcome } from "../policies/Outcome.js";
import { type RetryPolicy, STOP } from "../policies/retry/RetryPolicy.js";
import { abortableSleep } from "./abortableSleep.js";
import type { PolicyMetrics } from "./instrumentPolicies.js";
import { realClock } from "./RealClock.js";
import { type LongTimer, setLongTimeout } from "./setLongTimeout.js";

/** What one attempt receives. */
export interface AttemptContext {
  /** Aborts on the caller's signal and on the attempt's timeout: pass it to fetch and friends. */
  signal: AbortSignal;
  /** 1 for the first attempt. */
  attempt: number;
}

/** Policies and hooks for `execute`. Every policy is optional; omit all and `execute` just calls `fn` once. */
export interface ExecuteOptions {
  /** The caller's cancellation. */
  signal?: AbortSignal;
  /** Retries, per-attempt timeout and overall deadline. */
  retry?: RetryPolicy;
  /** Retry budget or throttle, consulted before every attempt with the Budget protocol. */
  budget?: Budget;
  /**
   * Admission gates, e.g. a CircuitBreaker or `wrap(breaker, limiterGate(limiter))`. A tagged gate (one with
   * `admit`) gets each attempt's ticket back with its result, so a breaker ignores attempts admitted before its
   * last state change.
   */
  gate?: Gate;
  /** The clock the cores run on; default the real clock. */
  clock?: Clock;
  /** Maps a thrown error to an Outcome code. Default: an `outcome` property if numeric, else FAILURE. */
  classify?: (error: unknown) => number;
  /** Server pushback (seconds; < 0 forbids retrying; NaN none) carried by an error. Default: a `pushback` property. */
  pushback?: (error: unknown) => number;
  /** Counts each finished attempt by outcome (`instrumentPolicies(meter, ...)`, OpenTelemetry). Default none. */
  metrics?: PolicyMetrics;
}

/** Thrown when a gate or budget refuses an attempt before it is sent; `cause` is the last attempt's error, if any. */
export class RejectedError extends StampedeError {
  constructor(code: string, message: string, cause?: unknown) {
    super(code, message);
    if (cause !== undefined) this.cause = cause;
  }
}

/** Thrown into an attempt's signal (and by `execute` when no retry follows) when its timeout fires. */
export class AttemptTimeoutError extends StampedeError {
  constructor(seconds: number) {
    super("E_ATTEMPT_TIMEOUT", `attempt timed out after ${seconds}s`);
  }
}

function defaultClassify(error: unknown): number {
  const o = (error as { outcome?: unknown } | null)?.outcome;
  return typeof o === "number" ? o : Outcome.FAILURE;
}

function defaultPushback(error: unknown): number {
  const p = (error as { pushback?: unknown } | null)?.pushback;
  return typeof p === "number" ? p : Number.NaN;
}

/**
 * Runs `fn` under the decision cores with real time: before each attempt the budget (`tryAcquire(cause)`) and the
 * gate (`admit()` when it is tagged, else `allow()`); each attempt gets an AbortSignal that fires on the caller's
 * signal or the retry policy's attempt timeout (remaining deadline included); afterwards the outcome and latency go
 * to the gate (with the attempt's ticket) and the budget, and the retry policy says whether and when to try again.
 * Rejections throw `RejectedError` (E_BUDGET_EXHAUSTED, E_REJECTED); timeouts `AttemptTimeoutError`; the caller's
 * abort rejects with the signal's reason.
 */
export async function execute<T>(
  fn: (ctx: AttemptContext) => Promise<T>,
  options: ExecuteOptions = {},
): Promise<T> {
  const { signal, retry, budget, gate } = options;
  const clock = options.clock ?? realClock;
  const classify = options.classify ?? defaultClassify;
  const pushbackOf = options.pushback ?? defaultPushback;
  const startedAt = clock.now();
  let cause: number = Cause.FIRST;
  let previous = -1;
  let lastError: unknown;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    if (budget && !budget.tryAcquire(cause))
      throw new RejectedError("E_BUDGET_EXHAUSTED", "the retry budget refused this attempt", lastError);
    const ticket = gate ? gateAdmit(gate) : 0;
    if (gate && ticket === 0) {
      budget?.onFailure(Outcome.REJECTED, cause);
      throw new RejectedError(
        "E_REJECTED",
        "a policy gate (breaker or limiter) refused this attempt",
        lastError,
      );
    }
    const timeout = retry ? retry.attemptTimeoutAt(startedAt) : Number.POSITIVE_INFINITY;
    const t0 = clock.now();
    let outcome: number;
    let value: T | undefined;
    try {
      value = await runAttempt(fn, attempt, timeout, signal);
      outcome = Outcome.SUCCESS;
    } catch (e) {
      lastError = e;
      if (e instanceof AttemptTimeoutError) outcome = Outcome.TIMEOUT;
      else if (signal?.aborted) outcome = Outcome.CANCELLED;
      else outcome = classify(e);
    }
    const latency = clock.now() - t0;
    options.metrics?.attempt(outcome);
    if (gate) gateRecord(gate, outcome, latency, ticket);
    if (budget) {
      if (outcome === Outcome.SUCCESS) budget.onSuccess(cause);
      else budget.onFailure(outcome, cause);
    }
    if (outcome === Outcome.SUCCESS) return value as T;
    if (outcome === Outcome.CANCELLED || !retry) throw lastError;
    const delay = retry.next(attempt, outcome, startedAt, previous, pushbackOf(lastError), lastError);
    if (delay === STOP) throw lastError;
    await abortableSleep(delay, signal);
    previous = delay;
    cause = outcome;
  }
}

/** One attempt with its own AbortController, linked to the caller's signal and to the timeout. */
async function runAttempt<T>(
  fn: (ctx: AttemptContext) => Promise<T>,
  attempt: number,
  timeout: number,
  outer: AbortSignal | undefined,
): Promise<T> {
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener("abort", onOuterAbort, { once: true });
  let timer: LongTimer | undefined;
  // Resolves the race as soon as the attempt's signal aborts, even if `fn` ignores its signal.
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true });
  });
  aborted.catch(() => {});
  if (Number.isFinite(timeout)) {
    timer = setLongTimeout(() => controller.abort(new AttemptTimeoutError(timeout)), timeout * 1000);
  }
  try {
    return await Promise.race([fn({ signal: controller.signal, attempt }), aborted]);
  } finally {
    timer?.clear();
    outer?.removeEventListener("abort", onOuterAbort);
  }
}
