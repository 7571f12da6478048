import type { Rng } from "../src/core/Rng.js";
import { Simulation } from "../src/engine/Simulation.js";

/**
 * A timeout-heavy engine workload (the shape of the cloud model's clients): `clients` closed-loop clients, each
 * sending a request with a per-attempt timeout in a timer lane, cancelling the timeout when the response comes back
 * first, thinking, and sending again; a timed-out request is retried at once. Responses take Exp(mean `responseMean`)
 * seconds, so with a 1 s timeout and a 0.4 s mean about 8% of attempts time out. Engine only: there is no ceiling.
 */
export class EngineTimeouts {
  readonly sim: Simulation;

  constructor(clients: number, seed: number, responseMean = 0.4, thinkMean = 0.5) {
    const sim = new Simulation({ seed, initialCapacity: 4 * clients });
    this.sim = sim;
    const rng: Rng = sim.rng("clients");
    const timeoutLane = sim.lane(1);
    const timer = new Float64Array(clients);
    const attempt = new Int32Array(clients);
    let send = 0;
    let timeout = 0;
    const respond = sim.register((c, a) => {
      if (a !== attempt[c]) return; // response to an attempt that already timed out: wasted work
      sim.cancel(timer[c]!);
      sim.after(-thinkMean * Math.log(rng.next()), send, c, 0);
    }, "respond");
    timeout = sim.register((c) => sim.after(0, send, c, 0), "timeout");
    send = sim.register((c) => {
      const a = ++attempt[c]!;
      timer[c] = sim.inLane(timeoutLane, timeout, c, 0);
      sim.after(-responseMean * Math.log(rng.next()), respond, c, a);
    }, "send");
    for (let c = 0; c < clients; c++) sim.after(-thinkMean * Math.log(rng.next()), send, c, 0);
  }

  /** Runs events with time <= until; returns how many ran. */
  run(until: number): number {
    return this.sim.run({ until });
  }
}
