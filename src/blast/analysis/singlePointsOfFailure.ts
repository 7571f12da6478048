import type { DependencyGraph } from "../../graph/DependencyGraph.js";
import { NodeState } from "../../graph/NodeState.js";
import { type NodeType, nodeTypeCode } from "../../graph/NodeType.js";

/** The single points of failure of one critical function. */
export interface FunctionSpof {
  readonly function: string;
  readonly name: string;
  /** Entities or organisations performing it. */
  readonly owners: readonly string[];
  /** Nodes whose loss alone takes the function down, as `type:name`. */
  readonly causes: readonly string[];
}

/** Node types considered as causes by default. */
export const SPOF_CANDIDATES: readonly NodeType[] = ["provider", "region", "zone", "service", "asset"];

/**
 * For every critical or important function, the nodes whose loss alone takes it down (fewer than k working members
 * left in some hard requirement on every path): one sparse evaluation per candidate node. Functions without any are
 * listed with no causes only when `includeSafe`.
 */
export function singlePointsOfFailure(
  graph: DependencyGraph,
  candidates: readonly NodeType[] = SPOF_CANDIDATES,
  includeSafe = false,
): FunctionSpof[] {
  const FUNCTION = nodeTypeCode("function");
  const causes = new Map<number, number[]>();
  const critical = new Uint8Array(graph.nodeCount);
  for (const f of graph.nodesOfType("function")) if (graph.info(f).critical) critical[f] = 1;
  const out = new Uint8Array(graph.nodeCount);
  for (const type of candidates) {
    for (const c of graph.nodesOfType(type)) {
      graph.evaluateSparse([c], undefined, out);
      for (const v of graph.impacted()) {
        if (graph.types[v] === FUNCTION && critical[v] === 1 && out[v] === NodeState.DOWN) {
          const list = causes.get(v) ?? [];
          list.push(c);
          causes.set(v, list);
        }
      }
      graph.clearImpacted(out);
    }
  }
  const result: FunctionSpof[] = [];
  for (let f = 0; f < graph.nodeCount; f++) {
    if (critical[f] !== 1) continue;
    const list = causes.get(f) ?? [];
    if (list.length === 0 && !includeSafe) continue;
    const info = graph.info(f);
    result.push({
      function: info.id,
      name: info.name,
      owners: graph
        .dependents(f)
        .filter((d) => graph.type(d) === "entity" || graph.type(d) === "organisation")
        .map((d) => graph.info(d).name),
      causes: list.map((c) => `${graph.type(c)}:${graph.info(c).name}`),
    });
  }
  return result;
}
