import type { NodeInfo } from "./NodeInfo.js";
import { Failure, NodeState } from "./NodeState.js";
import type { NodeTable } from "./NodeTable.js";
import { NODE_TYPES, type NodeType } from "./NodeType.js";

/** The typed arrays of a built graph (see {@link DependencyGraph}). */
export interface GraphArrays {
  /** Node type codes (index in NODE_TYPES), one per node. */
  readonly types: Uint8Array;
  /** Per group: the dependent node. */
  readonly groupOwner: Int32Array;
  /** Per group: members needed (k). */
  readonly groupK: Int32Array;
  /** Per group: bit 0 hard, bit 1 control plane (set when every member is used through its control plane). */
  readonly groupFlags: Uint8Array;
  /** CSR: members of group g are groupMembers[groupStart[g] .. groupStart[g+1]). */
  readonly groupStart: Int32Array;
  readonly groupMembers: Int32Array;
  /** CSR: groups that node v is a member of. */
  readonly memberStart: Int32Array;
  readonly memberGroups: Int32Array;
  /** Per entry of groupMembers: 2 when the group uses that member's control plane, else 0 (data plane). */
  readonly groupMemberPlanes: Uint8Array;
  /** Per entry of memberGroups: the same plane flag, for the member-to-group direction. */
  readonly memberPlanes: Uint8Array;
  /** CSR: groups owned by node v (its requirements). */
  readonly ownStart: Int32Array;
  readonly ownGroups: Int32Array;
}

/** One requirement of a node, as returned by {@link DependencyGraph.requirements}. */
export interface Requirement {
  readonly k: number;
  readonly members: readonly number[];
  readonly hard: boolean;
  /** The plane every member is used through, or "mixed" when they differ (see `planes`). */
  readonly plane: "data" | "control" | "mixed";
  /** The plane used of each member, in the order of `members`. */
  readonly planes: readonly ("data" | "control")[];
}

const HARD = 1;
const CONTROL_PLANE = 2;
/** Internal mark for a node that lost one plane only and has not been propagated as degraded yet. */
const PARTIAL = 3;

/**
 * An immutable dependency graph stored compactly: integer node ids (0..nodeCount-1), typed arrays, CSR adjacency in
 * both directions. Every dependency is a group: a node needs k of the group's n members (a plain edge is 1-of-1);
 * a group is hard (unmet: the node is down) or soft (unmet: degraded) and uses the control or the data plane.
 *
 * Outage propagation ({@link evaluate}) is incremental: its cost is proportional to the impacted part of the graph,
 * so an N-1 over all providers of a large graph costs about one pass over the edges in total. It is not re-entrant
 * (scratch buffers are shared); create one graph per worker.
 */
export class DependencyGraph {
  /** Number of nodes. */
  readonly nodeCount: number;
  /** Number of groups (requirements, plain edges included). */
  readonly groupCount: number;
  /** Node type codes, index into NODE_TYPES. */
  readonly types: Uint8Array;
  private readonly a: GraphArrays;
  private readonly cnt: Int32Array;
  private readonly touched: Int32Array;
  private readonly queue: Int32Array;
  private readonly modes: Uint8Array;
  private readonly partial: Int32Array;
  private impactedCount = 0;

  /**
   * `nodes` holds the nodes' descriptive data (at least `arrays.types.length` nodes; the graph reads only those), as
   * a {@link NodeTable} that nothing changes afterwards (GraphBuilder copies it before changing it).
   */
  constructor(
    private readonly nodes: NodeTable,
    arrays: GraphArrays,
  ) {
    this.a = arrays;
    this.types = arrays.types;
    this.nodeCount = arrays.types.length;
    this.groupCount = arrays.groupOwner.length;
    this.cnt = new Int32Array(this.groupCount);
    this.touched = new Int32Array(this.groupCount);
    this.queue = new Int32Array(this.nodeCount);
    this.modes = new Uint8Array(this.nodeCount);
    this.partial = new Int32Array(this.nodeCount);
  }

  /** Index of node `id`, or undefined. */
  indexOf(id: string): number | undefined {
    const i = this.nodes.indexOf(id);
    return i !== undefined && i < this.nodeCount ? i : undefined;
  }

  /** Descriptive data of node `i` (assembled on each call: a cold path). */
  info(i: number): NodeInfo {
    if (!(i < this.nodeCount)) throw new RangeError(`no node ${i}`);
    return this.nodes.info(i);
  }

