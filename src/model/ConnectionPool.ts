import { growColumn } from "../engine/growColumn.js";

/**
 * A client connection pool in front of a call site (`fleets.F.pool`, `services.S.dependencies.D.pool`): each key (a
 * fleet's client, or the calling service as a whole) holds at most `limit(key)` connections; an attempt holds one from
 * when it is sent until it ends (answer, timeout, local failure). An attempt that finds every connection busy waits, in
 * FIFO order per key, with its timeout running; at the timeout it leaves the wait unsent (the call site counts it).
 * Waiters live in intrusive doubly linked lists over request ids (columns grown on demand: no per-attempt allocation).
 */
export class ConnectionPool {
  /** Connections in use per key. */
  private readonly inUse: Int32Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  /** Per request: 1 while it holds a connection, 2 while it waits for one, else 0. */
  private state = new Int8Array(256);
  private prev = new Int32Array(256);
  private next = new Int32Array(256);
  /** Per request: when it started waiting (seconds). */
  private since = new Float64Array(256);
  private readonly limit: (key: number) => number;
  /** Requests waiting now (all keys). */
  waiters = 0;
  /** In this interval: attempts that had to wait, the waits ended (by a connection or a timeout) and their sum (s). */
  waited = 0;
  waitsEnded = 0;
  waitTime = 0;
  /** In this interval: waits that ended at the attempt's timeout (the attempt was never sent). */
  waitTimeouts = 0;
  /** Over the run (folded in by `roll`). */
  readonly totals = { waited: 0, waitsEnded: 0, waitTime: 0, waitTimeouts: 0, peakWaiters: 0 };

  /** `keys` pools; `limit(key)` is the number of connections key may hold now (read at each acquire and release). */
  constructor(keys: number, limit: (key: number) => number) {
    this.inUse = new Int32Array(keys);
    this.head = new Int32Array(keys).fill(-1);
    this.tail = new Int32Array(keys).fill(-1);
    this.limit = limit;
  }

  private ensure(r: number): void {
    if (r < this.state.length) return;
    let n = this.state.length;
    while (n <= r) n *= 2;
    this.state = growColumn(this.state, n);
    this.prev = growColumn(this.prev, n);
    this.next = growColumn(this.next, n);
    this.since = growColumn(this.since, n);
  }

  /** Request `r` of `key` wants a connection at `now`: true when it got one, false when it waits (queued). */
  acquire(r: number, key: number, now: number): boolean {
    this.ensure(r);
    if (this.inUse[key]! < this.limit(key)) {
      this.inUse[key]!++;
      this.state[r] = 1;
      return true;
    }
    this.state[r] = 2;
    this.since[r] = now;
    const t = this.tail[key]!;
    this.prev[r] = t;
    this.next[r] = -1;
    if (t < 0) this.head[key] = r;
    else this.next[t] = r;
    this.tail[key] = r;
    this.waited++;
    this.waiters++;
    if (this.waiters > this.totals.peakWaiters) this.totals.peakWaiters = this.waiters;
    return false;
  }

  /** Whether request `r` waits for a connection. */
  waiting(r: number): boolean {
    return r < this.state.length && this.state[r] === 2;
  }

  /** Waiting request `r` of `key` timed out at `now`: it leaves the wait. */
  leave(r: number, key: number, now: number): void {
    this.unlink(r, key);
    this.state[r] = 0;
    this.waitsEnded++;
    this.waitTime += now - this.since[r]!;
    this.waitTimeouts++;
  }

  /**
   * Request `r` of `key` is done with its connection (if it holds one). Returns the waiter that takes the freed
   * connection (it holds it now; the caller sends it), or -1.
   */
  release(r: number, key: number, now: number): number {
    if (r >= this.state.length || this.state[r] !== 1) return -1;
    this.state[r] = 0;
    this.inUse[key]!--;
    return this.admitNext(key, now);
  }

  /** Hands a free connection of `key` to its first waiter, if the pool has room: the waiter, or -1. */
  admitNext(key: number, now: number): number {
    const w = this.head[key]!;
    if (w < 0 || this.inUse[key]! >= this.limit(key)) return -1;
    this.unlink(w, key);
    this.state[w] = 1;
    this.inUse[key]!++;
    this.waitsEnded++;
    this.waitTime += now - this.since[w]!;
    return w;
  }

  private unlink(r: number, key: number): void {
    const p = this.prev[r]!;
    const n = this.next[r]!;
    if (p < 0) this.head[key] = n;
    else this.next[p] = n;
    if (n < 0) this.tail[key] = p;
    else this.prev[n] = p;
    this.waiters--;
  }

  /** Ends the interval: folds the interval counters into `totals` and clears them. */
  roll(): void {
    const t = this.totals;
    t.waited += this.waited;
    t.waitsEnded += this.waitsEnded;
    t.waitTime += this.waitTime;
    t.waitTimeouts += this.waitTimeouts;
    this.waited = 0;
    this.waitsEnded = 0;
    this.waitTime = 0;
    this.waitTimeouts = 0;
  }
}
