import { StampedeError } from "../core/StampedeError.js";
import { DependencyGraph, type GraphArrays } from "./DependencyGraph.js";
import { GrowableColumn } from "./GrowableColumn.js";
import type { NodeInfo } from "./NodeInfo.js";
import { NodeTable } from "./NodeTable.js";

/** Options of one dependency (a plain edge or a k-of-n group). */
export interface DependencyOptions {
  /** "hard": the dependent goes down when the requirement is not met; "soft": it is only degraded. Default hard. */
  readonly kind?: "hard" | "soft";
  /** Which plane of the dependency is used. Default "data". */
  readonly plane?: "data" | "control";
  /**
   * The plane used of each member, in the order of `members` (a group whose members are used through different
   * planes); overrides `plane` member by member. A duplicate member keeps its first plane.
   */
  readonly memberPlanes?: readonly ("data" | "control")[];
}

/** A node's data as given to the builder: the id and type are required, the name defaults to the id. */
export type NodeInput = Omit<NodeInfo, "name"> & { readonly name?: string };

/**
 * Collects nodes and dependencies, then `build()`s a compact, immutable {@link DependencyGraph}.
 * Node indices are assigned in insertion order from 0. A plain dependency is a 1-of-1 group.
 */
export class GraphBuilder {
  /** The nodes' data by column; shared with the last built graph until the builder changes a node (then copied). */
  private nodes = new NodeTable();
  private shared = false;
  private readonly owner = new GrowableColumn((n) => new Int32Array(n));
  private readonly k = new GrowableColumn((n) => new Int32Array(n));
  private readonly flags = new GrowableColumn((n) => new Uint8Array(n));
  private readonly start = new GrowableColumn((n) => new Int32Array(n));
  private readonly members = new GrowableColumn((n) => new Int32Array(n));
  /** Per entry of `members`: CONTROL_PLANE when that member is used through its control plane. */
  private readonly memberPlane = new GrowableColumn((n) => new Uint8Array(n));

  constructor() {
    this.start.push(0);
  }

  /** Number of nodes added so far. */
  get nodeCount(): number {
    return this.nodes.size;
  }

  /** The node table, copied first when a built graph shares it (copy on write). */
  private writable(): NodeTable {
    if (this.shared) {
      this.nodes = this.nodes.clone();
      this.shared = false;
    }
    return this.nodes;
  }

  /** Adds a node; throws E_GRAPH_DUPLICATE_NODE when the id exists. Returns its index. */
  addNode(input: NodeInput): number {
    if (this.nodes.indexOf(input.id) !== undefined) {
      throw new StampedeError("E_GRAPH_DUPLICATE_NODE", `node "${input.id}" is declared twice`, {
        ...(input.source ? { location: input.source } : {}),
      });
    }
    return this.writable().add({ ...input, name: input.name ?? input.id });
  }

  /**
   * Returns the index of node `id`, adding it with `input` when it does not exist. Throws E_GRAPH_TYPE_CONFLICT when
   * it exists with another type.
   */
  ensureNode(input: NodeInput): number {
    const i = this.nodes.indexOf(input.id);
    if (i === undefined) return this.addNode(input);
    const have = this.nodes.info(i);
    if (have.type !== input.type) {
      throw new StampedeError(
        "E_GRAPH_TYPE_CONFLICT",
        `node "${input.id}" is a ${have.type} and cannot also be a ${input.type}`,
        { ...(input.source ? { location: input.source } : {}) },
      );
    }
    return i;
  }

  /** Index of node `id`, or undefined. */
  indexOf(id: string): number | undefined {
    return this.nodes.indexOf(id);
  }

  /** The data of node `i` as added. */
  info(i: number): NodeInfo {
    return this.nodes.info(i);
  }

  /** Replaces fields of node `i` (e.g. attributes learnt from a later file). */
  update(i: number, fields: Partial<Omit<NodeInfo, "id" | "type">>): void {
    this.info(i); // RangeError when there is no node i
    this.writable().update(i, fields);
  }

