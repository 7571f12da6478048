import type { Series } from "./RunResult.js";

/**
 * Per-interval series in typed arrays: one Float64Array per column, one slot per interval of `interval` seconds.
 * Columns are declared up front; `set(column, i, value)` is O(1) and allocation-free. `toSeries` converts to plain
 * data at the end of a run.
 */
export class IntervalRecorder {
  readonly interval: number;
  readonly capacity: number;
  private readonly columns = new Map<string, Float64Array>();
  /** Number of intervals recorded so far. */
  length = 0;

  constructor(interval: number, duration: number) {
    this.interval = interval;
    this.capacity = Math.max(1, Math.ceil(duration / interval));
  }

  /** Declares a column and returns its array (NaN until set). */
  column(name: string): Float64Array {
    let c = this.columns.get(name);
    if (c === undefined) {
      c = new Float64Array(this.capacity).fill(Number.NaN);
      this.columns.set(name, c);
    }
    return c;
  }

  get(name: string): Float64Array | undefined {
    return this.columns.get(name);
  }

  names(): string[] {
    return [...this.columns.keys()];
  }

  /**
   * One column's recorded intervals as plain data, as {@link toSeries} gives it (NaN becomes null, 10 significant
   * digits); an empty list for a column never declared. A summary that reads a few columns converts only those.
   */
  columnSeries(name: string): (number | null)[] {
    const data = this.columns.get(name);
    return data === undefined ? [] : plain(data, this.length);
  }

  /** The recorded intervals as plain data: a NaN slot (no data for that interval) becomes null, never 0. */
  toSeries(): Series {
    const n = this.length;
    const columns: Record<string, (number | null)[]> = {};
    for (const [name, data] of this.columns) columns[name] = plain(data, n);
    return { interval: this.interval, time: Array.from({ length: n }, (_, i) => i * this.interval), columns };
  }
}

function plain(data: Float64Array, n: number): (number | null)[] {
  const out: (number | null)[] = [];
  const len = Math.min(n, data.length);
  for (let i = 0; i < len; i++) {
    const v = data[i]!;
    // 10 significant digits. Zero (either sign) gives 0, and an integer of at most 10 digits is its own rounding
    // (the same numbers as through toPrecision, without the string).
    if (Number.isNaN(v)) out.push(null);
    else if (v === 0) out.push(0);
    else if (Number.isInteger(v) && Math.abs(v) < 1e10) out.push(v);
    else out.push(Number(v.toPrecision(10)));
  }
  return out;
}
