export { abortableSleep } from "./abortableSleep.js";
export {
  type AttemptContext,
  AttemptTimeoutError,
  type ExecuteOptions,
  execute,
  RejectedError,
} from "./execute.js";
export {
  DEFAULT_MAX_RETRY_AFTER,
  type GuardedFetch,
  type GuardedFetchOptions,
  type GuardedFetchStats,
  guardedFetch,
  HttpStatusError,
  outcomeOfStatus,
} from "./guardedFetch.js";
export {
  type InstrumentOptions,
  instrumentPolicies,
  type MeterLike,
  type MetricAttributesLike,
  type ObservableLike,
  type ObservableResultLike,
  type PolicyMetrics,
} from "./instrumentPolicies.js";
export { MathRandomRng } from "./MathRandomRng.js";
export { RealClock, realClock } from "./RealClock.js";
export { parseHttpDate, parseRetryAfter } from "./retryAfter.js";
export { type LongTimer, MAX_TIMER_MS, setLongTimeout } from "./setLongTimeout.js";
