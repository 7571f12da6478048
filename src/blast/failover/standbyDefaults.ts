/** Standby kinds of a failover, from the most to the least prepared (DORA Art. 12 "ICT business continuity"). */
export const STANDBY_KINDS = ["hot", "warm", "pilot-light", "cold", "none"] as const;

/** One standby kind. */
export type StandbyKind = (typeof STANDBY_KINDS)[number];

/** What a standby kind assumes when the side file leaves a field out. */
export interface StandbyDefaults {
  /** Share (0..1) of the primary footprint that must be launched in the secondary at failover time. */
  readonly captureShare: number;
  /** Whether the function fails over at all (false: it waits for the primary to come back). */
  readonly failsOver: boolean;
}

/**
 * Documented default assumptions per standby kind (docs/blast.md, "Failover side file"). They are assumptions, not
 * measurements: hot runs the full footprint in the secondary already (nothing to launch); warm runs a scaled-down
 * copy and launches the other half; pilot light keeps only data and a minimal core (launches 90 %); cold launches
 * everything; none does not fail over.
 */
export const STANDBY_DEFAULTS: Readonly<Record<StandbyKind, StandbyDefaults>> = {
  hot: { captureShare: 0, failsOver: true },
  warm: { captureShare: 0.5, failsOver: true },
  "pilot-light": { captureShare: 0.9, failsOver: true },
  cold: { captureShare: 1, failsOver: true },
  none: { captureShare: 0, failsOver: false },
};

/** Default standby kind when a side-file entry names none: "cold" (the least favourable kind that still fails over). */
export const DEFAULT_STANDBY: StandbyKind = "cold";
