/** The phase of one run: never under half of baseline goodput, dipped and came back, or stuck. */
export type Phase = "stable" | "recovers" | "metastable";

/** One grid point of the phase diagram. */
export interface PhaseCell {
  pointIndex: number;
  coords: number[];
  point: Record<string, number>;
  runs: number;
  stable: number;
  recovers: number;
  metastable: number;
  failed: number;
  /** The most frequent phase among its runs (ties go to the worse phase), or null when no run finished. */
  phase: Phase | null;
  /** Runs with a recoveredAt. */
  recovered: number;
  /** Median of recoveredAt - triggerStart over the runs that recovered, seconds. */
  medianRecoverySeconds: number | null;
}

/** A sweep's phase diagram: its parameter axes, one cell per grid point, and totals over the cells. */
export interface PhaseDiagram {
  params: { path: string; values: number[]; log: boolean }[];
  cells: PhaseCell[];
  totals: { runs: number; stable: number; recovers: number; metastable: number; failed: number };
}
