/** One figure printed by `npm run bench`. */
export interface BenchResult {
  /** Stable identifier, e.g. `engine.mm1.eventsPerSecond`. */
  name: string;
  /** The measured value (median over runs unless the bench says otherwise). */
  value: number;
  /** Unit of `value`, e.g. `events/s`. */
  unit: string;
  /** Value divided by a reference (the hand-written ceiling for engine benches), when there is one. */
  ratio?: number;
  /** Short free-text remark (what the ratio compares with, the spread of runs). */
  note?: string;
}

/** A benchmark module: `bench/<name>.ts` exports one of these; bench/main.ts lists them. */
export type Bench = () => Promise<BenchResult[]>;
