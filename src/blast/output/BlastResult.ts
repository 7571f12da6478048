import type { BlastReport } from "../analysis/blastRadius.js";
import type { ConcentrationReport } from "../analysis/concentration.js";
import type { CaseResult, FailureLevel } from "../analysis/nMinus.js";
import type { FunctionSpof } from "../analysis/singlePointsOfFailure.js";
import type { LoadedSource } from "../loadGraphs.js";

/** Everything `stampede blast` computed: the JSON output (`--format json`, `blast.json`). */
export interface BlastResult {
  readonly schemaVersion: 1;
  readonly sources: readonly LoadedSource[];
  /** Problems skipped in lenient mode, formatted `file:line:col  column  message`. */
  readonly warnings: readonly string[];
  readonly graph: { readonly nodes: number; readonly requirements: number };
  readonly radius?: BlastReport & {
    readonly fromRun?: {
      readonly matched: readonly { service: string; nodes: readonly string[] }[];
      readonly unmatched: readonly string[];
    };
  };
  readonly nMinus1?: { readonly level: FailureLevel; readonly cases: readonly CaseResult[] };
  readonly nMinus2?: { readonly top: number; readonly pairs: readonly CaseResult[] };
  readonly singlePointsOfFailure?: readonly FunctionSpof[];
}

/** Everything `stampede concentration` computed. */
export interface ConcentrationResult extends ConcentrationReport {
  readonly schemaVersion: 1;
  readonly sources: readonly LoadedSource[];
  readonly warnings: readonly string[];
}
