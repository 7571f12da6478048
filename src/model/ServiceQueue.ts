/**
 * The queue a service's servers take work from, holding attempt ids (numbers only: no per-item objects). Disciplines
 * may shed work on their own (CoDel): shed ids are handed back through `takeDropped` and answered with an error.
 */
export interface ServiceQueue {
  readonly size: number;
  /** Adds attempt `id` that arrived at `now` (seconds). */
  push(id: number, now: number): void;
  /** The next attempt to serve at `now`, or -1 when none is left (everything may have been shed). */
  pop(now: number): number;
  /** An id shed since the last call, or -1. */
  takeDropped(): number;
}
