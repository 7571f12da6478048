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
  return summarize(rates);
}

/** Result of `compare`: both measurements and the median of the per-pair ratios a / b. */
export interface Comparison {
  a: Measurement;
  b: Measurement;
  ratio: number;
}

/**
 * Measures two jobs in alternation (a, b, a, b, ...) so that load from other processes hits both alike, and reports
 * the median of the per-pair ratios of their rates as well as each one's median rate.
 */
export function compare(a: () => number, b: () => number, options: MeasureOptions = {}): Comparison {
  const runs = options.runs ?? 5;
  const one = { ...options, runs: 1 };
  const ra: number[] = [];
  const rb: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < runs; r++) {
    const x = measure(a, r === 0 ? one : { ...one, warmups: 0 }).median;
    const y = measure(b, r === 0 ? one : { ...one, warmups: 0 }).median;
    ra.push(x);
    rb.push(y);
    ratios.push(x / y);
  }
  return { a: summarize(ra), b: summarize(rb), ratio: median(ratios) };
}

function summarize(rates: number[]): Measurement {
  return { median: median(rates), rates };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((p, q) => p - q);
  return sorted[Math.floor(sorted.length / 2)]!;
}
