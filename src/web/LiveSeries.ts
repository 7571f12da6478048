import type { Series } from "../metrics/RunResult.js";

/** The columns a running job streams to the page: the verdict's two headline lines. */
export const LIVE_COLUMNS: readonly string[] = ["goodput", "amplification"];
/** Points per column over a whole run, at most (the run's rows are averaged in equal buckets). Default 600. */
export const LIVE_POINTS = 600;

/** New points of a running job's live series, as the page hears them (server-sent event `series`). */
export interface LiveSeriesEvent {
  type: "series";
  /** Index of the first point in this event (0 for the first event, or for `all()`). */
  from: number;
  /** Simulated seconds between points (the run's interval times the rows per point). */
  step: number;
  /** Simulated seconds the whole run covers (its rows times the interval): the x axis's span. */
  span: number;
  /** Simulated seconds from the scenario's start of each point's first row. */
  time: number[];
  /** Per column, the mean of the bucket's non-null rows (null when all were null). */
  columns: Record<string, (number | null)[]>;
}

/**
 * The downsampled live series of one run: fed the worker's growing snapshots, it keeps one point per `rowsPerPoint`
 * rows (the bucket's mean) for a few columns, so the page gets at most `points` points per column however long the
 * run, and each snapshot yields only the points not sent before. A bucket is emitted once complete, the last partial
 * one only at the end (`final`).
 */
export class LiveSeries {
  readonly rowsPerPoint: number;
  readonly time: number[] = [];
  readonly columns: Record<string, (number | null)[]> = {};
  private step = 0;
  private span = 0;

  /**
   * @param rows the run's rows in all (simulated duration / interval)
   * @param names the columns to keep (missing ones are left out)
   * @param points at most this many points per column
   */
  constructor(
    readonly rows: number,
    readonly names: readonly string[] = LIVE_COLUMNS,
    points = LIVE_POINTS,
  ) {
    this.rowsPerPoint = Math.max(1, Math.ceil(rows / Math.max(1, points)));
  }

  /** Points taken so far. */
  get length(): number {
    return this.time.length;
  }

  /** Takes the complete buckets of `series` not taken yet (and the partial last one when `final`). */
  update(series: Series, final = false): LiveSeriesEvent | null {
    this.step = series.interval * this.rowsPerPoint;
    this.span = series.interval * this.rows;
    const from = this.time.length;
    const rows = series.time.length;
    const names = this.names.filter((n) => series.columns[n] !== undefined);
    for (const n of names) this.columns[n] ??= [];
    for (let start = from * this.rowsPerPoint; start < rows; start += this.rowsPerPoint) {
      const end = start + this.rowsPerPoint;
      if (end > rows && !final) break;
      this.time.push(series.time[start]!);
      for (const n of names) {
        const col = series.columns[n]!;
        let sum = 0;
        let count = 0;
        for (let i = start; i < Math.min(end, rows); i++) {
          const v = col[i];
          if (v !== null && v !== undefined) {
            sum += v;
            count++;
          }
        }
        this.columns[n]!.push(count === 0 ? null : sum / count);
      }
    }
    return this.time.length === from ? null : this.slice(from);
  }

  /** Every point so far as one event (for a page that starts listening late), or null when there is none. */
  all(): LiveSeriesEvent | null {
    return this.time.length === 0 ? null : this.slice(0);
  }

  private slice(from: number): LiveSeriesEvent {
    const columns: Record<string, (number | null)[]> = {};
    for (const [n, v] of Object.entries(this.columns)) columns[n] = v.slice(from);
    return { type: "series", from, step: this.step, span: this.span, time: this.time.slice(from), columns };
  }
}
