export { DependencyGraph, type GraphArrays, type Requirement } from "./DependencyGraph.js";
export {
  evaluateTimeline,
  type NodeTimeline,
  type TimedFailure,
  totalSeconds,
  type Window,
} from "./evaluateTimeline.js";
export { type DependencyOptions, GraphBuilder, type NodeInput } from "./GraphBuilder.js";
export type { NodeInfo } from "./NodeInfo.js";
export { Failure, NodeState, type NodeStateValue, nodeStateName } from "./NodeState.js";
export { isNodeType, NODE_TYPES, type NodeType, nodeTypeCode } from "./NodeType.js";
