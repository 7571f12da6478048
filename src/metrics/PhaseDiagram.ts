/**
 * The phase of one run: never under `verdict.stableRatio` of baseline goodput, dipped and came back, stuck, or
 * undetermined (the run ends before the metastable check, so it cannot tell).
 */
export type Phase = "stable" | "recovers" | "metastable" | "undetermined";

/** The units a parameter's bounds were written in, so that its values print the same way. */
export type ParamUnits = "number" | "duration" | "rate" | "percent";

/** One grid point of the phase diagram. */
export interface PhaseCell {
  pointIndex: number;
  coords: number[];
  point: Record<string, number>;
  runs: number;
  stable: number;
  recovers: number;
  metastable: number;
  /** Runs too short to tell (`metastable: null`): counted here, left out of the phase vote and the recovery median. */
  undetermined: number;
  failed: number;
  /**
   * The most frequent phase among its determined runs (ties go to the worse phase); `undetermined` when every run
   * that finished is; null when no run finished.
   */
  phase: Phase | null;
  /** Determined runs with a recoveredAt. */
  recovered: number;
  /** Median of recoveredAt - triggerStart over the determined runs that recovered, seconds. */
  medianRecoverySeconds: number | null;
}

/** A sweep's phase diagram: its parameter axes, one cell per grid point, and totals over the cells. */
export interface PhaseDiagram {
  /** The swept parameters; `units` is how their bounds were written (values print in those units). */
  params: { path: string; values: number[]; log: boolean; units: ParamUnits }[];
  cells: PhaseCell[];
  totals: {
    runs: number;
    stable: number;
    recovers: number;
    metastable: number;
    undetermined: number;
    failed: number;
  };
  /** Present (true) when the sweep stopped before every job ran (a signal, a lost queue): the cells cover the jobs that finished. */
  partial?: true;
  /** Why the sweep stopped early (one line), when `partial`. */
  stopReason?: string;
}
