import type { DependencyGraph } from "../graph/DependencyGraph.js";
import { GraphBuilder } from "../graph/GraphBuilder.js";
import { Failure, NodeState } from "../graph/NodeState.js";
import type { DependencyRef, DependentSpec } from "../spec/DependentSpec.js";

/**
 * Organisations that depend on services (hard or soft, control or data plane, k-of-n groups over regions), built on
 * the dependency-graph core that blast-radius analysis uses too. Each interval the model marks the services that are
 * out (observed success ratio below the threshold) and the graph says which dependents are down.
 *
 * A service's outage is an outage of the plane it serves (`services.<s>.plane`). An out control-plane service breaks
 * the dependents that rely on its control plane (the default for them), while those that rely on its data plane
 * (`plane: data`: what it already provisioned, e.g. running instances while launching new ones fails) keep working.
 * An out data-plane service breaks both planes (when the data path is down, nothing of it works).
 *
 * Each member of a k-of-n group counts with its own kind and plane (see `addGroup`).
 */
export class Dependents {
  readonly names: string[];
  private readonly graph: DependencyGraph;
  private readonly serviceNodes: Int32Array;
  private readonly dependentNodes: Int32Array;
  private readonly failed: Uint8Array;
  private readonly state: Uint8Array;

  /** Per service: the failure mode of its outage (Failure.CONTROL for a control-plane service, else FULL). */
  private readonly outageModes: Uint8Array;

  /** `servicePlanes`: each service's plane, in the order of `serviceNames` (default: every one "data"). */
  constructor(
    serviceNames: string[],
    specs: Record<string, DependentSpec>,
    servicePlanes: readonly ("control" | "data")[] = serviceNames.map(() => "data"),
  ) {
    this.outageModes = Uint8Array.from(servicePlanes, (p) =>
      p === "control" ? Failure.CONTROL : Failure.FULL,
    );
    const b = new GraphBuilder();
    this.serviceNodes = Int32Array.from(serviceNames, (s) =>
      b.addNode({ id: `service:${s}`, type: "service", name: s }),
    );
    this.names = Object.keys(specs);
    this.dependentNodes = Int32Array.from(this.names, (d) =>
      b.addNode({ id: `org:${d}`, type: "organisation", name: d }),
    );
    const nodeOf = (m: DependencyRef) => this.serviceNodes[serviceNames.indexOf(m.service)]!;
    this.names.forEach((name, i) => {
      const node = this.dependentNodes[i]!;
      for (const group of specs[name]!.requires) addGroup(b, node, group.k, group.of, nodeOf);
    });
    this.graph = b.build();
    this.failed = new Uint8Array(this.graph.nodeCount);
    this.state = new Uint8Array(this.graph.nodeCount);
  }

  /** Evaluates the dependents given which services are out; writes 1 (up) or 0 (down) per dependent into `up`. */
  evaluate(serviceOut: Uint8Array, up: Uint8Array): void {
    for (let s = 0; s < this.serviceNodes.length; s++)
      this.failed[this.serviceNodes[s]!] = serviceOut[s] ? this.outageModes[s]! : 0;
    this.graph.evaluate(this.failed, this.state);
    for (let d = 0; d < this.dependentNodes.length; d++)
      up[d] = this.state[this.dependentNodes[d]!] === NodeState.DOWN ? 0 : 1;
  }
}

/**
 * Adds the requirement "k of `of`" of `node`, each member with its own kind and plane. The group needs k working
 * members (a member works unless it is out or lost the plane used of it). Losing a soft member only degrades, so:
 * - the dependent is down when more hard members are lost than the group can spare, i.e. fewer than
 *   k - (soft members) hard members work: a hard group over the hard members with that k (none when the soft members
 *   alone make up k, so a group of soft members is soft);
 * - it is degraded when fewer than k members work at all: a soft group over every member (left out when every member
 *   is hard, since the hard group already covers it).
 * Planes are per member in both groups (`memberPlanes`), so a group mixing control- and data-plane members counts
 * each through its own plane.
 */
function addGroup(
  b: GraphBuilder,
  node: number,
  k: number,
  of: readonly DependencyRef[],
  nodeOf: (m: DependencyRef) => number,
): void {
  const hard = of.filter((m) => m.kind === "hard");
  const kHard = k - (of.length - hard.length);
  if (hard.length > 0 && kHard >= 1) {
    b.dependsOnGroup(node, hard.map(nodeOf), kHard, { kind: "hard", memberPlanes: hard.map((m) => m.plane) });
  }
  if (hard.length < of.length) {
    b.dependsOnGroup(node, of.map(nodeOf), k, { kind: "soft", memberPlanes: of.map((m) => m.plane) });
  }
}
