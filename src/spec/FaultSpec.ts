export interface FaultSpec {
  /** A service or a link, by name. */
  target: string;
  start: number;
  end: number;
  /** Probability that a request fails with an error (service) or is dropped (link). */
  errorRate?: number;
  /** Extra latency, seconds. */
  addedLatency?: number;
  /** Capacity multiplier during the fault (0.1 = 90% of capacity lost). */
  capacityFactor?: number;
  /** Nothing gets through. */
  partition?: boolean;
  /** The target service's endpoint resolves to nothing: new connection set-ups fail at once; live ones go on. */
  unresolvable?: boolean;
  trigger: boolean;
}
