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

const jitter = z.enum(["none", "full", "equal", "decorrelated", "grpc"]);

/** A backoff schedule (policies library `BackoffConfig`). */
export const backoffSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("none") }),
    z.strictObject({ type: z.literal("constant"), delay: dur(), jitter: jitter.optional() }),
    z.strictObject({
      type: z.literal("linear"),
      base: dur(),
      cap: dur().optional(),
      jitter: jitter.optional(),
    }),
    z.strictObject({
      type: z.literal("exponential"),
      base: dur(),
      cap: dur().optional().describe("Default 60s."),
      multiplier: num().optional().describe("Default 2."),
      jitter: jitter.optional().describe("Default full."),
    }),
    z.strictObject({ type: z.literal("decorrelated"), base: dur(), cap: dur().optional() }),
    z.strictObject({
      type: z.literal("grpc"),
      initial: dur(),
      multiplier: num().optional(),
      max: dur().optional(),
    }),
  ],
  { error: "expected a backoff: { type: none|constant|linear|exponential|decorrelated|grpc, ... }" },
);

/** A retry policy (policies library `RetryConfig`). */
export const retrySchema = z.strictObject({
  maxAttempts: num().describe("Total attempts including the first; .inf needs unbounded: true."),
  unbounded: z.boolean().optional(),
  backoff: backoffSchema.optional().describe("Default exponential, base 100ms, cap 60s, full jitter."),
  retryOn: z.array(z.string()).optional().describe("Default [failure, timeout, throttled, transient]."),
  attemptTimeout: dur().optional(),
  deadline: dur().optional(),
});

/** A retry budget or throttle (policies library `BudgetConfig`). */
export const budgetSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("none") }),
    z.strictObject({ type: z.literal("grpc"), maxTokens: num(), tokenRatio: num() }),
    z.strictObject({
      type: z.literal("aws-standard"),
      quota: num().optional(),
      retryCost: num().optional(),
      timeoutRetryCost: num().optional(),
      noRetryIncrement: num().optional(),
    }),
    z.strictObject({
      type: z.literal("envoy"),
      budgetPercent: num().optional(),
      minRetryConcurrency: num().optional(),
    }),
    z.strictObject({
      type: z.literal("ratio"),
      ratio: num().optional(),
      minRetriesPerSecond: num().optional(),
      window: dur().optional(),
      buckets: num().optional(),
    }),
    z.strictObject({
      type: z.literal("finagle"),
      ttl: dur().optional().describe("How long a deposit counts. Default 10s."),
      minRetriesPerSec: num().optional().describe("Retries per second always allowed. Default 10."),
      percentCanRetry: num()
        .optional()
        .describe("Retries each request pays for, in [0, 1000] (0.2 = 20%). Default 0.2."),
    }),
    z.strictObject({
      type: z.literal("sre-adaptive"),
      k: num().optional(),
      window: dur().optional(),
      buckets: num().optional(),
    }),
    z.strictObject({
      type: z.literal("aws-adaptive"),
      beta: num().optional(),
      scale: num().optional(),
      minRate: num().optional(),
      smooth: num().optional(),
    }),
  ],
  {
    error:
      "expected a budget: { type: none|grpc|aws-standard|envoy|ratio|finagle|sre-adaptive|aws-adaptive, ... }",
  },
);

const breakerCommon = {
  slowCallThreshold: dur().optional(),
  openFor: z
    .union([dur(), backoffSchema], { error: "expected a duration or a backoff" })
    .optional()
    .describe("Default 30s."),
  probes: num().optional(),
  probeLease: dur().optional(),
};
const ratioRule = {
  minimumCalls: num().optional(),
  failureRatio: num().optional(),
  slowRatio: num().optional(),
};

/** A circuit breaker (policies library `BreakerConfig`). */
export const breakerSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("consecutive"),
      failures: num(),
      slowCalls: num().optional(),
      ...breakerCommon,
    }),
    z.strictObject({ type: z.literal("count"), size: num(), ...breakerCommon, ...ratioRule }),
    z.strictObject({
      type: z.literal("time"),
      window: dur(),
      buckets: num().optional(),
      ...breakerCommon,
      ...ratioRule,
    }),
  ],
  { error: "expected a breaker: { type: consecutive|count|time, ... }" },
);

const maxWait = dur().optional().describe("Drop requests that waited longer. Default: no limit.");
const target = dur().optional().describe("Target queueing delay. Default 5ms.");
const interval = dur().optional().describe("Default 100ms.");

/**
 * A queue discipline (policies library `QueueConfig`) without its `limit`: the service's `queueLimit` is the one
 * bound of its queue.
 */
export const queueSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("fifo"), maxWait }),
    z.strictObject({ type: z.literal("lifo"), maxWait }),
    z.strictObject({ type: z.literal("adaptive-lifo"), target, interval, maxWait }),
    z.strictObject({ type: z.literal("codel"), target, interval }),
    z.strictObject({
      type: z.literal("rpc-codel"),
      target,
      interval,
      shortTimeout: dur().optional().describe("Default 2 x target."),
      longTimeout: dur().optional().describe("Default: interval."),
    }),
    z.strictObject({ type: z.literal("criticality"), maxWait }),
  ],
  { error: "expected a queue: { type: fifo|lifo|adaptive-lifo|codel|rpc-codel|criticality, ... }" },
);
