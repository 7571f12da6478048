/**
 * The `stampede-sim/policies` subpath: re-exports the `@stampede-sim/policies` package (a dependency of stampede-sim,
 * built from src/entries/policies.ts), so code that imports either gets the same classes.
 */
export * from "@stampede-sim/policies";
