export * from "./core/index.js";
export * from "./engine/index.js";
