import type { Rng } from "../core/Rng.js";

/**
 * Optimistic concurrency control on a service (`contention: { keys, conflictWindow }`): each request that completes
 * its work is a write to a key drawn uniformly from `keys` (stream `service/<name>/contention`); it commits unless
 * another write to the same key committed within the last `conflictWindow` seconds (the time between its read and its
 * write), in which case it conflicts and is answered with an error (its client may retry). First committer wins.
 */
export class Contention {
  private readonly lastCommit: Float64Array;
  private readonly window: number;
  private readonly rng: Rng;
  /** Conflicting writes (error answers) in this interval and over the run. */
  conflicts = 0;
  totalConflicts = 0;

  constructor(keys: number, conflictWindow: number, rng: Rng) {
    this.lastCommit = new Float64Array(keys).fill(Number.NEGATIVE_INFINITY);
    this.window = conflictWindow;
    this.rng = rng;
  }

  /** A write at `now`: true when it commits, false when it conflicts. */
  write(now: number): boolean {
    const key = Math.floor(this.rng.next() * this.lastCommit.length);
    if (this.lastCommit[key]! > now - this.window) {
      this.conflicts++;
      return false;
    }
    this.lastCommit[key] = now;
    return true;
  }

  roll(): void {
    this.totalConflicts += this.conflicts;
    this.conflicts = 0;
  }
}
