import type { Duration } from "../../core/parseDuration.js";
import type { BackoffConfig } from "../backoff/Backoff.js";

/** Fields shared by every breaker mode (durations: seconds, or strings such as `"500ms"`, `"30s"`). */
export interface BreakerCommonConfig {
  /** A successful call at least this slow (seconds) counts as slow. Default Infinity (no slow-call rule). */
  slowCallThreshold?: Duration;
  /**
   * How long the breaker stays open: seconds (default 30), or a backoff over the k-th consecutive opening
   * (e.g. `{ type: "exponential", base: 5, cap: 300, jitter: "none" }`).
   */
  openFor?: Duration | BackoffConfig;
  /** Probes admitted while half-open (P). Default 1. */
  probes?: number;
  /**
   * A probe permit (lease) expires after this many seconds without a result, freeing its slot. Default 10. A tagged
   * result (`record(outcome, latency, ticket)`) that arrives after its lease expired is stale: counted, not judged.
   */
  probeLease?: Duration;
}

/** Trips after `failures` consecutive failures (or `slowCalls` consecutive slow calls). */
export interface ConsecutiveBreakerConfig extends BreakerCommonConfig {
  type: "consecutive";
  /** Consecutive failures that trip the breaker (>= 1). Required. */
  failures: number;
  /** Consecutive slow calls that trip it. Default Infinity (never). */
  slowCalls?: number;
}

/** Ratio rules shared by the window modes. */
export interface RatioRuleConfig {
  /** Calls the window needs before it may trip. Default: the window size (count) or 10 (time). */
  minimumCalls?: number;
  /** Trip when failures / calls >= this, in (0, 1]. Default 0.5. */
  failureRatio?: number;
  /** Trip when slow calls / calls >= this, in (0, 1]. Default 1. */
  slowRatio?: number;
}

/** Ratio rule over the last `size` calls. */
export interface CountBreakerConfig extends BreakerCommonConfig, RatioRuleConfig {
  type: "count";
  /** Calls in the window (>= 1). Required. */
  size: number;
}

/** Ratio rule over the last `window` seconds, kept in `buckets` buckets. */
export interface TimeBreakerConfig extends BreakerCommonConfig, RatioRuleConfig {
  type: "time";
  /** Window length: seconds or a string such as `"30s"`. Required. */
  window: Duration;
  /** Buckets in the window. Default 10. */
  buckets?: number;
}

/** Every breaker config, discriminated by `type`. */
export type BreakerConfig = ConsecutiveBreakerConfig | CountBreakerConfig | TimeBreakerConfig;

/**
 * Serialisable breaker state (`toJSON` / `restore` / `fromJSON`), plain JSON. It holds remaining durations, never
 * clock readings, so it restores on another clock: another process (whose `performance.now()` has another origin),
 * another machine, or a simulation.
 */
export interface BreakerState {
  version: 2;
  type: BreakerConfig["type"];
  state: "closed" | "open" | "half-open";
  /** Seconds until an open breaker turns half-open; 0 unless open; null while `isolate()`d (until `reset()`). */
  openRemaining: number | null;
  /** Consecutive openings without a close (k). */
  openings: number;
  /** The last open wait in seconds (-1: none yet). */
  lastWait: number;
  /** Half-open results so far: [results, failures, slow]. */
  probeResults: [number, number, number];
  /** Seconds left on each live probe lease. */
  leaseRemaining: number[];
  /**
   * The closed-state window: [consecutive failures, consecutive slow calls] (consecutive mode), the ring of the last
   * calls (count mode), or [calls, failures, slow] per bucket from the current bucket back (time mode).
   */
  window: number[];
}

/** The version 1 state of stampede-sim 0.1.0: times were readings of the clock it was taken on. */
export interface BreakerStateV1 {
  version: 1;
  type: BreakerConfig["type"];
  state: "closed" | "open" | "half-open";
  openUntil: number;
  openings: number;
  lastWait: number;
  probeResults: [number, number, number];
  leases: number[];
  window: number[];
}
