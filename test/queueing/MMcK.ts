import { Exponential } from "../../src/engine/distributions/Exponential.js";
import { Simulation } from "../../src/engine/Simulation.js";

/** Parameters of an M/M/c/K queue: Poisson arrivals, exponential service, c servers, room for K in the system. */
export interface MMcKParams {
  /** Arrivals per second. */
  lambda: number;
  /** Services per second per server. */
  mu: number;
  /** Servers. */
  c: number;
  /** Capacity of the system (in service + waiting); Infinity for M/M/c. */
  K: number;
}

/** Per-customer observations, in order of arrival. */
export interface MMcKRun {
  /** Waiting time in queue (seconds) of each admitted customer, in order of service start (FIFO = arrival order). */
  waits: Float64Array;
  /** 1 for each arrival that found the system full, 0 otherwise, in order of arrival. */
  blocked: Uint8Array;
}

/**
 * Simulates an M/M/c/K FIFO queue on the engine (two event kinds, named Rng streams for arrivals and services) until
 * `customers` arrivals have happened, and returns every customer's wait and whether it was blocked.
 */
export function simulateMMcK(p: MMcKParams, customers: number, seed: number): MMcKRun {
  const sim = new Simulation({ seed });
  const arrivalRng = sim.rng("arrivals");
  const serviceRng = sim.rng("service");
  const interarrival = new Exponential(1 / p.lambda);
  const service = new Exponential(1 / p.mu);
  const waits = new Float64Array(customers);
  const blocked = new Uint8Array(customers);
  // FIFO of waiting customers' arrival times (a ring buffer bigger than any queue this run can build)
  const ring = new Float64Array(1 << 20);
  const mask = ring.length - 1;
  let head = 0;
  let waiting = 0;
  let busy = 0;
  let arrivals = 0;
  let started = 0;
  let arrive = 0;
  const depart = sim.register(() => {
    if (waiting > 0) {
      const t0 = ring[head]!;
      head = (head + 1) & mask;
      waiting--;
      waits[started++] = sim.now() - t0;
      sim.after(service.sample(serviceRng), depart, 0, 0);
    } else busy--;
  }, "depart");
  arrive = sim.register(() => {
    const i = arrivals++;
    if (busy < p.c) {
      busy++;
      waits[started++] = 0;
      sim.after(service.sample(serviceRng), depart, 0, 0);
    } else if (busy + waiting < p.K) {
      if (waiting === ring.length) throw new Error("queue longer than the test's ring buffer");
      ring[(head + waiting++) & mask] = sim.now();
    } else blocked[i] = 1;
    if (arrivals < customers) sim.after(interarrival.sample(arrivalRng), arrive, 0, 0);
  }, "arrive");
  sim.after(interarrival.sample(arrivalRng), arrive, 0, 0);
  sim.run();
  return { waits: waits.subarray(0, started), blocked };
}