  /** Type of node `i`. */
  type(i: number): NodeType {
    return NODE_TYPES[this.types[i]!]!;
  }

  /** The requirements (groups) of node `i`: what it depends on. */
  requirements(i: number): Requirement[] {
    const { ownStart, ownGroups, groupStart, groupMembers, groupMemberPlanes, groupK, groupFlags } = this.a;
    const out: Requirement[] = [];
    for (let j = ownStart[i]!; j < ownStart[i + 1]!; j++) {
      const g = ownGroups[j]!;
      const planes = Array.from(groupMemberPlanes.subarray(groupStart[g]!, groupStart[g + 1]!), (p) =>
        (p & CONTROL_PLANE) !== 0 ? ("control" as const) : ("data" as const),
      );
      out.push({
        k: groupK[g]!,
        members: Array.from(groupMembers.subarray(groupStart[g]!, groupStart[g + 1]!)),
        hard: (groupFlags[g]! & HARD) !== 0,
        plane: planes.every((p) => p === planes[0]) ? (planes[0] ?? "data") : "mixed",
        planes,
      });
    }
    return out;
  }

  /** Nodes that depend directly on node `i` (owners of the groups it belongs to), without duplicates. */
  dependents(i: number): number[] {
    const { memberStart, memberGroups, groupOwner } = this.a;
    const out = new Set<number>();
    for (let j = memberStart[i]!; j < memberStart[i + 1]!; j++) out.add(groupOwner[memberGroups[j]!]!);
    return [...out];
  }

  /** Nodes that node `i` depends on directly, without duplicates. */
  dependencies(i: number): number[] {
    const out = new Set<number>();
    for (const r of this.requirements(i)) for (const m of r.members) out.add(m);
    return [...out];
  }

  /**
   * Computes every node's state for a set of failed nodes.
   *
   * @param failed one byte per node (length `nodeCount`): 0 working, otherwise a {@link Failure} bit set (1 = failed
   *   entirely). Not modified.
   * @param out one byte per node (length `nodeCount`), overwritten with {@link NodeState} values.
   * @returns the number of impacted (not up) nodes; their indices are `impacted()` until the next call.
   *
   * Semantics: a node is down when it failed entirely or when a hard requirement has fewer than k members working
   * (a member works unless it is down, or lost the plane the requirement uses of that member). This is the greatest fixed point of
   * "up", so a cycle of hard dependencies with no failed member stays up and one failed member takes the cycle down;
   * evaluation always terminates (each node enters the work queue at most once). A node that is not down is degraded
   * when it lost one plane itself or anything it depends on (hard or soft, directly or not) is down or degraded.
   * Cost: O(nodeCount) to clear plus O(impacted nodes and their edges).
   */
  evaluate(failed: Uint8Array, out: Uint8Array): number {
    out.fill(NodeState.UP);
    const seeds: number[] = [];
    for (let v = 0; v < this.nodeCount; v++) if (failed[v] !== 0) seeds.push(v);
    const modes = new Uint8Array(seeds.length);
    for (let i = 0; i < seeds.length; i++) modes[i] = failed[seeds[i]!]!;
    return this.evaluateSparse(seeds, modes, out);
  }

