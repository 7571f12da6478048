import type { LivePoints } from "./api.js";

/** The live points of one run, as they arrive: per column, its values by point index. */
export interface LiveData {
  step: number;
  /** Simulated seconds the run covers (the x axis). */
  span: number;
  time: number[];
  columns: Record<string, (number | null)[]>;
  /** Points that arrived while the job was still running (the browser test reads it). */
  streamed: number;
}

/** Merges an event's points into `data` at their index (a late page's first event carries every point so far). */
export function mergePoints(data: LiveData, p: LivePoints, running: boolean): void {
  data.step = p.step;
  data.span = p.span;
  p.time.forEach((t, i) => {
    data.time[p.from + i] = t;
  });
  for (const [name, values] of Object.entries(p.columns)) {
    const col = data.columns[name] ?? [];
    data.columns[name] = col;
    values.forEach((v, i) => {
      col[p.from + i] = v;
    });
  }
  if (running) data.streamed += p.time.length;
}
