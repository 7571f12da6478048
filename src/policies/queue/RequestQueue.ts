import type { Disposable } from "../Listeners.js";

/** Returned by `enqueue` when nothing was shed, and by `dequeue` when the queue is empty. */
export const NONE = -1;

/** Request criticality (Google's, travelling with the request): lower is more important. */
export const Criticality = { CRITICAL_PLUS: 0, CRITICAL: 1, SHEDDABLE_PLUS: 2, SHEDDABLE: 3 } as const;

/** Why a request left a queue without service (second argument of `onShed`). */
export const ShedReason = {
  /** Refused or evicted at enqueue: the queue was full. */
  FULL: 1,
  /** Dropped at dequeue by CoDel's control law. */
  CODEL: 2,
  /** Waited longer than the queue's timeout. */
  TIMEOUT: 3,
} as const;

/** Counters an OpenTelemetry observable instrument can read. */
export interface QueueCounters {
  enqueued: number;
  served: number;
  /** Dropped at dequeue (CoDel, timeouts). */
  dropped: number;
  /** Refused or evicted at enqueue (full). */
  shed: number;
}

/**
 * A queue discipline as a data structure of numeric ids (no per-item objects). Protocol:
 * - `enqueue(id, now, criticality?)` returns NONE when accepted with nothing shed, otherwise the id that was shed to
 *   respect the bound (the new `id` itself when it was refused);
 * - `dequeue(now)` returns the next id or NONE when empty. When `dropped` is true after the call, that id must be
 *   failed, not served, and the caller calls `dequeue(now)` again:
 *   `for (let id = q.dequeue(now); id !== NONE; id = q.dequeue(now)) { if (!q.dropped) { serve(id); break; } fail(id); }`
 * - `remove(id)` takes out a request whose caller gave up (O(1) amortised, for the cancellation option).
 */
export interface RequestQueue {
  readonly type: QueueType;
  readonly size: number;
  /** True when the id last returned by `dequeue` is a drop. */
  readonly dropped: boolean;
  /** Arrival time (seconds) of the id last returned by `dequeue`. */
  readonly lastArrival: number;
  readonly counters: QueueCounters;
  enqueue(id: number, now: number, criticality?: number): number;
  dequeue(now: number): number;
  remove(id: number): boolean;
  /** Listens to shed and dropped requests: `fn(id, reason)` (ShedReason). */
  onShed(fn: (id: number, reason: number) => void): Disposable;
}

export type QueueType = "fifo" | "lifo" | "adaptive-lifo" | "codel" | "rpc-codel" | "criticality";
