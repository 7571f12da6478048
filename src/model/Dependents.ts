import type { DependencyGraph } from "../graph/DependencyGraph.js";
import { GraphBuilder } from "../graph/GraphBuilder.js";
import { Failure, NodeState } from "../graph/NodeState.js";
import type { DependentSpec } from "../spec/DependentSpec.js";

/**
 * Organisations that depend on services (hard or soft, control or data plane, k-of-n groups over regions), built on
 * the dependency-graph core that blast-radius analysis uses too. Each interval the model marks the services that are
 * out (observed success ratio below the threshold) and the graph says which dependents are down.
 */
export class Dependents {
  readonly names: string[];
  private readonly graph: DependencyGraph;
  private readonly serviceNodes: Int32Array;
  private readonly dependentNodes: Int32Array;
  private readonly failed: Uint8Array;
  private readonly state: Uint8Array;

  constructor(serviceNames: string[], specs: Record<string, DependentSpec>) {
    const b = new GraphBuilder();
    this.serviceNodes = Int32Array.from(serviceNames, (s) =>
      b.addNode({ id: `service:${s}`, type: "service", name: s }),
    );
    this.names = Object.keys(specs);
    this.dependentNodes = Int32Array.from(this.names, (d) =>
      b.addNode({ id: `org:${d}`, type: "organisation", name: d }),
    );
    this.names.forEach((name, i) => {
      const node = this.dependentNodes[i]!;
      for (const group of specs[name]!.requires) {
        const members = group.of.map((m) => this.serviceNodes[serviceNames.indexOf(m.service)]!);
        const kind = group.of.some((m) => m.kind === "hard") ? "hard" : "soft";
        const plane = group.of[0]?.plane ?? "data";
        if (members.length === 1 && group.k === 1) b.dependsOn(node, members[0]!, { kind, plane });
        else b.dependsOnGroup(node, members, group.k, { kind, plane });
      }
    });
    this.graph = b.build();
    this.failed = new Uint8Array(this.graph.nodeCount);
    this.state = new Uint8Array(this.graph.nodeCount);
  }

  /** Evaluates the dependents given which services are out; writes 1 (up) or 0 (down) per dependent into `up`. */
  evaluate(serviceOut: Uint8Array, up: Uint8Array): void {
    for (let s = 0; s < this.serviceNodes.length; s++)
      this.failed[this.serviceNodes[s]!] = serviceOut[s] ? Failure.FULL : 0;
    this.graph.evaluate(this.failed, this.state);
    for (let d = 0; d < this.dependentNodes.length; d++)
      up[d] = this.state[this.dependentNodes[d]!] === NodeState.DOWN ? 0 : 1;
  }
}
