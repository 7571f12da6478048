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
  /**
   * Goodput still below `metastableRatio` of baseline `metastableAfter` seconds after the trigger ended (the mean over
   * the `metastableWindow` that starts then). Null ("undetermined") when the run ends before that window does: the
   * run is too short to tell. False when there is no trigger or no baseline goodput.
   */
  metastable: boolean | null;
  /**
   * Whether a metastable run is self-sustaining: null when `metastable` is not true. True when, throughout the window
   * the metastable test averages over, the capacity that trigger-marked automation and faults took away is back: the
   * series `capacity.missing` (which counts only that capacity, never restarts, host replacement or health checks)
   * is no higher than its lowest value in the baseline window, and no fault is in its window (other than a
   * non-trigger fault already under way when the trigger started). What keeps goodput down is then the load itself
   * (retries, reconnects, wasted work, and the restarts and replacements the load provokes). False when capacity the
   * trigger removed is still missing: a slow recovery (a repair, a fault still under way), not a self-sustaining loop.
   */
  sustained: boolean | null;
  /**
   * Goodput never went under `verdict.stableRatio` (default 0.5) of baseline after the trigger started
   * (`minGoodputRatio >= stableRatio`): what sweeps call a stable point.
   */
  stable: boolean;
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
  /**
   * Start of the first `recoveredFor` stretch after triggerEnd with every `smoothing` mean of goodput >=
   * `recoveredRatio` of baseline, seconds; never earlier than `triggerEnd` (the stretch is judged on whole intervals,
   * so when its first interval starts before the trigger ends, the trigger's end is reported). Null when never.
   */
  recoveredAt: number | null;
  /**
   * Largest interval ratio of attempts sent (incl. connection setups; locally refused ones excluded) to first
   * attempts, from the baseline window on.
   */
  peakAmplification: number;
  /** Mean goodput (successes per second) over the baseline window before the trigger. */
  baselineGoodput: number;
  /** Lowest interval goodput over baseline after the trigger started (intervals without data are skipped). */
  minGoodputRatio: number;
  /**
   * Goodput lost, seconds of full-outage equivalent: the integral of max(0, baseline - goodput) / baseline over the
   * intervals from `triggerStart` to `recoveredAt` (to the end of the run when it never recovered). An interval whose
   * shortfall is within `goodputNoiseFloor` of baseline counts as 0 (noise, not loss); intervals without data count
   * as 0.
   */
  goodputLostSeconds: number;
  /**
   * The noise floor of goodputLostSeconds, as a share of baseline: the standard deviation of interval goodput over
   * the baseline window divided by its mean (0 without a baseline).
   */
  goodputNoiseFloor: number;
}

export interface FleetSummary {
  clients: number;
  /** Requests started (one first attempt each). */
  firstAttempts: number;
  /**
   * Attempts that reached the wire (were sent): first attempts, retries and connection setups. Attempts refused
   * locally are not here but in `refused`.
   */
  attempts: number;
  /** Connection setups sent (persistent connections), part of `attempts`. */
  setupAttempts: number;
  /**
   * First attempts and retries refused locally, before sending, by a retry budget or an open circuit breaker. They
   * never reached the wire and are not in `attempts`.
   */
  refused: number;
  successes: number;
  timeouts: number;
  errors: number;
  /**
   * Sent attempts that operator policing (a `block` or a `rate-limit`) dropped at the device ingress: they are in
   * `attempts` (they reached the wire) and fail there. Attempts the client refused itself are in `refused`, not here.
   */
  rejected: number;
  /** attempts / firstAttempts over the whole run: sent attempts (refused ones excluded) per request. */
  amplification: number;
  latencyP50: number | null;
  latencyP99: number | null;
  /** Connection set-ups refused by `connection.budget` (not sent); present only with a set-up budget. */
  setupRefused?: number;
  /** The clients' connection pools (`pool`); present only with a pool. */
  pool?: PoolSummary;
  /** Fixed work (`work`); present only with fixed work. */
  work?: WorkSummary;
}

/** A fleet's fixed work (`work.requests` per client) over the run. */
export interface WorkSummary {
  /** Requests each client makes. */
  requests: number;
  /** Clients that made all their requests within the run. */
  finishedClients: number;
  /** Time to finish: when the last client finished, seconds from the start; null when some never did. */
  finishedAt: number | null;
  /** Mean finish time of the clients that finished, seconds from the start; null when none did. */
  meanFinish: number | null;
}

/** A client connection pool over the run. */
export interface PoolSummary {
  /** Attempts that found every connection busy and waited. */
  waited: number;
  /** Waits that ended at the attempt's timeout (the attempt was never sent; counted in `timeouts` too). */
  waitTimeouts: number;
  /** Mean wait of the waits that ended, seconds (0 without any). */
  meanWait: number;
  /** Most requests waiting at once. */
  peakWaiters: number;
}

export interface LinkSummary {
  devices: number;
  forwarded: number;
  setups: number;
  drops: number;
  peakQueue: number;
  peakUtilisation: number;
  /** Share of device busy time spent on work whose caller had already given up; null in lab runs (not measurable). */
  wastedShare: number | null;
  /**
   * Largest interval storm factor: setup work demanded if every failing client retried once per timeout / capacity;
   * null in lab runs (not measured).
   */
  peakStormFactor: number | null;
}

