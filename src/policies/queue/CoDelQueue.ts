import { QueueBase } from "./QueueBase.js";
import { NONE, type RequestQueue, ShedReason } from "./RequestQueue.js";

/**
 * CoDel (RFC 8289) over requests instead of packets: FIFO; when the sojourn time has stayed at or above `target` for
 * a whole `interval`, it enters the dropping state: drop, count += 1, next drop at interval / sqrt(count) later;
 * leaves it when the sojourn falls below target. "At least one packet in the queue" becomes "at least one request
 * left". One drop per `dequeue` call: call again while `dropped` is true (see RequestQueue).
 */
export class CoDelQueue extends QueueBase implements RequestQueue {
  readonly type = "codel" as const;
  /** True while in CoDel's dropping state. */
  dropping = false;
  /** Drops in the current dropping episode (RFC `count`). */
  count = 0;
  /** Time of the next scheduled drop (RFC `drop_next`). */
  dropNext = 0;
  private lastCount = 0;
  private armed = false;
  private firstAbove = 0;
  /** 0 normal, 1 inside the drop loop, 2 right after the first drop of an episode. */
  private phase = 0;
  private okToDrop = false;
  private popId = NONE;
  private popTime = 0;

  constructor(
    limit = Number.POSITIVE_INFINITY,
    /** Seconds. Default 0.005 (5 ms). */
    readonly target = 0.005,
    /** Seconds. Default 0.1 (100 ms). */
    readonly interval = 0.1,
  ) {
    super(limit);
  }

  /** RFC control law: t + interval / sqrt(count). */
  controlLaw(t: number, count: number): number {
    return t + this.interval / Math.sqrt(count);
  }

  dequeue(now: number): number {
    const phase = this.phase;
    this.phase = 0;
    if (!this.pop(now)) {
      this.dropping = false;
      return this.empty();
    }
    if (phase === 2) return this.serve(this.popId, this.popTime);
    if (phase === 1) {
      if (!this.okToDrop) this.dropping = false;
      else {
        this.dropNext = this.controlLaw(this.dropNext, this.count);
        if (now >= this.dropNext) return this.dropOne();
      }
      return this.serve(this.popId, this.popTime);
    }
    if (this.dropping) {
      if (!this.okToDrop) this.dropping = false;
      else if (now >= this.dropNext) return this.dropOne();
      return this.serve(this.popId, this.popTime);
    }
    if (this.okToDrop) {
      this.count++;
      this.dropping = true;
      const delta = this.count - this.lastCount;
      this.count = delta > 1 && now - this.dropNext < 16 * this.interval ? delta : 1;
      this.dropNext = this.controlLaw(now, this.count);
      this.lastCount = this.count;
      this.phase = 2;
      return this.drop(this.popId, this.popTime, ShedReason.CODEL);
    }
    return this.serve(this.popId, this.popTime);
  }

  private dropOne(): number {
    this.count++;
    this.phase = 1;
    return this.drop(this.popId, this.popTime, ShedReason.CODEL);
  }

  /** RFC dodequeue: pops the front into popId/popTime and sets okToDrop. False when empty. */
  private pop(now: number): boolean {
    this.okToDrop = false;
    if (this.q.size === 0) {
      this.armed = false;
      return false;
    }
    this.popId = this.q.frontId();
    this.popTime = this.q.frontTime();
    this.q.dropFront();
    const sojourn = now - this.popTime;
    if (sojourn < this.target || this.q.size === 0) this.armed = false;
    else if (!this.armed) {
      this.armed = true;
      this.firstAbove = now + this.interval;
    } else if (now >= this.firstAbove) this.okToDrop = true;
    return true;
  }
}
