import { IdDeque } from "./IdDeque.js";
import { QueueBase } from "./QueueBase.js";
import { Criticality, NONE, type RequestQueue, ShedReason } from "./RequestQueue.js";

const LEVELS = 4;

/**
 * Criticality-aware queue: one FIFO per criticality (CRITICAL_PLUS 0 ... SHEDDABLE 3); dequeue serves the most
 * critical level first; when full, the newest request of the least critical level is shed to admit a more critical
 * newcomer, and a newcomer no more critical than everything queued is refused. Drops requests older than
 * `maxWait` at dequeue.
 */
export class CriticalityQueue extends QueueBase implements RequestQueue {
  readonly type = "criticality" as const;
  private readonly levels: IdDeque[] = [];
  private total = 0;

  constructor(
    limit = Number.POSITIVE_INFINITY,
    readonly maxWait = Number.POSITIVE_INFINITY,
  ) {
    super(limit);
    for (let i = 0; i < LEVELS; i++) this.levels.push(new IdDeque());
  }

  override get size(): number {
    return this.total;
  }

  /** Requests waiting at `criticality`. */
  sizeAt(criticality: number): number {
    return this.levels[criticality]?.size ?? 0;
  }

  override enqueue(id: number, now: number, criticality: number = Criticality.CRITICAL): number {
    const c = criticality >= 0 && criticality < LEVELS ? criticality | 0 : Criticality.CRITICAL;
    let evicted = NONE;
    if (this.total >= this.limit) {
      let worst = LEVELS - 1;
      while (worst > c && this.levels[worst]!.size === 0) worst--;
      if (worst <= c) return this.shed(id, ShedReason.FULL);
      const level = this.levels[worst]!;
      evicted = level.backId();
      level.dropBack();
      this.total--;
      this.shed(evicted, ShedReason.FULL);
    }
    this.levels[c]!.pushBack(id, now);
    this.total++;
    this.counters.enqueued++;
    return evicted;
  }

  dequeue(now: number): number {
    for (let c = 0; c < LEVELS; c++) {
      const level = this.levels[c]!;
      if (level.size === 0) continue;
      const id = level.frontId();
      const t = level.frontTime();
      level.dropFront();
      this.total--;
      if (now - t > this.maxWait) return this.drop(id, t, ShedReason.TIMEOUT);
      return this.serve(id, t);
    }
    return this.empty();
  }

  override remove(id: number): boolean {
    for (const level of this.levels) {
      if (level.remove(id)) {
        this.total--;
        return true;
      }
    }
    return false;
  }
}
