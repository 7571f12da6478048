import { StampedeError } from "../../core/StampedeError.js";
import type { DependencyGraph } from "../../graph/DependencyGraph.js";
import { NodeState } from "../../graph/NodeState.js";
import { nodeTypeCode } from "../../graph/NodeType.js";
import { compareImpact, type Impact, ImpactCounter } from "./ImpactCounter.js";

/** What an N-1 enumerates. */
export type FailureLevel = "provider" | "region" | "zone";

/** One failure scenario: nodes failing together. */
export interface FailureCase {
  readonly label: string;
  readonly nodes: readonly number[];
}

/** Result of one case. */
export interface CaseResult {
  readonly label: string;
  readonly nodes: readonly string[];
  readonly impact: Impact;
  /** N-2 only: functions down under the pair but under neither failure alone (redundancy defeated). */
  readonly newFunctionsDown?: number;
}

/** Every node of a level as a single-failure case, in graph order. */
export function casesAt(graph: DependencyGraph, level: FailureLevel): FailureCase[] {
  return graph.nodesOfType(level).map((i) => ({ label: `${level}:${graph.info(i).name}`, nodes: [i] }));
}

/**
 * Runs every case (each one an independent failure) and returns the results worst first (critical functions down,
 * functions down, entities down, assets hit). Cost: one sparse evaluation per case, O(impacted) each.
 */
export function runCases(
  graph: DependencyGraph,
  cases: readonly FailureCase[],
  counter = new ImpactCounter(graph),
): CaseResult[] {
  const out = new Uint8Array(graph.nodeCount);
  const results: CaseResult[] = [];
  for (const c of cases) {
    graph.evaluateSparse(c.nodes, undefined, out);
    results.push({ label: c.label, nodes: c.nodes.map((i) => graph.info(i).id), impact: counter.count(out) });
    graph.clearImpacted(out);
  }
  return results.sort((a, b) => compareImpact(a.impact, b.impact) || a.label.localeCompare(b.label));
}

/** Options of {@link runPairs}. */
export interface PairOptions {
  /** Pairs are formed among the K worst single failures that hit anything. Default 50. */
  readonly top?: number;
  /** Refuse (E_BLAST_TOO_MANY_PAIRS) when more pairs than this would run. Default 5000. */
  readonly maxPairs?: number;
  /** Declared correlated pairs, always run. */
  readonly correlated?: readonly (readonly [number, number])[];
}

/**
 * N-2: runs pairs among the top K single failures (by `singles`, worst first, those with no impact left out) plus the
 * declared correlated pairs; counts for each pair the functions that only the pair takes down.
 */
export function runPairs(
  graph: DependencyGraph,
  singles: readonly FailureCase[],
  options: PairOptions = {},
): CaseResult[] {
  const top = options.top ?? 50;
  const maxPairs = options.maxPairs ?? 5000;
  const counter = new ImpactCounter(graph);
  const ranked = runCases(graph, singles, counter).filter(
    (r) =>
      r.impact.functionsDown +
        r.impact.functionsDegraded +
        r.impact.entitiesDown +
        r.impact.entitiesDegraded >
      0,
  );
  const key = (ids: readonly string[]): string => ids.join("\u0000");
  const byKey = new Map(singles.map((c) => [key(c.nodes.map((i) => graph.info(i).id)), c]));
  const chosen = ranked.slice(0, top).map((r) => byKey.get(key(r.nodes))!);
  const pairs: [FailureCase, FailureCase][] = [];
  for (let i = 0; i < chosen.length; i++)
    for (let j = i + 1; j < chosen.length; j++) pairs.push([chosen[i]!, chosen[j]!]);
  for (const [a, b] of options.correlated ?? []) {
    const ca = { label: `${graph.type(a)}:${graph.info(a).name}`, nodes: [a] };
    const cb = { label: `${graph.type(b)}:${graph.info(b).name}`, nodes: [b] };
    const same = (x: FailureCase, y: FailureCase): boolean =>
      x.nodes.length === 1 && y.nodes.length === 1 && x.nodes[0] === y.nodes[0];
    if (!pairs.some(([x, y]) => (same(x, ca) && same(y, cb)) || (same(x, cb) && same(y, ca)))) {
      pairs.push([ca, cb]);
    }
  }
  if (pairs.length > maxPairs) {
    throw new StampedeError(
      "E_BLAST_TOO_MANY_PAIRS",
      `N-2 would run ${pairs.length} pairs, over the limit of ${maxPairs}: lower --top (now ${top}) or raise --max-pairs`,
    );
  }
  const FUNCTION = nodeTypeCode("function");
  const out = new Uint8Array(graph.nodeCount);
  const downAlone = new Map<string, Int32Array>();
  const functionsDownOf = (c: FailureCase): Int32Array => {
    let s = downAlone.get(c.nodes.join(","));
    if (!s) {
      graph.evaluateSparse(c.nodes, undefined, out);
      s = Int32Array.from(
        Array.from(graph.impacted()).filter((v) => graph.types[v] === FUNCTION && out[v] === NodeState.DOWN),
      );
      graph.clearImpacted(out);
      downAlone.set(c.nodes.join(","), s);
    }
    return s;
  };
  const mark = new Uint8Array(graph.nodeCount);
  const results: CaseResult[] = [];
  for (const [a, b] of pairs) {
    const sa = functionsDownOf(a);
    const sb = functionsDownOf(b);
    for (const v of sa) mark[v] = 1;
    for (const v of sb) mark[v] = 1;
    const nodes = [...a.nodes, ...b.nodes];
    graph.evaluateSparse(nodes, undefined, out);
    const impact = counter.count(out);
    let fresh = 0;
    for (const v of graph.impacted())
      if (graph.types[v] === FUNCTION && out[v] === NodeState.DOWN && mark[v] === 0) fresh++;
    graph.clearImpacted(out);
    for (const v of sa) mark[v] = 0;
    for (const v of sb) mark[v] = 0;
    results.push({
      label: `${a.label} + ${b.label}`,
      nodes: nodes.map((i) => graph.info(i).id),
      impact,
      newFunctionsDown: fresh,
    });
  }
  return results.sort(
    (x, y) =>
      compareImpact(x.impact, y.impact) ||
      (y.newFunctionsDown ?? 0) - (x.newFunctionsDown ?? 0) ||
      x.label.localeCompare(y.label),
  );
}
