import { runScenario } from "../../src/experiments/runScenario.js";
import type { RunResult } from "../../src/metrics/RunResult.js";
import { loadScenario } from "../../src/scenario/index.js";

export interface BuiltinRun {
  seed: number;
  scale: number;
  variant?: string;
  set?: Record<string, string>;
  until?: number;
}

/** Runs a built-in scenario (by name) with a seed, scale, variant and overrides. */
export function runBuiltin(name: string, o: BuiltinRun): RunResult {
  const scenario = loadScenario(name, {
    scale: o.scale,
    ...(o.variant ? { variant: o.variant } : {}),
    ...(o.set ? { set: o.set } : {}),
  });
  return runScenario(scenario, { seed: o.seed, ...(o.until ? { until: o.until } : {}) });
}

/** Mean of a series column over [from, to) seconds. */
export function mean(r: RunResult, column: string, from: number, to: number): number {
  const values = r.series.columns[column];
  if (values === undefined) throw new Error(`no column ${column}`);
  const i0 = Math.floor(from / r.series.interval);
  const i1 = Math.min(values.length, Math.floor(to / r.series.interval));
  let sum = 0;
  for (let i = i0; i < i1; i++) sum += values[i]!;
  return sum / (i1 - i0);
}

/** Largest value of a series column over the intervals that overlap [from, to) seconds. */
export function max(r: RunResult, column: string, from: number, to: number): number {
  const values = r.series.columns[column];
  if (values === undefined) throw new Error(`no column ${column}`);
  const i0 = Math.max(0, Math.floor(from / r.series.interval));
  const i1 = Math.min(values.length, Math.ceil(to / r.series.interval));
  let m = Number.NEGATIVE_INFINITY;
  for (let i = i0; i < i1; i++) if (values[i]! > m) m = values[i]!;
  return m;
}

/** First time >= `from` at which `column` satisfies `test`, or null. */
export function firstTime(
  r: RunResult,
  column: string,
  from: number,
  test: (v: number) => boolean,
): number | null {
  const values = r.series.columns[column];
  if (values === undefined) throw new Error(`no column ${column}`);
  const dt = r.series.interval;
  for (let i = Math.ceil(from / dt); i < values.length; i++) if (test(values[i]!)) return i * dt;
  return null;
}
