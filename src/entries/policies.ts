/** The `stampede-sim/policies` subpath: the decision cores and the real-time wrappers. */
export * from "../policies/index.js";
export * from "../runtime/index.js";
