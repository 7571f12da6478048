import type { Clock } from "../../core/Clock.js";

/** A clock that moves only when told (exact-semantics tests). */
export class ManualClock implements Clock {
  constructor(public t = 0) {}
  now(): number {
    return this.t;
  }
  /** Moves time forward by `seconds`. */
  advance(seconds: number): void {
    this.t += seconds;
  }
}
