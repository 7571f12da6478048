/**
 * Strict schemas of the policies library's configs as a scenario file writes them: the same fields as `RetryConfig`,
 * `BackoffConfig`, `BudgetConfig`, `BreakerConfig` and `QueueConfig`, with durations allowed as strings (`250ms`) and `.inf` where the
 * library takes Infinity. They check field names and types; the ranges are checked by the library itself (see
 * `checkPolicies`), so there is one source of truth for them.
 */
import * as z from "zod";
import { parseDuration } from "../../core/parseDuration.js";
import { DURATION_PATTERN } from "./units.js";

/** Any number, Infinity included (YAML `.inf`); the library checks the range. */
const num = () =>
  z
    .custom<number>((v) => typeof v === "number" && !Number.isNaN(v), { error: "expected a number" })
    .meta({ type: "number" });

/** Seconds, or a duration string; Infinity allowed. */
const dur = () =>
  z
    .union([num(), z.string().meta({ pattern: DURATION_PATTERN })], {
      error: "expected a duration such as 250ms, 10s or 1m, or a number of seconds",
    })
    .transform((v, ctx) => {
      if (typeof v === "number") return v;
      try {
        return parseDuration(v);
      } catch (e) {
        ctx.issues.push({ code: "custom", message: e instanceof Error ? e.message : String(e), input: v });
        return z.NEVER;
      }
    });

const jitter = z
  .enum(["none", "full", "equal", "decorrelated", "grpc"])
  .describe("Randomisation of each delay: none, full U(0, d), equal d/2 + U(0, d/2), decorrelated or grpc.");

/** The `type` field of a policy config. */
const kind = <T extends string>(what: string, t: T) => z.literal(t).describe(`${what}: ${t}.`);

/** A backoff schedule (policies library `BackoffConfig`). */
export const backoffSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: kind("Backoff kind (no delay: retry at once)", "none") }),
    z.strictObject({
      type: kind("Backoff kind", "constant"),
      delay: dur().describe("The delay before every retry."),
      jitter: jitter.optional().describe("Default none."),
    }),
    z.strictObject({
      type: kind("Backoff kind (base x (n + 1))", "linear"),
      base: dur().describe("Delay before the first retry; grows by this much per retry."),
      cap: dur().optional().describe("Largest delay. Default 60s."),
      jitter: jitter.optional().describe("Default none."),
    }),
    z.strictObject({
      type: kind("Backoff kind (min(cap, base x multiplier^n))", "exponential"),
      base: dur().describe("Delay before the first retry (before jitter)."),
      cap: dur().optional().describe("Largest delay. Default 60s."),
      multiplier: num().optional().describe("Growth per retry. Default 2."),
      jitter: jitter.optional().describe("Default full."),
    }),
    z.strictObject({
      type: kind("Backoff kind (AWS decorrelated jitter: min(cap, U(base, 3 x previous)))", "decorrelated"),
      base: dur().describe("Smallest delay, and the first previous delay."),
      cap: dur().optional().describe("Largest delay. Default 60s."),
    }),
    z.strictObject({
      type: kind("Backoff kind (gRPC A6: min(initial x multiplier^n, max) x U(0.8, 1.2))", "grpc"),
      initial: dur().describe("Delay before the first retry (before jitter)."),
      multiplier: num().optional().describe("Growth per retry. Default 1.6."),
      max: dur().optional().describe("Largest delay before jitter. Default 120s."),
    }),
  ],
  { error: "expected a backoff: { type: none|constant|linear|exponential|decorrelated|grpc, ... }" },
);

/** A retry policy (policies library `RetryConfig`). */
export const retrySchema = z.strictObject({
  maxAttempts: num().describe("Total attempts including the first; .inf needs unbounded: true."),
  unbounded: z
    .boolean()
    .optional()
    .describe(
      "Explicit opt-in to maxAttempts: .inf (the clients of a storm that never give up). Default false.",
    ),
  backoff: backoffSchema.optional().describe("Default exponential, base 100ms, cap 60s, full jitter."),
  retryOn: z.array(z.string()).optional().describe("Default [failure, timeout, throttled, transient]."),
  attemptTimeout: dur().optional().describe("Timeout of each attempt (policies library). Default: none."),
  deadline: dur().optional().describe("Overall deadline from the first attempt's start. Default: none."),
});

