import { QueueBase } from "./QueueBase.js";
import { type RequestQueue, ShedReason } from "./RequestQueue.js";
import { StandingQueue } from "./StandingQueue.js";

/**
 * Adaptive LIFO (Facebook): FIFO while the queue drains; newest first while a standing queue exists (the oldest
 * request has waited at least `target` for a whole `interval`), so under overload fresh requests, whose callers are
 * still waiting, are served first. Refuses newcomers when full; drops requests older than `maxWait` at dequeue.
 */
export class AdaptiveLifoQueue extends QueueBase implements RequestQueue {
  readonly type = "adaptive-lifo" as const;
  private readonly detector: StandingQueue;

  constructor(
    limit = Number.POSITIVE_INFINITY,
    /** Waiting time (seconds) above which the queue counts as standing. Default 0.005. */
    target = 0.005,
    /** Seconds the wait must stay above target. Default 0.1. */
    interval = 0.1,
    readonly maxWait = Number.POSITIVE_INFINITY,
  ) {
    super(limit);
    this.detector = new StandingQueue(target, interval);
  }

  /** True while serving newest first. */
  get lifo(): boolean {
    return this.detector.standing;
  }

  dequeue(now: number): number {
    if (this.q.size === 0) {
      this.detector.reset();
      return this.empty();
    }
    const lifo = this.detector.update(now, now - this.q.frontTime());
    const id = lifo ? this.q.backId() : this.q.frontId();
    const t = lifo ? this.q.backTime() : this.q.frontTime();
    if (lifo) this.q.dropBack();
    else this.q.dropFront();
    if (now - t > this.maxWait) return this.drop(id, t, ShedReason.TIMEOUT);
    return this.serve(id, t);
  }
}
