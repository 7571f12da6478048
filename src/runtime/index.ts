export { abortableSleep } from "./abortableSleep.js";
export {
  type AttemptContext,
  AttemptTimeoutError,
  type ExecuteOptions,
  execute,
  RejectedError,
} from "./execute.js";
export { type GuardedFetchOptions, guardedFetch, HttpStatusError, outcomeOfStatus } from "./guardedFetch.js";
export { MathRandomRng } from "./MathRandomRng.js";
export { RealClock, realClock } from "./RealClock.js";
