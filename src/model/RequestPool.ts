import { grow } from "./grow.js";

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
  private free = new Int32Array(256);
  private freeTop = 0;
  private used = 0;
  live = 0;

  alloc(site: number, client: number, now: number): number {
    let id: number;
    if (this.freeTop > 0) id = this.free[--this.freeTop]!;
    else {
      if (this.used === this.site.length) this.growAll();
      id = this.used++;
    }
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
    this.live++;
    return id;
  }

  release(id: number): void {
    this.free[this.freeTop++] = id;
    this.live--;
  }

  private growAll(): void {
    const n = this.site.length * 2;
    this.site = grow(this.site, n);
    this.client = grow(this.client, n);
    this.first = grow(this.first, n);
    this.attempts = grow(this.attempts, n);
    this.attemptStart = grow(this.attemptStart, n);
    this.deadline = grow(this.deadline, n);
    this.ticket = grow(this.ticket, n);
    this.cause = grow(this.cause, n);
    this.prevDelay = grow(this.prevDelay, n);
    this.current = grow(this.current, n);
    this.timer = grow(this.timer, n);
    this.nextWaiting = grow(this.nextWaiting, n);
    this.waiting = grow(this.waiting, n);
    this.free = grow(this.free, n);
  }
}
