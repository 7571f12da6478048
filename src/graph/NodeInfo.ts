import type { SourceLocation } from "../core/StampedeError.js";
import type { NodeType } from "./NodeType.js";

/**
 * Descriptive (cold) data of one node. The hot data (types, adjacency) lives in typed arrays in `DependencyGraph`;
 * this is read when printing results and computing concentration.
 */
export interface NodeInfo {
  /** Unique id within the graph (a name, a LEI, `aws/us-east-1`). */
  readonly id: string;
  readonly type: NodeType;
  /** Display name. Default: the id. */
  readonly name: string;
  /** Function: critical or important (DORA). Default false. */
  readonly critical?: boolean;
  /** Function: recovery time objective in seconds. */
  readonly rtoSeconds?: number;
  /** Time in seconds the node is down while failing over when a k-of-n group loses members but keeps k. Default 0. */
  readonly failoverSeconds?: number;
  /** Entity or organisation: total assets (any one currency across the graph, e.g. EUR). */
  readonly assets?: number;
  /** Entity or organisation: sector or category (banking, insurance, ...), the unit of concentration figures. */
  readonly sector?: string;
  /** Entity: type of entity as recorded (e.g. a DORA code). */
  readonly entityType?: string;
  readonly country?: string;
  /** Entity or provider: legal entity identifier. */
  readonly lei?: string;
  /** Provider: id of the ultimate parent, which groups closely connected providers. */
  readonly ultimateParent?: string;
  /** Service: type of ICT service (IaaS, PaaS, SaaS, compute, database, ...). */
  readonly serviceType?: string;
  /** Service: id of the provider that delivers it directly (for concentration; sub-contractors are not counted). */
  readonly provider?: string;
  /** Service: annual spend (same currency as assets). */
  readonly spend?: number;
  /** Service: how hard the provider is to replace: "none" (not substitutable), "difficult", "medium", "easy". */
  readonly substitutability?: string;
  /** Service: whether alternative providers were identified. */
  readonly alternatives?: boolean;
  /** Where the node was declared, for messages. */
  readonly source?: SourceLocation;
}
