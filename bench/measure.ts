import { performance } from "node:perf_hooks";

/** Options for `measure`. */
export interface MeasureOptions {
  /** Timed runs whose median is reported. Default 5. */
  runs?: number;
  /** Minimum wall time of one run in seconds: the job repeats until it is reached. Default 1. */
  minSeconds?: number;
  /** Untimed warm-up runs (JIT). Default 1. */
  warmups?: number;
}

/** Result of `measure`: the median rate and every run's rate, in events per second. */
export interface Measurement {
  median: number;
  rates: number[];
}

/**
 * Measures a job's throughput. `job()` does some work and returns how many events it ran; one run repeats the job
 * until `minSeconds` have passed and divides total events by total wall time. Reports the median of `runs` runs.
 */
export function measure(job: () => number, options: MeasureOptions = {}): Measurement {
  const runs = options.runs ?? 5;
  const minSeconds = options.minSeconds ?? 1;
  const warmups = options.warmups ?? 1;
  for (let i = 0; i < warmups; i++) {
    const start = performance.now();
    do job();
    while (performance.now() - start < minSeconds * 500);
  }
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    let events = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      events += job();
      elapsed = (performance.now() - start) / 1000;
    } while (elapsed < minSeconds);
    rates.push(events / elapsed);
  }
  const sorted = [...rates].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, rates };
}
