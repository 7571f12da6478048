/**
 * The `@stampede-sim/policies` package (also `stampede-sim/policies`): the decision cores, the real-time wrappers and
 * the few core types they need. Built on its own by `npm run build:policies` (packages/policies/tsconfig.json), so it
 * must import nothing but policies/, runtime/ and core/ files that import no dependency.
 */
export type { Clock } from "../core/Clock.js";
export { formatDuration, parseDuration } from "../core/parseDuration.js";
export type { Rng } from "../core/Rng.js";
export { isStampedeError, type SourceLocation, StampedeError } from "../core/StampedeError.js";
export * from "../policies/index.js";
export * from "../runtime/index.js";
