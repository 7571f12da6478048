import { ColumnPool } from "../engine/ColumnPool.js";

/**
 * Logical requests (a request and all its retries), as columns of typed arrays indexed by a request id. Client-side
 * state only: the attempt in flight lives in the AttemptPool. Ids are recycled through a free list. Every request
 * belongs to one call site (`site`), which runs its lifecycle.
 */
export class RequestPool {
  /** The call site (World.callers index) whose request this is. */
  site = new Int32Array(256);
  /** The caller behind the site: a fleet's client index, or the service-side attempt making a dependency call. */
  client = new Int32Array(256);
  /** Time of the first attempt, seconds. */
  first = new Float64Array(256);
  /** Start of the current attempt (its timeout counts from here, including any wait for a connection). */
  attemptStart = new Float64Array(256);
  /** Deadline of the current attempt (its start plus its timeout, drawn or fixed), seconds. */
  deadline = new Float64Array(256);
  /** Breaker ticket of the current attempt (0: none). */
  ticket = new Float64Array(256);
  /** Cause of the current attempt: Cause.FIRST or the outcome code that caused this retry. */
  cause = new Int8Array(256);
  /** Attempts made so far. */
  attempts = new Int32Array(256);
  /** Delay before the latest retry (decorrelated jitter reads it), -1 for none. */
  prevDelay = new Float64Array(256);
  /** Attempt in flight, or -1. */
  current = new Int32Array(256);
  /** Timeout timer handle of the current attempt, -1 for none. */
  timer = new Float64Array(256);
  /** Next request waiting for the same client's connection, -1 at the end. */
  nextWaiting = new Int32Array(256);
  /** 1 while waiting in a client's connection queue. */
  waiting = new Int8Array(256);
  /** Free list, id allocation and growth of every column above. */
  private readonly ids: ColumnPool = new ColumnPool(256);

  constructor() {
    this.ids.adopt<RequestPool>(this, [
      "site",
      "client",
      "first",
      "attemptStart",
      "deadline",
      "ticket",
      "cause",
      "attempts",
      "prevDelay",
      "current",
      "timer",
      "nextWaiting",
      "waiting",
    ]);
  }

  /** Ids in use. */
  get live(): number {
    return this.ids.live;
  }

  alloc(site: number, client: number, now: number): number {
    const id = this.ids.alloc();
    this.site[id] = site;
    this.client[id] = client;
    this.first[id] = now;
    this.attempts[id] = 0;
    this.attemptStart[id] = now;
    this.deadline[id] = now;
    this.ticket[id] = 0;
    this.cause[id] = 0;
    this.prevDelay[id] = -1;
    this.current[id] = -1;
    this.timer[id] = -1;
    this.nextWaiting[id] = -1;
    this.waiting[id] = 0;
    return id;
  }

  release(id: number): void {
    this.ids.release(id);
  }
}
