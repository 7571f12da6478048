/**
 * A source of time. Every policy and model entity reads time through this interface, so the same code runs on the
 * simulator's virtual clock (`Simulation`) and on the real clock (`RealClock` in runtime/).
 */
export interface Clock {
  /** Current time in seconds (float64). Only differences are meaningful; the origin is the clock's own. */
  now(): number;
}
