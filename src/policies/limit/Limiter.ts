import type { Disposable } from "../Listeners.js";

/** Counters an OpenTelemetry observable instrument can read. */
export interface LimiterCounters {
  acquired: number;
  rejected: number;
  /** `release` calls with `dropped` true. */
  drops: number;
}

/**
 * A concurrency or rate limiter. `acquire()` before a call (false: do not send), `release(rttSeconds, dropped)`
 * after an acquired call ends (`dropped`: it timed out, was throttled or shed: the signal adaptive limits shrink on).
 * Synchronous and allocation-free.
 */
export interface Limiter {
  readonly type: LimiterType;
  /** Current limit: concurrent calls (bulkhead, adaptive) or bucket size (token bucket). */
  readonly limit: number;
  /** Calls acquired and not yet released (0 for the token bucket). */
  readonly inflight: number;
  readonly counters: LimiterCounters;
  acquire(): boolean;
  release(rtt: number, dropped: boolean): void;
  /** Listens to refusals. */
  onReject(fn: () => void): Disposable;
}

export type LimiterType = "bulkhead" | "token-bucket" | "aimd" | "vegas" | "gradient2";
