import type { DependencyGraph } from "../../graph/DependencyGraph.js";
import {
  evaluateTimeline,
  type TimedFailure,
  totalSeconds,
  type Window,
} from "../../graph/evaluateTimeline.js";

/** What happened to one function or organisation. */
export interface Outcome {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  /** Worst state reached. */
  readonly state: "down" | "degraded";
  /** Seconds down, failover time included. */
  readonly outageSeconds: number;
  /** Longest continuous outage, seconds. */
  readonly longestOutageSeconds: number;
  /** Seconds degraded (working, something it needs impacted). */
  readonly degradedSeconds: number;
  /** Outage windows, seconds from the start of the failure timeline (failover periods included). */
  readonly windows: readonly Window[];
  readonly critical?: boolean;
  readonly rtoSeconds?: number;
  /** The longest continuous outage exceeds the RTO. */
  readonly rtoBreached?: boolean;
  /** Functions: entities or organisations performing it. */
  readonly owners?: readonly string[];
  readonly assets?: number;
  readonly sector?: string;
}

/** The blast radius of a failure timeline. */
export interface BlastReport {
  readonly failures: readonly {
    node: string;
    name: string;
    type: string;
    start: number;
    end: number;
    mode: number;
  }[];
  readonly functions: readonly Outcome[];
  /** Entities and organisations. */
  readonly holders: readonly Outcome[];
  readonly summary: {
    readonly functionsDown: number;
    readonly functionsDegraded: number;
    readonly criticalDown: number;
    readonly rtoBreaches: number;
    readonly holdersDown: number;
    readonly holdersDegraded: number;
    readonly assetsHit: number;
  };
  /** State of every impacted node by id, for drawing. */
  readonly states: Readonly<Record<string, "down" | "degraded">>;
}

/**
 * Which functions and organisations a set of timed failures takes down or degrades, for how long, and against which
 * RTO. A node degraded after being up (a redundancy group lost members) is down for its `failoverSeconds` first.
 */
export function blastRadius(graph: DependencyGraph, failures: readonly TimedFailure[]): BlastReport {
  const timeline = evaluateTimeline(graph, failures);
  const functions: Outcome[] = [];
  const holders: Outcome[] = [];
  const states: Record<string, "down" | "degraded"> = {};
  for (const [v, tl] of timeline) {
    const info = graph.info(v);
    const type = graph.type(v);
    const windows = outageWindows(tl.down, tl.degraded, info.failoverSeconds ?? 0);
    const outage = totalSeconds(windows);
    const state = tl.down.length > 0 ? "down" : "degraded";
    states[info.id] = state;
    if (type !== "function" && type !== "entity" && type !== "organisation") continue;
    const longest = windows.reduce((m, w) => Math.max(m, w.end - w.start), 0);
    const base = {
      id: info.id,
      name: info.name,
      type,
      state,
      outageSeconds: outage,
      longestOutageSeconds: longest,
      degradedSeconds: totalSeconds(tl.degraded) - (outage - totalSeconds(tl.down)),
      windows,
    } as const;
    if (type === "function") {
      functions.push({
        ...base,
        critical: info.critical ?? false,
        ...(info.rtoSeconds !== undefined
          ? { rtoSeconds: info.rtoSeconds, rtoBreached: longest > info.rtoSeconds }
          : {}),
        owners: graph
          .dependents(v)
          .filter((d) => graph.type(d) === "entity" || graph.type(d) === "organisation")
          .map((d) => graph.info(d).name),
      });
    } else {
      holders.push({
        ...base,
        ...(info.assets !== undefined ? { assets: info.assets } : {}),
        ...(info.sector !== undefined ? { sector: info.sector } : {}),
      });
    }
  }
  const order = (a: Outcome, b: Outcome): number =>
    Number(b.critical ?? false) - Number(a.critical ?? false) ||
    b.outageSeconds - a.outageSeconds ||
    b.degradedSeconds - a.degradedSeconds ||
    a.name.localeCompare(b.name);
  functions.sort(order);
  holders.sort(order);
  return {
    failures: failures.map((f) => ({
      node: graph.info(f.node).id,
      name: graph.info(f.node).name,
      type: graph.type(f.node),
      start: f.start,
      end: f.end,
      mode: f.mode ?? 1,
    })),
    functions,
    holders,
    summary: {
      functionsDown: functions.filter((f) => f.state === "down").length,
      functionsDegraded: functions.filter((f) => f.state === "degraded").length,
      criticalDown: functions.filter((f) => f.critical && f.state === "down").length,
      rtoBreaches: functions.filter((f) => f.rtoBreached).length,
      holdersDown: holders.filter((h) => h.state === "down").length,
      holdersDegraded: holders.filter((h) => h.state === "degraded").length,
      assetsHit: holders.reduce((s, h) => s + (h.assets ?? 0), 0),
    },
    states,
  };
}

/** Down windows plus, for each degraded window entered from up, the first `failover` seconds. Merged, in order. */
function outageWindows(down: readonly Window[], degraded: readonly Window[], failover: number): Window[] {
  const all: Window[] = down.map((w) => ({ ...w }));
  if (failover > 0) {
    for (const w of degraded) {
      const fromDown = down.some((d) => d.end === w.start);
      if (!fromDown) all.push({ start: w.start, end: Math.min(w.end, w.start + failover) });
    }
  }
  all.sort((a, b) => a.start - b.start);
  const merged: Window[] = [];
  for (const w of all) {
    const last = merged[merged.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push(w);
  }
  return merged;
}