  /** `from` depends on `to` (both node indices). */
  dependsOn(from: number, to: number, options: DependencyOptions = {}): void {
    this.dependsOnGroup(from, [to], 1, options);
  }

  /**
   * `from` needs at least `k` of `members` working (a k-of-n redundancy group). Duplicate members count once;
   * `k` must be between 1 and the number of distinct members (E_GRAPH_BAD_GROUP otherwise).
   */
  dependsOnGroup(from: number, members: readonly number[], k: number, options: DependencyOptions = {}): void {
    const n = this.nodes.size;
    const distinct = [...new Set(members)];
    for (const m of [from, ...distinct]) {
      if (!Number.isInteger(m) || m < 0 || m >= n) throw new RangeError(`no node ${m}`);
    }
    if (!Number.isInteger(k) || k < 1 || k > distinct.length) {
      throw new StampedeError(
        "E_GRAPH_BAD_GROUP",
        `"${this.nodes.idOf(from)}" needs ${k} of ${distinct.length} members: k must be between 1 and n`,
      );
    }
    if (options.memberPlanes !== undefined && options.memberPlanes.length !== members.length)
      throw new RangeError(
        `memberPlanes has ${options.memberPlanes.length} entries for ${members.length} members`,
      );
    const planeOf = (m: number): number =>
      (options.memberPlanes?.[members.indexOf(m)] ?? options.plane) === "control" ? 2 : 0;
    const planes = distinct.map(planeOf);
    const allControl = planes.every((p) => p === 2);
    this.owner.push(from);
    this.k.push(k);
    this.flags.push((options.kind === "soft" ? 0 : 1) | (allControl ? 2 : 0));
    distinct.forEach((m, i) => {
      this.members.push(m);
      this.memberPlane.push(planes[i]!);
    });
    this.start.push(this.members.length);
  }

  /** Freezes the graph into typed arrays (CSR adjacency both ways). The builder may be reused afterwards. */
  build(): DependencyGraph {
    const n = this.nodes.size;
    const g = this.owner.length;
    const m = this.members.length;
    const types = this.nodes.typeCodes(n);
    const groupOwner = this.owner.toArray();
    const groupK = this.k.toArray();
    const groupFlags = this.flags.toArray();
    const groupStart = this.start.toArray();
    const groupMembers = this.members.toArray();
    // member -> groups containing it
    const memberStart = new Int32Array(n + 1);
    for (let j = 0; j < m; j++) memberStart[groupMembers[j]! + 1]!++;
    for (let i = 0; i < n; i++) memberStart[i + 1]! += memberStart[i]!;
    const memberGroups = new Int32Array(m);
    const groupMemberPlanes = this.memberPlane.toArray();
    const memberPlanes = new Uint8Array(m);
    const fill = memberStart.slice(0, n);
    for (let gi = 0; gi < g; gi++) {
      for (let j = groupStart[gi]!; j < groupStart[gi + 1]!; j++) {
        const v = groupMembers[j]!;
        memberPlanes[fill[v]!] = groupMemberPlanes[j]!;
        memberGroups[fill[v]!++] = gi;
      }
    }
    // owner -> its groups
    const ownStart = new Int32Array(n + 1);
    for (let gi = 0; gi < g; gi++) ownStart[groupOwner[gi]! + 1]!++;
    for (let i = 0; i < n; i++) ownStart[i + 1]! += ownStart[i]!;
    const ownGroups = new Int32Array(g);
    const ofill = ownStart.slice(0, n);
    for (let gi = 0; gi < g; gi++) ownGroups[ofill[groupOwner[gi]!]!++] = gi;
    const arrays: GraphArrays = {
      types,
      groupOwner,
      groupK,
      groupFlags,
      groupStart,
      groupMembers,
      memberStart,
      memberGroups,
      groupMemberPlanes,
      memberPlanes,
      ownStart,
      ownGroups,
    };
    this.shared = true;
    return new DependencyGraph(this.nodes, arrays);
  }
}
