import type { FaultSpec } from "../spec/FaultSpec.js";

/** The combined effect of the faults in force on one target. */
export interface CombinedFault {
  /** Probability that a request fails (service) or is dropped (link): 1 - prod(1 - errorRate). 0 with none. */
  errorRate: number;
  /** Extra latency, seconds: the sum of the faults' `addedLatency`. 0 with none. */
  addedLatency: number;
  /** Share of capacity left: the product of the faults' `capacityFactor`. 1 with none. */
  capacityFactor: number;
  /** True while any fault partitions the target. */
  partition: boolean;
  /** True while any fault makes the target's endpoint resolve to nothing (`unresolvable`). */
  unresolvable: boolean;
}

/**
 * Combines overlapping faults on one target as independent effects: a request survives each fault's error rate
 * independently, capacity losses compound, latencies add up, and one partition (or one empty DNS record) is enough.
 */
export function combineFaults(faults: readonly FaultSpec[]): CombinedFault {
  let pass = 1;
  let addedLatency = 0;
  let capacityFactor = 1;
  let partition = false;
  let unresolvable = false;
  for (const f of faults) {
    pass *= 1 - (f.errorRate ?? 0);
    addedLatency += f.addedLatency ?? 0;
    capacityFactor *= f.capacityFactor ?? 1;
    if (f.partition === true) partition = true;
    if (f.unresolvable === true) unresolvable = true;
  }
  return { errorRate: 1 - pass, addedLatency, capacityFactor, partition, unresolvable };
}
