/**
 * Kept so that existing imports (the sweep's runSweep) keep working: the one atomic writer lives in
 * core/writeFileAtomic.ts. New code imports it from there.
 */
export { writeFileAtomic } from "../core/writeFileAtomic.js";