export interface ServiceSummary {
  requests: number;
  successes: number;
  failures: number;
  /** Largest interval queue length; null in lab runs (the service process does not report it). */
  peakQueue: number | null;
  /** Share of server busy time spent on requests whose caller had already given up; null in lab runs. */
  wastedShare: number | null;
  outageWindows: TimeWindow[];
  outageSeconds: number;
  /** Writes that conflicted (`contention`, error answers); present only with contention. */
  conflicts?: number;
  /**
   * Requests answered with an error because the service's finite stock was empty (`stock`); present only with a
   * stock.
   */
  stockOuts?: number;
  /** Connection pools of this service's dependency calls, by dependency key; present only when one has a pool. */
  pools?: Record<string, PoolSummary>;
}

/** One trigger of the run: an automation action or a fault marked `trigger`. */
export interface TriggerSummary {
  /** Its key under `automation` or `faults`. */
  name: string;
  kind: "automation" | "fault";
  /** Seconds from the scenario's start; `end === start` for an instantaneous action. */
  start: number;
  end: number;
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

/** One lab client process: its CPU time and how far its event loop lagged. */
export interface LabProcessSummary {
  /** CPU time (user + system) over the run, seconds. */
  cpuSeconds: number;
  /** Largest interval p99 of the event-loop delay, milliseconds (wall). */
  lagP99Ms: number;
  /** Largest lateness of a 50 ms periodic timer, milliseconds (wall). */
  timerDriftMs: number;
}

/** What a lab run measured about itself (docs/lab.md). Wall times are real; the summary's other times are scenario seconds. */
export interface LabSummary {
  /** Time compression: scenario seconds per wall second (`--speed`). */
  speed: number;
  /** Wall seconds the measured part of the run took. */
  wallSeconds: number;
  /** Largest event-loop lag p99 of any client process, milliseconds (wall). */
  lagP99Ms: number;
  /** Largest timer drift of any client process, milliseconds (wall). */
  timerDriftMs: number;
  /** One entry per client process, in order. */
  processes: LabProcessSummary[];
  /** True when the lag p99 exceeded a tenth of the smallest timeout (compressed): the numbers are not trustworthy. */
  unreliable: boolean;
  /**
   * Run-to-run spread of the lab on this scenario (coefficient of variation of baseline goodput over >= 5 seeded runs,
   * measured and recorded in docs/lab.md), or null when this run did not measure it (a single run cannot).
   */
  noiseFloor: number | null;
}

/** Version of the RunSummary contract (see CHANGELOG.md for what changed since 1). */
export const SUMMARY_SCHEMA_VERSION = 6 as const;

export interface RunSummary {
  /** Version of this contract: SUMMARY_SCHEMA_VERSION. */
  schemaVersion: typeof SUMMARY_SCHEMA_VERSION;
  /** The stampede package version that produced the summary (package.json `version`). */
  stampedeVersion: string;
  /**
   * The engine that ran the scenario: `event` (the discrete-event model) or `fluid` (the mean-field model, see
   * docs/fluid.md: deterministic, counts are expected values and may be fractional) or `lab` (real processes on
   * loopback, docs/lab.md: measured on the real clock, not deterministic; `events` is null and `lab` is set).
   */
  engine: "event" | "fluid" | "lab";
  /**
   * sha256 (hex) of the resolved scenario's canonical JSON (object keys sorted, `origin` left out): equal hashes mean
   * the same model input, whatever file, variant, overrides or worker produced it.
   */
  scenarioHash: string;
  scenario: string;
  variant: string | null;
  overrides: Record<string, unknown>;
  scale: number;
  seed: number;
  /** The scenario's wall-clock start (ISO 8601): time 0 of every time below. */
  start: string;
  simulatedSeconds: number;
  /** Events the event engine ran; null for the fluid engine. */
  events: number | null;
  /** Integration steps the fluid engine ran; null for the event engine. */
  steps: number | null;
  /** The fluid engine's step, seconds (the smallest timeout / bins, an interval is a whole number of steps); null for the event engine. */
  stepSeconds: number | null;
  verdict: Verdict;
  /** The triggers that make up [verdict.triggerStart, verdict.triggerEnd], in time order. */
  triggers: TriggerSummary[];
  fleets: Record<string, FleetSummary>;
  links: Record<string, LinkSummary>;
  services: Record<string, ServiceSummary>;
  monitoring: MonitoringSummary | null;
  operators: OperatorActionSummary[];
  dependents: Record<string, DependentSummary>;
  timing: { wallSeconds: number; eventsPerSecond: number | null };
  /** Only in lab runs (`engine: "lab"`): how the machine kept up. */
  lab?: LabSummary;
  /** Present (true) when the run stopped early (a resource guard): every figure covers `simulatedSeconds` only. */
  partial?: true;
}

/**
 * Per-interval series. `time[i]` is the start of interval i (seconds); each column has one value per interval, or
 * null for an interval without data (nothing was measured: no latency sample, no caller, no busy time, no goodput
 * fleet activity); null is written as an empty CSV cell and drawn as a gap, never as 0.
 * Column names are `<section>.<entity>.<metric>`, e.g. `fleet.internal-clients.successes` (per second),
 * `link.nat.queue` (jobs), `monitoring.staleness` (seconds), `dependent.ring.up` (0/1), `goodput` (per second),
 * `capacity.missing` (0..1: the largest share of a service's or device group's declared capacity that trigger-marked
 * automation and faults hold away at the end of the interval - servers or devices removed or scaled away, a restart
 * action's down time and cold start, a fault's capacity factor, error rate or partition; capacity lost to restarts by
 * the supervisor, health checks and host replacement is not counted; see CapacityGauge),
 * `fleet.<name>.refused` (attempts refused locally per second).
 */
export interface Series {
  interval: number;
  time: number[];
  columns: Record<string, (number | null)[]>;
}

export interface RunResult {
  /** Why the run stopped before its end (one line), when `summary.partial`. */
  stopReason?: string;
  summary: RunSummary;
  series: Series;
}
