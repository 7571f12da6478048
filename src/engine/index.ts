export * from "./distributions/index.js";
export { EventHeap } from "./EventHeap.js";
export {
  type EventHandler,
  type Handle,
  Simulation,
  type SimulationOptions,
  type TraceHook,
} from "./Simulation.js";
export { TimerLane } from "./TimerLane.js";
export { Xoshiro128 } from "./Xoshiro128.js";