  /**
   * Like {@link evaluate} for a short list of failures, without the O(nodeCount) clearing: `out` must be all
   * {@link NodeState.UP} on entry (a fresh array, or one cleared with {@link clearImpacted}). For N-1 and N-2 loops.
   *
   * @param failedNodes node indices that fail.
   * @param modes {@link Failure} bits per entry of `failedNodes`; default {@link Failure.FULL} for all.
   */
  evaluateSparse(
    failedNodes: ArrayLike<number>,
    modes: ArrayLike<number> | undefined,
    out: Uint8Array,
  ): number {
    const { memberStart, memberGroups, memberPlanes, groupOwner, groupK, groupFlags, groupStart } = this.a;
    const { cnt, touched, queue, partial } = this;
    const mode = this.modes;
    let tail = 0;
    let nTouched = 0;
    let nPartial = 0;
    for (let i = 0; i < failedNodes.length; i++) {
      const v = failedNodes[i]!;
      let m = modes ? modes[i]! : Failure.FULL;
      if (m === 0 || mode[v] !== 0) continue;
      if ((m & (Failure.CONTROL | Failure.DATA)) === (Failure.CONTROL | Failure.DATA)) m = Failure.FULL;
      mode[v] = m;
      if ((m & Failure.FULL) !== 0) {
        out[v] = NodeState.DOWN;
        queue[tail++] = v;
      } else {
        out[v] = PARTIAL;
        partial[nPartial++] = v;
      }
    }
    // Phase 1: hard failures (least fixed point of "down" from the failed set).
    let head = 0;
    const bump = (g: number): void => {
      if (cnt[g] === 0) touched[nTouched++] = g;
      const c = ++cnt[g]!;
      if (c === groupStart[g + 1]! - groupStart[g]! - groupK[g]! + 1) {
        const o = groupOwner[g]!;
        if (out[o] !== NodeState.DOWN) {
          out[o] = NodeState.DOWN;
          queue[tail++] = o;
        }
      }
    };
    for (let i = 0; i < nPartial; i++) {
      const v = partial[i]!;
      const m = mode[v]!;
      for (let j = memberStart[v]!; j < memberStart[v + 1]!; j++) {
        const g = memberGroups[j]!;
        if ((groupFlags[g]! & HARD) !== 0 && planeBroken(memberPlanes[j]!, m)) bump(g);
      }
    }
    while (head < tail) {
      const v = queue[head++]!;
      const m = mode[v]!;
      const partialSeed = m !== 0 && (m & Failure.FULL) === 0;
      for (let j = memberStart[v]!; j < memberStart[v + 1]!; j++) {
        const g = memberGroups[j]!;
        const f = groupFlags[g]!;
        if ((f & HARD) === 0) continue;
        if (partialSeed && planeBroken(memberPlanes[j]!, m)) continue; // counted when seeding
        bump(g);
      }
    }
    // Phase 2: degradation (everything that depends on an impacted node and is not down).
    for (let i = 0; i < nPartial; i++) {
      const v = partial[i]!;
      if (out[v] !== PARTIAL) continue;
      const m = mode[v]!;
      for (let j = memberStart[v]!; j < memberStart[v + 1]!; j++) {
        const g = memberGroups[j]!;
        if (!planeBroken(memberPlanes[j]!, m)) continue;
        const o = groupOwner[g]!;
        if (out[o] === NodeState.UP || out[o] === PARTIAL) {
          out[o] = NodeState.DEGRADED;
          queue[tail++] = o;
        }
      }
    }
    head = 0;
    while (head < tail) {
      const v = queue[head++]!;
      for (let j = memberStart[v]!; j < memberStart[v + 1]!; j++) {
        const o = groupOwner[memberGroups[j]!]!;
        if (out[o] === NodeState.UP || out[o] === PARTIAL) {
          out[o] = NodeState.DEGRADED;
          queue[tail++] = o;
        }
      }
    }
    for (let i = 0; i < nPartial; i++) {
      const v = partial[i]!;
      if (out[v] === PARTIAL) {
        out[v] = NodeState.DEGRADED;
        queue[tail++] = v;
      }
    }
    // Reset scratch state.
    for (let i = 0; i < nTouched; i++) cnt[touched[i]!] = 0;
    for (let i = 0; i < failedNodes.length; i++) mode[failedNodes[i]!] = 0;
    this.impactedCount = tail;
    return tail;
  }

  /** Indices of the nodes impacted by the last evaluation (a view, valid until the next call). */
  impacted(): Int32Array {
    return this.queue.subarray(0, this.impactedCount);
  }

  /** Sets the nodes impacted by the last evaluation back to UP in `out`: O(impacted), for N-1 loops. */
  clearImpacted(out: Uint8Array): void {
    const q = this.queue;
    for (let i = 0; i < this.impactedCount; i++) out[q[i]!] = NodeState.UP;
  }

  /** Indices of all nodes of a type. */
  nodesOfType(type: NodeType): number[] {
    const code = NODE_TYPES.indexOf(type);
    const out: number[] = [];
    for (let i = 0; i < this.nodeCount; i++) if (this.types[i] === code) out.push(i);
    return out;
  }
}

/** True when a failure mode `m` breaks a member used through plane flag `f` (CONTROL_PLANE or 0: its plane lost). */
function planeBroken(f: number, m: number): boolean {
  if ((m & Failure.FULL) !== 0) return true;
  return (f & CONTROL_PLANE) !== 0 ? (m & Failure.CONTROL) !== 0 : (m & Failure.DATA) !== 0;
}
