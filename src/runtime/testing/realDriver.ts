import { Xoshiro128 } from "../../engine/Xoshiro128.js";
import type { ClockDriver } from "../../policies/testing/ClockDriver.js";
import { RealClock } from "../RealClock.js";
import { sleep } from "./sleep.js";

/** A driver on the real clock; one unit is `unit` seconds (default 20 ms) so real-clock suites stay fast. */
export function realDriver(unit = 0.02, seed = 1): ClockDriver {
  const root = new Xoshiro128(seed);
  return {
    name: "real",
    clock: new RealClock(),
    unit,
    rng: (name) => root.fork(name),
    advance: (seconds) => sleep(seconds),
  };
}
