import { Simulation } from "../../engine/Simulation.js";
import type { ClockDriver } from "./ClockDriver.js";

/** A driver on the engine's virtual clock (`Simulation`), unit 1 s. */
export function virtualDriver(seed = 1): ClockDriver {
  const sim = new Simulation({ seed });
  return {
    name: "virtual",
    clock: sim,
    unit: 1,
    rng: (name) => sim.rng(name),
    advance: async (seconds) => {
      sim.run({ until: sim.now() + seconds });
    },
  };
}
