import type { DependencyGraph } from "./DependencyGraph.js";
import { Failure, NodeState } from "./NodeState.js";

/** A node failing over a time window, in seconds. */
export interface TimedFailure {
  readonly node: number;
  /** Start, seconds. */
  readonly start: number;
  /** End, seconds (exclusive; at least `start`). */
  readonly end: number;
  /** {@link Failure} bits. Default FULL. */
  readonly mode?: number;
}

/** A time window in seconds, `end` exclusive. */
export interface Window {
  start: number;
  end: number;
}

/** Down and degraded windows of one impacted node (merged, in time order). */
export interface NodeTimeline {
  readonly down: Window[];
  readonly degraded: Window[];
}

/**
 * Evaluates the graph over time: between consecutive start/end instants of `failures` the set of failed nodes is
 * constant, so one {@link DependencyGraph.evaluateSparse} per elementary interval gives every node's state.
 * Returns the windows of every node that was ever impacted, merged where they touch.
 */
export function evaluateTimeline(
  graph: DependencyGraph,
  failures: readonly TimedFailure[],
): Map<number, NodeTimeline> {
  const times = [...new Set(failures.flatMap((f) => [f.start, f.end]))].sort((a, b) => a - b);
  const out = new Uint8Array(graph.nodeCount);
  const result = new Map<number, NodeTimeline>();
  for (let i = 0; i + 1 < times.length; i++) {
    const t0 = times[i]!;
    const t1 = times[i + 1]!;
    const active = failures.filter((f) => f.start <= t0 && f.end >= t1 && f.end > f.start);
    if (active.length === 0) continue;
    const n = graph.evaluateSparse(
      active.map((f) => f.node),
      active.map((f) => f.mode ?? Failure.FULL),
      out,
    );
    const impacted = graph.impacted();
    for (let j = 0; j < n; j++) {
      const v = impacted[j]!;
      let tl = result.get(v);
      if (!tl) {
        tl = { down: [], degraded: [] };
        result.set(v, tl);
      }
      const list = out[v] === NodeState.DOWN ? tl.down : tl.degraded;
      const last = list[list.length - 1];
      if (last && last.end === t0) last.end = t1;
      else list.push({ start: t0, end: t1 });
    }
    graph.clearImpacted(out);
  }
  return result;
}

/** Total length of windows, seconds. */
export function totalSeconds(windows: readonly Window[]): number {
  let s = 0;
  for (const w of windows) s += w.end - w.start;
  return s;
}
