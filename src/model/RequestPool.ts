import { ColumnPool } from "../engine/ColumnPool.js";

/** Who owns a logical request: a fleet's client, or a service handling an attempt (a dependency call). */
export const OWNER_FLEET = 0;
export const OWNER_SERVICE = 1;

/**
 * Logical requests (a request and all its retries), as columns of typed arrays indexed by a request id. Client-side
 * state only: the attempt in flight lives in the AttemptPool. Ids are recycled through a free list.
 */
export class RequestPool {
  ownerKind = new Int8Array(256);
  /** Fleet index, or the id of the service-side attempt that makes this dependency call. */
  owner = new Int32Array(256);
  /** Global client index (fleet requests) or dependency index (dependency calls). */
  client = new Int32Array(256);
  /** Time of the first attempt, seconds. */
  first = new Float64Array(256);
  /** Start of the current attempt (its timeout counts from here, including any wait for a connection). */
  attemptStart = new Float64Array(256);
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
      "ownerKind",
      "owner",
      "client",
      "first",
      "attemptStart",
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

  alloc(ownerKind: number, owner: number, client: number, now: number): number {
    const id = this.ids.alloc();
    this.ownerKind[id] = ownerKind;
    this.owner[id] = owner;
    this.client[id] = client;
    this.first[id] = now;
    this.attempts[id] = 0;
    this.attemptStart[id] = now;
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
