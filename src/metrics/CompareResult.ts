import type { MeanEstimate } from "./MeanEstimate.js";
import type { RunSummary, Series } from "./RunResult.js";
import type { ShareEstimate } from "./ShareEstimate.js";

/** The statistics of one variant over its replications. */
export interface VariantStats {
  /** The variant's name, or null for the baseline. */
  variant: string | null;
  runs: number;
  /**
   * Runs too short to tell (`verdict.metastable` null): counted here and left out of every statistic below, whose
   * denominator is the `runs - undetermined` determined runs.
   */
  undetermined: number;
  /** Share of determined runs whose verdict is metastable, with its Wilson 95% interval. */
  metastable: ShareEstimate;
  /**
   * Share of runs that are metastable with the capacity the trigger took away back (`verdict.sustained`: the load
   * itself holds goodput down), with its Wilson 95% interval; metastable runs not counted here are slow recoveries.
   */
  sustained: ShareEstimate;
  /** Determined runs with a `recoveredAt`. */
  recovered: number;
  /** Median of recoveredAt - triggerStart over the runs that recovered, seconds; null when none did. */
  medianRecoverySeconds: number | null;
  /** Median of diagnosedAt - triggerStart over the runs that recovered and were diagnosed, seconds. */
  medianDiagnosisSeconds: number | null;
  /** Runs that recovered and were diagnosed (the count behind medianDiagnosisSeconds). */
  diagnosedAmongRecovered: number;
  /** Means with 95% t-intervals over the runs. */
  peakAmplification: MeanEstimate | null;
  goodputLostSeconds: MeanEstimate | null;
  /** Sum over dependents of their outage, minutes. */
  dependentsOutageMinutes: MeanEstimate | null;
}

/** One variant's runs (summaries in replication order) and, for reports, the first replication's series. */
export interface VariantRuns {
  variant: string | null;
  summaries: RunSummary[];
  firstSeries: Series | null;
}

/** What `compareVariants` returns: the seeds, each variant's statistics and its runs (plain data, for reports). */
export interface CompareResult {
  scenario: string;
  seeds: number[];
  stats: VariantStats[];
  runs: VariantRuns[];
}
