/**
 * The kinds of node in a dependency graph. Edges point from a dependent to what it depends on:
 * organisation/entity -> function -> service/asset -> zone -> region -> provider.
 */
export const NODE_TYPES = [
  "organisation",
  "entity",
  "sector",
  "asset",
  "function",
  "service",
  "provider",
  "region",
  "zone",
] as const;

/** One of {@link NODE_TYPES}. */
export type NodeType = (typeof NODE_TYPES)[number];

/** Small integer code of a node type (its index in {@link NODE_TYPES}), as stored in `DependencyGraph.types`. */
export function nodeTypeCode(type: NodeType): number {
  return NODE_TYPES.indexOf(type);
}

/** True when `s` names a node type. */
export function isNodeType(s: string): s is NodeType {
  return (NODE_TYPES as readonly string[]).includes(s);
}
