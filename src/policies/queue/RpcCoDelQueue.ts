import { QueueBase } from "./QueueBase.js";
import { type RequestQueue, ShedReason } from "./RequestQueue.js";
import { StandingQueue } from "./StandingQueue.js";

/**
 * Facebook's CoDel variant for RPC servers ("Fail at Scale"): FIFO; when the minimum queueing delay over the last
 * `interval` exceeded `target` (a standing queue), requests that waited longer than `shortTimeout` are failed at
 * dequeue; otherwise only those that waited longer than `longTimeout`.
 */
export class RpcCoDelQueue extends QueueBase implements RequestQueue {
  readonly type = "rpc-codel" as const;
  private readonly detector: StandingQueue;

  constructor(
    limit = Number.POSITIVE_INFINITY,
    /** Seconds. Default 0.005. */
    readonly target = 0.005,
    /** Seconds. Default 0.1. */
    readonly interval = 0.1,
    /** Seconds. Default 2 x target. */
    readonly shortTimeout = 2 * target,
    /** Seconds. Default `interval`. */
    readonly longTimeout = interval,
  ) {
    super(limit);
    this.detector = new StandingQueue(target, interval);
  }

  /** True while the short timeout applies. */
  get overloaded(): boolean {
    return this.detector.standing;
  }

  dequeue(now: number): number {
    if (this.q.size === 0) {
      this.detector.reset();
      return this.empty();
    }
    const id = this.q.frontId();
    const t = this.q.frontTime();
    this.q.dropFront();
    const timeout = this.detector.update(now, now - t) ? this.shortTimeout : this.longTimeout;
    if (now - t > timeout) return this.drop(id, t, ShedReason.TIMEOUT);
    return this.serve(id, t);
  }
}
