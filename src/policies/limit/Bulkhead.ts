import { FifoQueue } from "../queue/FifoQueue.js";
import { NONE } from "../queue/RequestQueue.js";
import type { Limiter } from "./Limiter.js";
import { LimiterBase } from "./LimiterBase.js";

/**
 * Fixed bulkhead: at most `maxConcurrent` calls at once, plus a FIFO wait queue of at most `maxQueue` numeric ids.
 * `acquire()` admits or refuses; `wait(id, now)` queues a refused caller; after `release`, `admitNext(now)` hands the
 * freed slot to the oldest waiter (returns its id, or NONE).
 */
export class Bulkhead extends LimiterBase implements Limiter {
  readonly type = "bulkhead" as const;
  private readonly waiting: FifoQueue;

  constructor(
    readonly maxConcurrent: number,
    readonly maxQueue = 0,
  ) {
    super(maxConcurrent);
    this.waiting = new FifoQueue(maxQueue);
  }

  /** Callers waiting for a slot. */
  get queued(): number {
    return this.waiting.size;
  }

  /** Queues `id` for a slot; false when the queue is full (the caller is refused). */
  wait(id: number, now: number): boolean {
    return this.waiting.enqueue(id, now) === NONE;
  }

  /** Takes a waiter out of the queue (it gave up). */
  cancelWait(id: number): boolean {
    return this.waiting.remove(id);
  }

  /** Gives a free slot to the oldest waiter: returns its id (now in flight) or NONE. */
  admitNext(now: number): number {
    if (this.inflight >= this.maxConcurrent || this.waiting.size === 0) return NONE;
    const id = this.waiting.dequeue(now);
    this.inflight++;
    this.counters.acquired++;
    return id;
  }

  protected update(): number {
    return this.maxConcurrent;
  }
}
