import { type Disposable, Listeners } from "../Listeners.js";
import { IdDeque } from "./IdDeque.js";
import { NONE, type QueueCounters, ShedReason } from "./RequestQueue.js";

/** Shared plumbing: one deque, a bound, counters, shed events and the dequeue result fields. */
export abstract class QueueBase {
  readonly counters: QueueCounters = { enqueued: 0, served: 0, dropped: 0, shed: 0 };
  dropped = false;
  lastArrival = Number.NaN;
  protected readonly q = new IdDeque();
  private readonly shedL = new Listeners<(id: number, reason: number) => void>();

  constructor(
    /** Most requests held (Infinity = unbounded). */
    readonly limit: number,
  ) {}

  get size(): number {
    return this.q.size;
  }

  onShed(fn: (id: number, reason: number) => void): Disposable {
    return this.shedL.on(fn);
  }

  remove(id: number): boolean {
    return this.q.remove(id);
  }

  /** Default enqueue: refuse the newcomer when full. */
  enqueue(id: number, now: number, _criticality?: number): number {
    if (this.q.size >= this.limit) return this.shed(id, ShedReason.FULL);
    this.q.pushBack(id, now);
    this.counters.enqueued++;
    return NONE;
  }

  protected shed(id: number, reason: number): number {
    this.counters.shed++;
    if (this.shedL.size > 0) this.shedL.emit(id, reason);
    return id;
  }

  protected serve(id: number, arrival: number): number {
    this.dropped = false;
    this.lastArrival = arrival;
    this.counters.served++;
    return id;
  }

  protected drop(id: number, arrival: number, reason: number): number {
    this.dropped = true;
    this.lastArrival = arrival;
    this.counters.dropped++;
    if (this.shedL.size > 0) this.shedL.emit(id, reason);
    return id;
  }

  protected empty(): number {
    this.dropped = false;
    return NONE;
  }
}
