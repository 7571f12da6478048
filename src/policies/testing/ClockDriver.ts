import type { Clock } from "../../core/Clock.js";
import type { Rng } from "../../core/Rng.js";

/**
 * How a conformance suite drives time: the engine's virtual clock or the real clock. Suites size every duration in
 * multiples of `unit` seconds (1 on the virtual clock, a few milliseconds on the real one) and only assert one-sided
 * facts about real time ("at least this long has passed"), so a slow machine cannot make them flaky.
 */
export interface ClockDriver {
  readonly name: string;
  readonly clock: Clock;
  /** Seconds that a suite's "one unit of time" lasts on this clock. */
  readonly unit: number;
  /** A reproducible random stream. */
  rng(name: string): Rng;
  /** Lets `seconds` pass (virtual: runs the simulation; real: sleeps). */
  advance(seconds: number): Promise<void>;
}

/** Makes a fresh driver for each test. */
export type ClockDriverFactory = () => ClockDriver;
