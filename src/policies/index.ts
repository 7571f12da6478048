export { BucketWindow } from "./BucketWindow.js";
export {
  Backoff,
  type BackoffConfig,
  type BackoffType,
  type Jitter,
  makeBackoff,
} from "./backoff/Backoff.js";
export type {
  BreakerCommonConfig,
  BreakerConfig,
  BreakerState,
  BreakerStateV1,
  ConsecutiveBreakerConfig,
  CountBreakerConfig,
  RatioRuleConfig,
  TimeBreakerConfig,
} from "./breaker/BreakerConfig.js";
export {
  type BreakerWindow,
  ConsecutiveWindow,
  CountWindow,
  TimeWindow,
} from "./breaker/BreakerWindow.js";
export {
  type BreakerCounters,
  BreakerStateCode,
  CircuitBreaker,
  makeBreaker,
} from "./breaker/CircuitBreaker.js";
export { type AwsAdaptiveConfig, AwsAdaptiveRateLimiter } from "./budget/AwsAdaptiveRateLimiter.js";
export { type AwsStandardConfig, AwsStandardQuota } from "./budget/AwsStandardQuota.js";
export type { Budget, BudgetCounters, BudgetType } from "./budget/Budget.js";
export { type EnvoyBudgetConfig, EnvoyRetryBudget } from "./budget/EnvoyRetryBudget.js";
export { type FinagleBudgetConfig, FinagleRetryBudget } from "./budget/FinagleRetryBudget.js";
export { GrpcRetryThrottle, type GrpcThrottleConfig } from "./budget/GrpcRetryThrottle.js";
export { BUDGET_TYPES, type BudgetConfig, makeBudget } from "./budget/makeBudget.js";
export { RatioBudget, type RatioBudgetConfig } from "./budget/RatioBudget.js";
export { type SreAdaptiveConfig, SreAdaptiveThrottle } from "./budget/SreAdaptiveThrottle.js";
export { type NoBudgetConfig, UnlimitedBudget } from "./budget/UnlimitedBudget.js";
export { budgetGate, type Gate, gateAdmit, gateRecord, limiterGate } from "./compose/Gate.js";
export { wrap } from "./compose/wrap.js";
export { E_POLICY_CONFIG } from "./config.js";
export { type HedgeConfig, type HedgeCounters, Hedger, makeHedger } from "./hedge/Hedger.js";
export { LatencyQuantile } from "./hedge/LatencyQuantile.js";
export { type HistogramLayout, LatencyHistogram } from "./LatencyHistogram.js";
export { type Disposable, Listeners } from "./Listeners.js";
export { AimdLimit } from "./limit/AimdLimit.js";
export { Bulkhead } from "./limit/Bulkhead.js";
export { Gradient2Limit } from "./limit/Gradient2Limit.js";
export type { Limiter, LimiterCounters, LimiterType } from "./limit/Limiter.js";
export { LIMITER_TYPES, type LimiterConfig, makeLimiter } from "./limit/makeLimiter.js";
export { TokenBucket } from "./limit/TokenBucket.js";
export { VegasLimit } from "./limit/VegasLimit.js";
export {
  Cause,
  type CauseCode,
  isFailure,
  OUTCOME_NAMES,
  Outcome,
  type OutcomeCode,
  type OutcomeName,
} from "./Outcome.js";
export { AdaptiveLifoQueue } from "./queue/AdaptiveLifoQueue.js";
export { CoDelQueue } from "./queue/CoDelQueue.js";
export { CriticalityQueue } from "./queue/CriticalityQueue.js";
export { FifoQueue, LifoQueue } from "./queue/FifoQueue.js";
export { IdDeque } from "./queue/IdDeque.js";
export { makeQueue, QUEUE_TYPES, type QueueCommonConfig, type QueueConfig } from "./queue/makeQueue.js";
export {
  Criticality,
  NONE,
  type QueueCounters,
  type QueueType,
  type RequestQueue,
  ShedReason,
} from "./queue/RequestQueue.js";
export { RpcCoDelQueue } from "./queue/RpcCoDelQueue.js";
export { StandingQueue } from "./queue/StandingQueue.js";
export {
  type GiveUpListener,
  GiveUpReason,
  MAX_BOUNDED_ATTEMPTS,
  makeRetryPolicy,
  type RetryConfig,
  type RetryCounters,
  type RetryListener,
  type RetryOptions,
  RetryPolicy,
  STOP,
} from "./retry/RetryPolicy.js";
