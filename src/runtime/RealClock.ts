import type { Clock } from "../core/Clock.js";

/**
 * The real clock: `now()` is `performance.now()` in seconds (monotonic; the origin is the process start). Hand it to
 * any policy core to run it in production; the simulator hands the same cores a `Simulation` instead.
 */
export class RealClock implements Clock {
  now(): number {
    return performance.now() / 1000;
  }
}

/** A shared RealClock. */
export const realClock: Clock = new RealClock();
