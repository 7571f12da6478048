export * from "./blast/index.js";
export * from "./core/index.js";
export * from "./engine/index.js";
export * from "./graph/index.js";
export * from "./policies/index.js";
export * from "./scenario/index.js";
