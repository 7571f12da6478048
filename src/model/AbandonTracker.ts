import { grow } from "./grow.js";

/** Where a tracked attempt is inside one service. */
export const AT_NONE = 0;
export const AT_QUEUED = 1;
export const AT_SERVING = 2;

/**
 * Where each attempt is inside a service that cancels abandoned work at timeout (`cancelAt: timeout`): waiting in
 * its queue, or in local service with the handle of its completion event. Columns indexed by attempt id, grown on
 * demand, so tracking allocates nothing per attempt.
 */
export class AbandonTracker {
  stage = new Int8Array(256);
  /** Completion event handle of an attempt in local service. */
  handle = new Float64Array(256);

  private fit(a: number): void {
    if (a < this.stage.length) return;
    let n = this.stage.length * 2;
    while (n <= a) n *= 2;
    this.stage = grow(this.stage, n);
    this.handle = grow(this.handle, n);
  }

  queued(a: number): void {
    this.fit(a);
    this.stage[a] = AT_QUEUED;
  }

  serving(a: number, handle: number): void {
    this.fit(a);
    this.stage[a] = AT_SERVING;
    this.handle[a] = handle;
  }

  clear(a: number): void {
    if (a < this.stage.length) this.stage[a] = AT_NONE;
  }

  stageOf(a: number): number {
    return a < this.stage.length ? this.stage[a]! : AT_NONE;
  }
}
