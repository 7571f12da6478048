export type { Clock } from "./Clock.js";
export { formatDuration, parseDuration } from "./parseDuration.js";
export { parseRate } from "./parseRate.js";
export type { Rng } from "./Rng.js";
export { isStampedeError, type SourceLocation, StampedeError } from "./StampedeError.js";
