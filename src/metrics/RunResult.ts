/**
 * What one run produces: plain, JSON-serialisable data. `summary` is the output contract of the design (summary.json,
 * `--format json`); `series` holds the per-interval metrics (series.csv, charts). Everything but `summary.timing` is a
 * pure function of (scenario, variant, overrides, scale, seed): determinism checks compare summaries without `timing`.
 * All times are seconds from the scenario's `start`.
 */
export interface TimeWindow {
  start: number;
  end: number;
}

export interface Verdict {
  /** Goodput still below `metastableRatio` of baseline `metastableAfter` seconds after the trigger ended. */
  metastable: boolean;
  /**
   * Whether a metastable run is self-sustaining: null when not `metastable`. True when, throughout the minute the
   * metastable test averages over (from `triggerEnd + metastableAfter`, 30 min by default), the capacity the trigger
   * took away is back: the series `capacity.missing` is no higher than its lowest value in the baseline window, and
   * no fault is in its window (other than a non-trigger fault already under way when the trigger started). What keeps
   * goodput down is then the load itself (retries, reconnects, wasted work). False when capacity is still missing: a
   * slow recovery (a restart, a repair, a fault still under way), not a self-sustaining loop.
   */
  sustained: boolean | null;
  /** Start of the earliest trigger (automation or fault marked as trigger), or null when there is none. */
  triggerStart: number | null;
  /** End of the latest trigger. */
  triggerEnd: number | null;
  /** When operators learned that something is wrong, or null. */
  detectedAt: number | null;
  /** The channel that detected it first: `metric-alarm`, `no-data-alarm` or `slow-channel`. */
  detectedBy: string | null;
  /** When operators knew the cause, or null. */
  diagnosedAt: number | null;
  /** Start of the first `recoveredFor` stretch after triggerEnd with goodput >= `recoveredRatio` of baseline. */
  recoveredAt: number | null;
  /** Largest interval ratio of attempts (incl. connection setups) to first attempts. */
  peakAmplification: number;
  /** Mean goodput (successes per second) over the baseline window before the trigger. */
  baselineGoodput: number;
  /** Lowest interval goodput over baseline after the trigger started. */
  minGoodputRatio: number;
  /** Integral of max(0, 1 - goodput/baseline) over the run after triggerStart: seconds of full outage equivalent. */
  goodputLostSeconds: number;
}

export interface FleetSummary {
  clients: number;
  firstAttempts: number;
  attempts: number;
  setupAttempts: number;
  successes: number;
  timeouts: number;
  errors: number;
  /** Attempts refused locally by a budget, breaker, throttle or operator block. */
  rejected: number;
  /** attempts / firstAttempts over the whole run. */
  amplification: number;
  latencyP50: number | null;
  latencyP99: number | null;
}

export interface LinkSummary {
  devices: number;
  forwarded: number;
  setups: number;
  drops: number;
  peakQueue: number;
  peakUtilisation: number;
  /** Share of device busy time spent on work whose caller had already given up. */
  wastedShare: number;
  /** Largest interval storm factor: setup work demanded if every failing client retried once per timeout / capacity. */
  peakStormFactor: number;
}

export interface ServiceSummary {
  requests: number;
  successes: number;
  failures: number;
  peakQueue: number;
  /** Share of server busy time spent on requests whose caller had already given up. */
  wastedShare: number;
  outageWindows: TimeWindow[];
  outageSeconds: number;
}

export interface OperatorActionSummary {
  name: string;
  type: string;
  /** When the action took effect, or null when it never did. */
  at: number | null;
}

export interface DependentSummary {
  illustrative: boolean;
  outageSeconds: number;
  windows: TimeWindow[];
}

export interface MonitoringSummary {
  /** Seconds during which monitoring was blind (telemetry stale). */
  staleSeconds: number;
  maxStaleness: number;
  staleWindows: TimeWindow[];
}

export interface RunSummary {
  schemaVersion: 1;
  scenario: string;
  variant: string | null;
  overrides: Record<string, unknown>;
  scale: number;
  seed: number;
  /** The scenario's wall-clock start (ISO 8601): time 0 of every time below. */
  start: string;
  simulatedSeconds: number;
  events: number;
  verdict: Verdict;
  fleets: Record<string, FleetSummary>;
  links: Record<string, LinkSummary>;
  services: Record<string, ServiceSummary>;
  monitoring: MonitoringSummary | null;
  operators: OperatorActionSummary[];
  dependents: Record<string, DependentSummary>;
  timing: { wallSeconds: number; eventsPerSecond: number };
  /** Present (true) when the run stopped early (a resource guard): every figure covers `simulatedSeconds` only. */
  partial?: true;
}

/**
 * Per-interval series. `time[i]` is the start of interval i (seconds); each column has one value per interval.
 * Column names are `<section>.<entity>.<metric>`, e.g. `fleet.internal-clients.successes` (per second),
 * `link.nat.queue` (jobs), `monitoring.staleness` (seconds), `dependent.ring.up` (0/1), `goodput` (per second),
 * `capacity.missing` (0..1: the largest share of a service's or device group's declared capacity missing at the end of
 * the interval - servers removed, down, restarting or cold, devices removed, or held by a fault; see CapacityGauge).
 */
export interface Series {
  interval: number;
  time: number[];
  columns: Record<string, number[]>;
}

export interface RunResult {
  /** Why the run stopped before its end (one line), when `summary.partial`. */
  stopReason?: string;
  summary: RunSummary;
  series: Series;
}
