import type { RunSummary } from "../../metrics/RunResult.js";
import type { SweepParam } from "./parseParam.js";

/** Everything that defines a sweep's jobs (written to sweep.json so `--resume` can check it is the same sweep). */
export interface SweepPlan {
  scenario: string;
  params: SweepParam[];
  /** Replications per point. Default 1 at the CLI. */
  replications: number;
  /** Replication r uses seed + r at every point (common random numbers across the grid). */
  seed: number;
  scale?: number;
  set: Record<string, string | number>;
  until?: number;
  /** The engine of every job (`--engine`); absent: event. */
  engine?: "event" | "fluid";
  /**
   * SHA-256 of the scenario file's text (the content address shards and queue workers check). Recorded in
   * sweep.json when known.
   */
  scenarioHash?: string;
}

/** A run summary without `timing`: the deterministic part, as stored in results.jsonl. */
export type StoredSummary = Omit<RunSummary, "timing">;

/** One line of results.jsonl. */
export interface SweepRecord {
  pointIndex: number;
  /** The swept values at this point by field path, in base units (seconds, per second). */
  point: Record<string, number>;
  replication: number;
  seed: number;
  summary: StoredSummary;
}

/** Number of grid points: the product of every parameter's point count. */
export function gridSize(params: readonly SweepParam[]): number {
  return params.reduce((n, p) => n * p.values.length, 1);
}

/** Per-parameter value indices of grid point `index` (row-major: the last parameter varies fastest). */
export function coordsOf(params: readonly SweepParam[], index: number): number[] {
  const coords = new Array<number>(params.length);
  let rest = index;
  for (let k = params.length - 1; k >= 0; k--) {
    const n = params[k]!.values.length;
    coords[k] = rest % n;
    rest = Math.floor(rest / n);
  }
  return coords;
}

/** The swept values at grid point `index`, by field path. */
export function pointOf(params: readonly SweepParam[], index: number): Record<string, number> {
  const coords = coordsOf(params, index);
  const point: Record<string, number> = {};
  params.forEach((p, k) => {
    point[p.path] = p.values[coords[k]!]!;
  });
  return point;
}

/** The key of a job in results.jsonl: point and replication. */
export function jobKey(pointIndex: number, replication: number): string {
  return `${pointIndex}/${replication}`;
}

/** Drops `timing` (wall-clock dependent) from a summary. */
export function stripTiming(summary: RunSummary): StoredSummary {
  const { timing: _timing, ...rest } = summary;
  return rest;
}

/** The manifest written to sweep.json: the plan without derived values. */
export function planManifest(plan: SweepPlan): unknown {
  return {
    scenario: plan.scenario,
    params: plan.params.map((p) => ({
      path: p.path,
      values: p.values,
      log: p.log,
      fromText: p.fromText,
      toText: p.toText,
    })),
    replications: plan.replications,
    seed: plan.seed,
    scale: plan.scale ?? null,
    set: plan.set,
    until: plan.until ?? null,
    scenarioHash: plan.scenarioHash ?? null,
  };
}