/** A retry budget or throttle (policies library `BudgetConfig`). */
export const budgetSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: kind("Budget kind (no budget)", "none") }),
    z.strictObject({
      type: kind("Budget kind (gRPC retry throttling, A6)", "grpc"),
      maxTokens: num().describe(
        "Token capacity and start value, in (0, 1000]; a failure costs 1, retries stop below half.",
      ),
      tokenRatio: num().describe("Tokens a success adds, in (0, 1]."),
    }),
    z.strictObject({
      type: kind("Budget kind (AWS SDK standard retry quota)", "aws-standard"),
      quota: num().optional().describe("Quota capacity and start value. Default 500."),
      retryCost: num().optional().describe("Cost of a retry. Default 5."),
      timeoutRetryCost: num()
        .optional()
        .describe("Cost of a retry after a timeout or transient error. Default 10."),
      noRetryIncrement: num().optional().describe("What a success without retry puts back. Default 1."),
    }),
    z.strictObject({
      type: kind("Budget kind (Envoy retry budget)", "envoy"),
      budgetPercent: num()
        .optional()
        .describe("Share of active requests that may be retries, in percent. Default 20."),
      minRetryConcurrency: num().optional().describe("Concurrent retries always allowed. Default 3."),
    }),
    z.strictObject({
      type: kind("Budget kind (retries per first attempt over a sliding window)", "ratio"),
      ratio: num()
        .optional()
        .describe("Retries allowed per first attempt in the window, in [0, 1]. Default 0.2."),
      minRetriesPerSecond: num()
        .optional()
        .describe("Retries per second always allowed (a reserve for low traffic). Default 10."),
      window: dur().optional().describe("Window length. Default 10s."),
      buckets: num().optional().describe("Buckets in the window. Default 10."),
    }),
    z.strictObject({
      type: kind("Budget kind (Finagle RetryBudget)", "finagle"),
      ttl: dur().optional().describe("How long a deposit counts. Default 10s."),
      minRetriesPerSec: num().optional().describe("Retries per second always allowed. Default 10."),
      percentCanRetry: num()
        .optional()
        .describe("Retries each request pays for, in [0, 1000] (0.2 = 20%). Default 0.2."),
    }),
    z.strictObject({
      type: kind("Budget kind (Google SRE adaptive client throttling)", "sre-adaptive"),
      k: num()
        .optional()
        .describe("Multiplier K: requests are refused locally once they exceed K x accepts. Default 2."),
      window: dur().optional().describe("Window length. Default 2m."),
      buckets: num().optional().describe("Buckets in the window. Default 24."),
    }),
    z.strictObject({
      type: kind("Budget kind (AWS SDK adaptive rate limiter, CUBIC)", "aws-adaptive"),
      beta: num().optional().describe("Multiplicative decrease on a throttle. Default 0.7."),
      scale: num().optional().describe("CUBIC scale constant. Default 0.4."),
      minRate: num().optional().describe("Lowest send rate in attempts per second. Default 0.5."),
      smooth: num()
        .optional()
        .describe("Weight of the newest measurement in the smoothed send rate. Default 0.8."),
    }),
  ],
  {
    error:
      "expected a budget: { type: none|grpc|aws-standard|envoy|ratio|finagle|sre-adaptive|aws-adaptive, ... }",
  },
);

const breakerCommon = {
  slowCallThreshold: dur()
    .optional()
    .describe("A successful call at least this slow counts as slow. Default: no slow-call rule."),
  openFor: z
    .union([dur(), backoffSchema], { error: "expected a duration or a backoff" })
    .optional()
    .describe(
      "How long the breaker stays open: a duration, or a backoff over the k-th consecutive opening. Default 30s.",
    ),
  probes: num().optional().describe("Probes admitted while half-open. Default 1."),
  probeLease: dur()
    .optional()
    .describe("A probe permit expires after this long without a result, freeing its slot. Default 10s."),
};
const ratioRule = {
  minimumCalls: num()
    .optional()
    .describe("Calls the window needs before it may trip. Default: the window size (count) or 10 (time)."),
  failureRatio: num().optional().describe("Trip when failures / calls >= this, in (0, 1]. Default 0.5."),
  slowRatio: num().optional().describe("Trip when slow calls / calls >= this, in (0, 1]. Default 1."),
};

/** A circuit breaker (policies library `BreakerConfig`). */
export const breakerSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: kind("Breaker kind (consecutive failures)", "consecutive"),
      failures: num().describe("Consecutive failures that trip the breaker (>= 1)."),
      slowCalls: num().optional().describe("Consecutive slow calls that trip it. Default: never."),
      ...breakerCommon,
    }),
    z.strictObject({
      type: kind("Breaker kind (ratio over the last size calls)", "count"),
      size: num().describe("Calls in the window (>= 1)."),
      ...breakerCommon,
      ...ratioRule,
    }),
    z.strictObject({
      type: kind("Breaker kind (ratio over a sliding time window)", "time"),
      window: dur().describe("Window length."),
      buckets: num().optional().describe("Buckets in the window. Default 10."),
      ...breakerCommon,
      ...ratioRule,
    }),
  ],
  { error: "expected a breaker: { type: consecutive|count|time, ... }" },
);

const maxWait = dur().optional().describe("Drop requests that waited longer. Default: no limit.");
const target = dur().optional().describe("Target queueing delay. Default 5ms.");
const interval = dur().optional().describe("How long the delay must stay above target. Default 100ms.");

/**
 * A queue discipline (policies library `QueueConfig`) without its `limit`: the service's `queueLimit` is the one
 * bound of its queue.
 */
export const queueSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: kind("Queue discipline (first in, first out)", "fifo"), maxWait }),
    z.strictObject({
      type: kind("Queue discipline (last in, first out; evicts the oldest when full)", "lifo"),
      maxWait,
    }),
    z.strictObject({
      type: kind("Queue discipline (FIFO, LIFO while the queue stands)", "adaptive-lifo"),
      target,
      interval,
      maxWait,
    }),
    z.strictObject({ type: kind("Queue discipline (CoDel, RFC 8289)", "codel"), target, interval }),
    z.strictObject({
      type: kind(
        "Queue discipline (CoDel variant for RPC servers: short timeout while the queue stands)",
        "rpc-codel",
      ),
      target,
      interval,
      shortTimeout: dur().optional().describe("Default 2 x target."),
      longTimeout: dur().optional().describe("Default: interval."),
    }),
    z.strictObject({
      type: kind("Queue discipline (most critical first; sheds the least critical when full)", "criticality"),
      maxWait,
    }),
  ],
  { error: "expected a queue: { type: fifo|lifo|adaptive-lifo|codel|rpc-codel|criticality, ... }" },
);
