import { measure } from "./measure.js";

/** Iterations per job of the call-cost loops. */
const ITERATIONS = 10_000_000;

const cells = new Int32Array(4);
/** Two handlers with distinct code, so the table's call site is megamorphic, as the engine's dispatch is. */
const table: ((target: number, payload: number) => void)[] = [
  (target, payload) => {
    cells[target & 3] = cells[target & 3]! + payload;
  },
  (target, payload) => {
    cells[target & 3] = cells[target & 3]! - payload + 1;
  },
];

function throughTable(): number {
  for (let i = 0; i < ITERATIONS; i++) table[i & 1]!(i, 1);
  return ITERATIONS;
}

function inline(): number {
  for (let i = 0; i < ITERATIONS; i++) {
    if ((i & 1) === 0) cells[i & 3] = cells[i & 3]! + 1;
    else cells[i & 3] = cells[i & 3]! - 1 + 1;
  }
  return ITERATIONS;
}

/**
 * The cost, in nanoseconds, of one call through a table of event handlers: the same trivial work done through a
 * two-closure table and inline, the difference per iteration. Every handler-table engine pays this once per event
 * (V8 does not inline a call site that has seen several closures), so it bounds how close to a fully inlined loop
 * such an engine can come: with a ceiling of `c` ns per event, the ratio is at most c / (c + cost).
 */
export function indirectCallCost(): { callNs: number; inlineNs: number; tableNs: number } {
  const viaTable = measure(throughTable, { runs: 3, minSeconds: 0.5 }).median;
  const direct = measure(inline, { runs: 3, minSeconds: 0.5 }).median;
  const tableNs = 1e9 / viaTable;
  const inlineNs = 1e9 / direct;
  return { callNs: tableNs - inlineNs, inlineNs, tableNs };
}
