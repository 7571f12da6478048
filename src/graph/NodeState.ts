/**
 * States written by `DependencyGraph.evaluate` into its `out` array, one byte per node.
 * - `UP`: nothing it depends on is impacted.
 * - `DEGRADED`: working, but something it depends on is impacted: a soft dependency is down or degraded, a k-of-n
 *   group lost members but still has at least k, a hard dependency is degraded, or the node itself lost one plane.
 * - `DOWN`: failed itself, or a hard requirement (a plain hard edge or a hard k-of-n group) has fewer than k members
 *   working.
 */
export const NodeState = { UP: 0, DEGRADED: 1, DOWN: 2 } as const;
export type NodeStateValue = (typeof NodeState)[keyof typeof NodeState];

/**
 * Failure modes for the `failed` input of `DependencyGraph.evaluate`, one byte per node, bits ORed.
 * - `FULL` (1): the node fails entirely (both planes): what the cloud model passes for a failed service.
 * - `CONTROL` (2): only its control plane fails: edges with plane "control" to it break, data-plane edges hold.
 * - `DATA` (4): only its data plane fails. `CONTROL | DATA` is the same as `FULL`.
 */
export const Failure = { NONE: 0, FULL: 1, CONTROL: 2, DATA: 4 } as const;

/** Name of a node state, for output. */
export function nodeStateName(s: number): "up" | "degraded" | "down" {
  return s === NodeState.DOWN ? "down" : s === NodeState.DEGRADED ? "degraded" : "up";
}
