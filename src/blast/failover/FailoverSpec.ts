import type { StandbyKind } from "./standbyDefaults.js";

/** Failover behaviour of one function of one organisation, with defaults applied. Times in seconds. */
export interface FailoverSpec {
  /** Function identifier (register B_06.01 c0010, or the catalog entity's id). */
  readonly functionId: string;
  /** LEI of the financial entity. */
  readonly lei: string;
  /** Seconds from outage start to detection (default 300). */
  readonly detectionSeconds: number;
  /** Seconds from detection to the decision to fail over (default 900). */
  readonly decisionSeconds: number;
  /** Primary region node id, when given (registers record countries, not regions). */
  readonly primaryRegion: string | undefined;
  /** Primary provider id (default: the region id's prefix before "/"). */
  readonly primaryProvider: string | undefined;
  /** Secondary region node id, or undefined when the standby kind is "none". */
  readonly secondaryRegion: string | undefined;
  /** Secondary provider id (default: the region id's prefix before "/"). */
  readonly secondaryProvider: string | undefined;
  /** Standby kind (default "cold"). */
  readonly standby: StandbyKind;
  /** Instances to launch in the secondary at failover time (after the reservation). */
  readonly instancesToLaunch: number;
  /** Instances reserved in the secondary (launched without going through the shared control plane); default 0. */
  readonly reservedInstances: number;
  /** DNS TTL in seconds (default 60). */
  readonly dnsTtlSeconds: number;
  /** RTO in seconds, or undefined to use the register's. */
  readonly rtoSeconds: number | undefined;
  /** Impact tolerance in seconds, or undefined to use the RTO. */
  readonly impactToleranceSeconds: number | undefined;
  /** DORA criteria the firm assessed for an outage of this function (not simulated); absent ones are unknown. */
  readonly dora?: {
    readonly clients?: boolean | undefined;
    readonly reputational?: boolean | undefined;
    readonly geographical?: boolean | undefined;
    readonly dataLosses?: boolean | undefined;
    readonly maliciousAccess?: boolean | undefined;
    readonly economic?: boolean | undefined;
  };
  /** Where the entry was read (file:line:col). */
  readonly source: { readonly file: string; readonly line: number; readonly col: number };
}

/** Default detection delay: 5 minutes (assumption, docs/blast.md). */
export const DEFAULT_DETECTION_SECONDS = 300;
/** Default decision delay: 15 minutes (assumption, docs/blast.md). */
export const DEFAULT_DECISION_SECONDS = 900;
/** Default DNS TTL: 60 seconds (assumption, docs/blast.md). */
export const DEFAULT_DNS_TTL_SECONDS = 60;
/** Default primary footprint, in instances, when a capacity share gives no `of` (assumption). */
export const DEFAULT_FOOTPRINT_INSTANCES = 10;

/** Launch control plane of one secondary region (side file `controlPlanes`), values as written (seconds). */
export interface ControlPlaneInput {
  readonly region: string;
  readonly concurrency?: number;
  readonly launchTimeSeconds?: number;
  readonly queueLimit?: number;
  readonly timeoutSeconds?: number;
  /** Instances the region's capacity pool can still launch (a finite stock); absent: unlimited. */
  readonly capacity?: number;
  readonly source: { readonly file: string; readonly line: number; readonly col: number };
}
