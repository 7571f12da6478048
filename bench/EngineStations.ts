import type { Rng } from "../src/core/Rng.js";
import { Simulation } from "../src/engine/Simulation.js";

/**
 * The engine side of the engine benchmarks: the same model as `CeilingStations` (independent M/M/1 queues, arrival
 * rate `rho`, service rate 1, identical use of random draws) written as an ordinary user of the public `Simulation`
 * API: two registered event kinds, `after` for scheduling, one `Rng` stream from `sim.rng`.
 */
export class EngineStations {
  readonly sim: Simulation;
  private readonly queue: Int32Array;
  private arrivals = 0;

  /** Same parameters as `CeilingStations`. */
  constructor(
    stations: number,
    seed: number,
    options: { rho?: number; maxArrivals?: number; stationary?: boolean } = {},
  ) {
    const rho = options.rho ?? 0.9;
    const maxArrivals = options.maxArrivals ?? Number.POSITIVE_INFINITY;
    const sim = new Simulation({ seed, initialCapacity: Math.max(1024, 4 * stations) });
    this.sim = sim;
    const q = new Int32Array(stations);
    this.queue = q;
    const rng: Rng = sim.rng("stations");
    const exp = (): number => -Math.log(rng.next());
    let arrive = 0;
    const depart = sim.register((st) => {
      const x = exp();
      if (--q[st]! > 0) sim.after(x, depart, st, 0);
    }, "depart");
    arrive = sim.register((st) => {
      const x = exp();
      if (++q[st]! === 1) {
        sim.after(x, depart, st, 0);
        if (this.arrivals < maxArrivals) {
          this.arrivals++;
          sim.after(exp() / rho, arrive, st, 0);
        }
      } else if (this.arrivals < maxArrivals) {
        this.arrivals++;
        sim.after(x / rho, arrive, st, 0);
      }
    }, "arrive");
    for (let i = 0; i < stations; i++) {
      if (options.stationary) {
        const n = Math.floor(Math.log(rng.next()) / Math.log(rho));
        q[i] = n;
        if (n > 0) sim.after(exp(), depart, i, 0);
      }
      this.arrivals++;
      sim.after(exp() / rho, arrive, i, 0);
    }
  }

  /** Runs events with time <= until; returns how many ran. */
  run(until: number): number {
    return this.sim.run({ until });
  }

  /** Total customers in all queues (for checks). */
  inSystem(): number {
    let n = 0;
    for (const x of this.queue) n += x;
    return n;
  }
}
