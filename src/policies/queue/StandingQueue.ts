/**
 * Detects a standing queue the way CoDel does: the oldest request's waiting time has stayed at or above `target`
 * for at least `interval` seconds (equivalently, the minimum queueing delay over the last interval exceeded target).
 */
export class StandingQueue {
  private armed = false;
  private firstAbove = 0;
  /** True while a standing queue exists. */
  standing = false;

  constructor(
    readonly target: number,
    readonly interval: number,
  ) {}

  /** Feeds the waiting time (seconds) of the oldest request at `now`; returns `standing`. */
  update(now: number, sojourn: number): boolean {
    if (sojourn < this.target) {
      this.armed = false;
      this.standing = false;
    } else if (!this.armed) {
      this.armed = true;
      this.firstAbove = now + this.interval;
      this.standing = false;
    } else this.standing = now >= this.firstAbove;
    return this.standing;
  }

  /** The queue went empty. */
  reset(): void {
    this.armed = false;
    this.standing = false;
  }
}
