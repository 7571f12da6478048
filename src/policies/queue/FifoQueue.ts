import { QueueBase } from "./QueueBase.js";
import { NONE, type RequestQueue, ShedReason } from "./RequestQueue.js";

/** First in, first out; refuses newcomers when full; drops requests that waited longer than `maxWait` seconds. */
export class FifoQueue extends QueueBase implements RequestQueue {
  readonly type = "fifo" as const;

  constructor(
    limit = Number.POSITIVE_INFINITY,
    /** Longest wait in seconds before a request is dropped at dequeue. Default Infinity. */
    readonly maxWait = Number.POSITIVE_INFINITY,
  ) {
    super(limit);
  }

  dequeue(now: number): number {
    if (this.q.size === 0) return this.empty();
    const id = this.q.frontId();
    const t = this.q.frontTime();
    this.q.dropFront();
    if (now - t > this.maxWait) return this.drop(id, t, ShedReason.TIMEOUT);
    return this.serve(id, t);
  }
}

/** Last in, first out; when full it evicts the oldest request; drops requests older than `maxWait` at dequeue. */
export class LifoQueue extends QueueBase implements RequestQueue {
  readonly type = "lifo" as const;

  constructor(
    limit = Number.POSITIVE_INFINITY,
    readonly maxWait = Number.POSITIVE_INFINITY,
  ) {
    super(limit);
  }

  override enqueue(id: number, now: number): number {
    if (this.limit <= 0) return this.shed(id, ShedReason.FULL);
    let evicted = NONE;
    if (this.q.size >= this.limit) {
      evicted = this.q.frontId();
      this.q.dropFront();
      this.shed(evicted, ShedReason.FULL);
    }
    this.q.pushBack(id, now);
    this.counters.enqueued++;
    return evicted;
  }

  dequeue(now: number): number {
    if (this.q.size === 0) return this.empty();
    const id = this.q.backId();
    const t = this.q.backTime();
    this.q.dropBack();
    if (now - t > this.maxWait) return this.drop(id, t, ShedReason.TIMEOUT);
    return this.serve(id, t);
  }
}
