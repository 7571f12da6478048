import type { ShareEstimate } from "../../metrics/ShareEstimate.js";
import type { DoraClass } from "./doraClassification.js";
import type { FromRunsSource } from "./outageDurationsFromRuns.js";

/** Downtime quantiles over the runs, seconds. */
export interface DowntimeQuantiles {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** One (firm, function) over the runs. */
export interface SectorFunction {
  /** Function node id (`<LEI>/<function id>` or a catalog id). */
  readonly id: string;
  readonly name: string;
  /** LEI of the firm (side file), or the owning node's id. */
  readonly firm: string;
  readonly critical: boolean;
  /** Static view of the failure: down, or degraded (N-1 calls it redundant). */
  readonly staticState: "down" | "degraded";
  /** How the function recovers: fails over (simulated), waits for the primary, or stays up (redundant, no spec). */
  readonly mode: "failover" | "waits" | "redundant";
  readonly secondaryRegion: string | null;
  readonly rtoSeconds: number | null;
  readonly impactToleranceSeconds: number | null;
  /** P(longest outage > RTO), Wilson 95 %; null without an RTO. */
  readonly rtoBreach: ShareEstimate | null;
  /** P(outage > impact tolerance), Wilson 95 %; null without a tolerance. */
  readonly toleranceBreach: ShareEstimate | null;
  readonly downtime: DowntimeQuantiles;
  /** Mean over the runs of the minutes beyond the impact tolerance (0 in runs without a breach); null without one. */
  readonly expectedMinutesBeyondTolerance: number | null;
}

/** One firm over the runs: its critical functions together. */
export interface SectorFirm {
  readonly firm: string;
  readonly functions: number;
  /** P(any critical function breaches its RTO), Wilson 95 %. */
  readonly rtoBreach: ShareEstimate | null;
  /** P(any critical function breaches its impact tolerance), Wilson 95 %. */
  readonly toleranceBreach: ShareEstimate | null;
  /** Downtime of its worst critical function. */
  readonly downtime: DowntimeQuantiles;
  /** DORA classification (Delegated Regulation 2024/1772 Art. 8) of the simulated incidents: runs per class. */
  readonly dora: Readonly<Record<DoraClass, number>>;
}

/** A function the static N-1 calls redundant that breaches its RTO in the simulation, and why. */
export interface RedundantBreach {
  readonly id: string;
  readonly firm: string;
  readonly rtoBreach: ShareEstimate;
  /** The shared control plane it queued at, with the herd's size and the median launch phase in breaching runs. */
  readonly reason: string;
}

/** The whole `stampede sector` result (`--format json`). */
export interface SectorResult {
  readonly schemaVersion: 1;
  readonly fail: string;
  readonly runs: number;
  readonly seed: number;
  /** The outage-duration distribution (an assumption) and the other assumptions of the model. */
  readonly assumptions: {
    readonly duration: {
      readonly family: string;
      readonly parameters: string;
      /** `--from-runs`: the directory, its kind, how many runs and how many of them censored (never recovered). */
      readonly fromRuns?: FromRunsSource;
    };
    readonly delayCv: number;
    readonly controlPlanes: readonly {
      readonly region: string;
      readonly concurrency: number;
      readonly launchTimeSeconds: number;
      readonly queueLimit: number;
      readonly timeoutSeconds: number;
      /** Instances the region's capacity pool can still launch; null: unlimited. */
      readonly capacity: number | null;
    }[];
    readonly retry: string;
    readonly intervalSeconds: number;
  };
  readonly outageSeconds: DowntimeQuantiles;
  readonly functions: readonly SectorFunction[];
  readonly firms: readonly SectorFirm[];
  /** Systemic view: runs in which k critical functions breached their RTO at once, k = 0..n. */
  readonly criticalBreachingAtOnce: readonly number[];
  readonly redundantButBreaching: readonly RedundantBreach[];
  readonly timing: { readonly wallSeconds: number };
}
