/** Returns a copy of a typed array with capacity `n` (n >= its length). Cold path: the engine's growColumn. */
export { growColumn as grow } from "../engine/growColumn.js";
