import type { DependencyGraph } from "../../graph/DependencyGraph.js";
import { NodeState } from "../../graph/NodeState.js";
import { nodeTypeCode } from "../../graph/NodeType.js";

/** What one failure scenario hits: counts over the impacted nodes. */
export interface Impact {
  /** Functions down / degraded, and critical or important functions down. */
  functionsDown: number;
  functionsDegraded: number;
  criticalDown: number;
  /** Entities and organisations down (a critical function down) / degraded. */
  entitiesDown: number;
  entitiesDegraded: number;
  /** Total assets of the entities down or degraded. */
  assetsHit: number;
}

const FUNCTION = nodeTypeCode("function");
const ENTITY = nodeTypeCode("entity");
const ORGANISATION = nodeTypeCode("organisation");

/**
 * Turns the impacted list of an evaluation into {@link Impact} counts in O(impacted): the critical flags and assets
 * are copied into typed arrays once, so N-1 loops over hundreds of thousands of nodes stay cheap.
 */
export class ImpactCounter {
  private readonly critical: Uint8Array;
  private readonly assets: Float64Array;

  constructor(private readonly graph: DependencyGraph) {
    const n = graph.nodeCount;
    this.critical = new Uint8Array(n);
    this.assets = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const info = graph.info(i);
      if (info.critical) this.critical[i] = 1;
      if (info.assets) this.assets[i] = info.assets;
    }
  }

  /** Counts the impact of the last evaluation, whose states are in `out`. */
  count(out: Uint8Array): Impact {
    const impacted = this.graph.impacted();
    const types = this.graph.types;
    const r: Impact = {
      functionsDown: 0,
      functionsDegraded: 0,
      criticalDown: 0,
      entitiesDown: 0,
      entitiesDegraded: 0,
      assetsHit: 0,
    };
    for (let j = 0; j < impacted.length; j++) {
      const v = impacted[j]!;
      const t = types[v]!;
      const down = out[v] === NodeState.DOWN;
      if (t === FUNCTION) {
        if (down) {
          r.functionsDown++;
          if (this.critical[v] === 1) r.criticalDown++;
        } else r.functionsDegraded++;
      } else if (t === ENTITY || t === ORGANISATION) {
        if (down) r.entitiesDown++;
        else r.entitiesDegraded++;
        r.assetsHit += this.assets[v]!;
      }
    }
    return r;
  }
}

/** Orders impacts worst first: critical functions down, functions down, entities down, assets, degraded. */
export function compareImpact(a: Impact, b: Impact): number {
  return (
    b.criticalDown - a.criticalDown ||
    b.functionsDown - a.functionsDown ||
    b.entitiesDown - a.entitiesDown ||
    b.assetsHit - a.assetsHit ||
    b.functionsDegraded + b.entitiesDegraded - (a.functionsDegraded + a.entitiesDegraded)
  );
}

/** True when nothing is hit. */
export function isEmptyImpact(i: Impact): boolean {
  return i.functionsDown + i.functionsDegraded + i.entitiesDown + i.entitiesDegraded === 0;
}
