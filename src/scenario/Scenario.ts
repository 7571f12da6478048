/**
 * A validated, resolved scenario: what the loader (YAML/JSON/`defineScenario`) produces and what the model builds
 * from. Every duration is in seconds and every rate per second (the file says `250ms`, `1200/s`; the loader converts).
 * Entities are maps keyed by name so every field has an address (`fleets.internal-clients.retry.backoff`).
 *
 * Policy configs (retry, backoff, budget, breaker, limiter, queue) are the policies library's own config unions, so a
 * scenario can choose any policy the library has.
 */
import type { Distribution } from "../engine/distributions/Distribution.js";
import type { BackoffConfig } from "../policies/backoff/Backoff.js";
import type { BreakerConfig } from "../policies/breaker/BreakerConfig.js";
import type { BudgetConfig } from "../policies/budget/makeBudget.js";
import type { QueueConfig } from "../policies/queue/makeQueue.js";
import type { RetryConfig } from "../policies/retry/RetryPolicy.js";

/** A distribution as written in a file, resolved to seconds: `{ type: exponential, mean: 20ms }` etc. */
export type DistributionSpec =
  | { type: "constant"; value: number }
  | { type: "uniform"; min: number; max: number }
  | { type: "exponential"; mean: number }
  | { type: "normal"; mean: number; stddev: number }
  | { type: "lognormal"; mean: number; cv: number }
  | { type: "pareto"; min: number; alpha: number }
  | { type: "weibull"; scale: number; shape: number }
  | { type: "empirical"; samples: number[] };

/** A note that labels a number as a fact (with its source) or an assumption. `path` points at the field it is about. */
export interface Note {
  text: string;
  source?: string;
  path?: string;
}

export interface NetworkSpec {
  description?: string;
}

/**
 * A group of parallel devices (routers + NAT) joining two networks. Each device is a FIFO server with a finite
 * buffer shared by forwarded requests and connection setups.
 */
export interface LinkSpec {
  /** The two networks this group joins. */
  between: [string, string];
  /** Number of parallel devices (k). */
  devices: number;
  /** Requests forwarded per second, per device. */
  forwardRate: number;
  /** Connection setups (NAT translations) per second, per device: the expensive work. */
  setupRate: number;
  /** Buffer per device, in jobs (requests + setups); a job that finds it full is dropped. */
  buffer: number;
  /**
   * One-way latency through the group: seconds (constant), or a distribution drawn once per crossing from the stream
   * `link/<name>/latency` (each direction of a call and of a setup is a crossing). Default 0.
   */
  latency: number | DistributionSpec;
}

/** A call a service makes to another service while it handles a request (the server is held while it waits). */
export interface DependencySpec {
  service: string;
  /** Hard (default): the request fails when this call fails. Soft: it goes on without it. */
  hard: boolean;
  /** Per-attempt timeout of the call, seconds. */
  timeout: number;
  /** Retry policy of the call (policies library config). Default: a single attempt. */
  retry?: RetryConfig;
  /** Links the call crosses, overriding the route derived from the networks. */
  via?: string[];
}

export interface DegradationSpec {
  /** Service time grows by this fraction per request waiting in the queue (GC, memory pressure). Default 0. */
  perQueued: number;
  /** Upper bound of the service-time factor. Default 10. */
  maxFactor: number;
  /** After a restart, service time starts at `coldFactor` x and decays linearly back over `warmup` seconds. */
  coldFactor: number;
  warmup: number;
}

/** A look-aside cache in front of one of a service's dependencies (see CacheRuntime). */
export interface CacheSpec {
  /** Name of the dependency the cache stands in front of (its backing store). */
  dependency: string;
  /** Number of distinct keys. */
  keys: number;
  /** Zipf exponent of key popularity (rank k has weight 1 / k^zipf). Default 1. */
  zipf: number;
  /** How long a filled key stays cached, seconds. */
  ttl: number;
  /** Request coalescing: one miss per key calls the backing store, the others wait for it. Default false. */
  coalesce: boolean;
}

/** A full restart's duration: `base + perItem x items / cells` seconds (safety checks over the state held). */
export interface RestartSpec {
  /** Fixed part, seconds. Default 0. */
  base: number;
  /** Seconds per item of state. Default 0. */
  perItem: number;
  /** Items of state the whole service holds (each cell holds items / cells). Default 0. */
  items: number;
  /** The restart starts only once the services of its hard dependencies are up. Default true. */
  waitForDependencies: boolean;
}

/**
 * Health checks and host replacement (see docs/model.md, "Health checks and host replacement"): once the service has
 * been out for `failAfter` seconds without a break, every host in service is marked unhealthy and taken out; hosts are
 * replaced `concurrent` at a time, `replace` seconds each, starting only while every hard dependency answers.
 */
export interface HealthCheckSpec {
  /** Seconds the service must be out (callers' success ratio below `verdict.outageRatio`) before its hosts go. */
  failAfter: number;
  /** Seconds to replace one host. */
  replace: number;
  /** Replacements under way at a time: a number of hosts, or a share of the hosts taken out (at least 1). Default 1. */
  concurrent: number | { share: number };
  /**
   * Share (0..1) of the hosts taken out that must be replaced before any goes back into service; after that each
   * goes back as it finishes. Default 0 (each host goes back at once).
   */
  minHealthy: number;
}

export interface ServiceSpec {
  description?: string;
  network: string;
  /** Parallel servers (c). */
  servers: number;
  serviceTime: DistributionSpec;
  /**
   * Time to answer an error (down, a fault's error rate, a failed hard dependency, a shed request): a distribution
   * drawn per error answer from the stream `service/<name>/errorTime`, added to the answer's return trip. The server
   * is not held meanwhile. Default none: errors answer at once (fail fast).
   */
  errorTime?: DistributionSpec;
  /**
   * Queue discipline (policies library queue config: fifo, lifo, adaptive-lifo, codel, ...). Default FIFO. A file
   * cannot set its `limit`: `queueLimit` is the bound (build the queue with `{ ...queue, limit: queueLimit }`).
   */
  queue: QueueConfig;
  /** Maximum requests waiting (not in service); arrivals beyond it are rejected at once. */
  queueLimit: number;
  /** Drop work whose caller already gave up (when it would start). Default false: abandoned work burns capacity. */
  cancelAbandoned: boolean;
  /**
   * When abandoned work is cancelled (with `cancelAbandoned`): `start` (default) when a server would start it;
   * `timeout` as soon as its caller gives up (it leaves the queue, or its server is freed).
   */
  cancelAt: "start" | "timeout";
  degradation?: DegradationSpec;
  /** Look-aside cache in front of one dependency. Default none. */
  cache?: CacheSpec;
  dependencies: Record<string, DependencySpec>;
  /**
   * Minimum capacity: when `remove-capacity` leaves fewer servers than this (per cell: `minServers / cells`), the
   * service (the cell) goes down, answering errors, until a full restart. Default: none (no floor).
   */
  minServers?: number;
  /** Duration of the full restart after falling below `minServers`. Default: instant. */
  restart?: RestartSpec;
  /** Independent cells: servers, items and restarts split evenly; a removal hits one cell. Default 1. */
  cells?: number;
  /** Health checks that take a failing service's hosts out for replacement. Default: none. */
  healthCheck?: HealthCheckSpec;
  /** Service plane, used by dependents and reports. Default data. */
  plane: "control" | "data";
}

export type LoadSpec =
  /** Open loop: each client sends first attempts as a Poisson process of `rate` per second. */
  | { type: "open"; rate: number }
  /** Closed loop: each client waits for its request to end, then thinks for `think` seconds. */
  | { type: "closed"; think: DistributionSpec };

export interface ConnectionSpec {
  /** Persistent connections must be set up through every device on the route before requests flow. */
  persistent: boolean;
  /** Timeout of one setup attempt, seconds. */
  setupTimeout: number;
  /** Backoff between consecutive failed setup attempts (policies library backoff config). */
  reconnect: BackoffConfig;
}

export interface FleetSpec {
  description?: string;
  network: string;
  /** The service this fleet calls. */
  target: string;
  clients: number;
  load: LoadSpec;
  /** Per-attempt timeout, seconds. */
  timeout: number;
  /** Retry policy (policies library config): max attempts, backoff, jitter. */
  retry: RetryConfig;
  budget?: BudgetConfig;
  breaker?: BreakerConfig;
  connection?: ConnectionSpec;
  /** Each attempt's timeout is drawn from this distribution (seconds) instead of being `timeout`. */
  timeoutDistribution?: DistributionSpec;
  /** The delay before each retry is drawn from this (seconds) instead of the retry policy's backoff. */
  retryDelay?: DistributionSpec;
  /** Retrial persistence: probability of retrying after attempt k (item k-1, the last repeats). Default 1. */
  persistence?: { error: number[]; timeout: number[] };
  /** Traffic class, for operators' reroute actions. Default: the fleet's name. */
  trafficClass: string;
  /** Links crossed, overriding the route derived from the networks. */
  via?: string[];
}

export type AutomationAction =
  /**
   * The service's endpoints change: persistent connections to it are torn down and must be set up again; `fraction`
   * (default 1) of each fleet's clients are affected (a smaller trigger).
   */
  | { type: "change-endpoints"; service: string; fraction?: number }
  | { type: "scale"; service: string; servers: number }
  | { type: "remove-capacity"; link?: string; service?: string; devices?: number; servers?: number }
  | { type: "restart"; service: string; duration: number }
  /** The fleet's load becomes `factor` x its configured load (open: rate x factor; closed: think / factor). */
  | { type: "load"; fleet: string; factor: number }
  /** The service's cache loses its `hottest` fraction of keys by popularity (default 1: all of them). */
  | { type: "cache-loss"; service: string; hottest: number };

export interface AutomationSpec {
  /** When, seconds from the scenario's start. */
  at: number;
  action: AutomationAction;
  /** Part of the trigger window of the verdict. Default true. */
  trigger: boolean;
}

export interface FaultSpec {
  /** A service or a link, by name. */
  target: string;
  start: number;
  end: number;
  /** Probability that a request fails with an error (service) or is dropped (link). */
  errorRate?: number;
  /** Extra latency, seconds. */
  addedLatency?: number;
  /** Capacity multiplier during the fault (0.1 = 90% of capacity lost). */
  capacityFactor?: number;
  /** Nothing gets through. */
  partition?: boolean;
  trigger: boolean;
}

export interface MonitoringSpec {
  /** Network where the monitoring system lives. */
  network: string;
  /** Fleets and services whose telemetry is collected. */
  sources: string[];
  /** Telemetry emission interval, seconds. Default 10. */
  interval: number;
  /** Telemetry timeout: data delayed more than this is lost. Default 5 s. */
  timeout: number;
  /** Links crossed by telemetry, overriding the derived route (`[]` = out-of-band). */
  via?: string[];
  /**
   * Services the monitoring system stores its data in (a status page hosted on the service it reports): while one
   * of them is out, telemetry is lost. Operators' reroute of `monitoring` removes the dependency. Default none.
   */
  dependsOn?: string[];
  /** Data older than this counts as stale (monitoring blind). Default 60 s. */
  staleAfter: number;
  alarms: {
    /** Metric alarm: error ratio of a source above `threshold` for `for` seconds, on telemetry that arrived. */
    errorRatio: { threshold: number; for: number };
    /** No-data alarm: telemetry stale for `after` seconds (something is wrong, not what). */
    noData: { after: number };
  };
  /** Slow channel (logs, customer reports): impact becomes known after this delay, seconds. */
  slowChannel: { delay: number };
}

/**
 * Which traffic a reroute moves: `monitoring` (telemetry), `{ class }` (every fleet whose `trafficClass` is it),
 * `{ fleet }` (one fleet) or `{ dependency: "SERVICE.KEY" }` (one dependency call of a service).
 */
export type TrafficSelector = "monitoring" | { class: string } | { fleet: string } | { dependency: string };

export type OperatorActionSpec =
  | { type: "reroute"; traffic: TrafficSelector | TrafficSelector[]; via: string[] }
  | { type: "block"; fleet: string; fraction: number }
  | { type: "readmit"; fleet: string; over: number }
  | { type: "rate-limit"; fleet: string; rate: number }
  | { type: "add-capacity"; link: string; devices: number }
  | { type: "scale"; service: string; servers: number }
  | { type: "disable-automation"; name: string }
  | {
      type: "deploy-fix";
      fleet: string;
      retry?: RetryConfig;
      reconnect?: BackoffConfig;
      budget?: BudgetConfig;
      over: number;
    };

export interface OperatorStepSpec {
  /** What starts the clock of this step: detection, diagnosis, or the completion of another step (by name). */
  after: string;
  /** Delay after that, seconds (labelled as an assumption in notes). */
  delay: number;
  do: OperatorActionSpec;
}

export interface OperatorsSpec {
  /**
   * Diagnosis (knowing the cause) accrues while operators look: it needs `visible` seconds of time with fresh
   * monitoring, or `blind` seconds with stale monitoring, or a mix in proportion.
   */
  diagnosis: { visible: number; blind: number };
  runbook: Record<string, OperatorStepSpec>;
}

export interface DependencyRef {
  service: string;
  kind: "hard" | "soft";
  plane: "control" | "data";
}

export interface DependentSpec {
  description?: string;
  /** True when the dependencies are illustrative, not documented facts. */
  illustrative: boolean;
  /** Every group must hold; a group holds when at least `k` of its services are up. */
  requires: { k: number; of: DependencyRef[] }[];
}

export interface VerdictSpec {
  /** Fleets whose successes make goodput. Default: all fleets. */
  goodputFleets: string[];
  /** Goodput baseline window before the trigger, seconds. Default 600. */
  baselineWindow: number;
  /** Recovered when goodput >= this share of baseline... Default 0.9. */
  recoveredRatio: number;
  /** ...for this long, seconds. Default 300. */
  recoveredFor: number;
  /** Metastable when goodput is still below this share... Default 0.5. */
  metastableRatio: number;
  /** ...this long after the trigger ended, seconds. Default 1800. */
  metastableAfter: number;
  /** A service is out in an interval where its success ratio is below this. Default 0.5. */
  outageRatio: number;
}

export interface VariantSpec {
  description: string;
  /** Overrides by field path, applied to the raw scenario before validation (like `--set path=value`). */
  set: Record<string, unknown>;
}

/** What the loader applied to the file to get this scenario (recorded for reports and determinism checks). */
export interface ScenarioOrigin {
  /** The file it was read from, or null for `defineScenario`. */
  file: string | null;
  /** The variant applied, or null. */
  variant: string | null;
  /** `--set` overrides applied after the variant, as given (`path -> value text`). */
  overrides: Record<string, string>;
  /** Scale factor applied by `scaleScenario` (1 = none). */
  scale: number;
}

export interface Scenario {
  name: string;
  description: string;
  /** Wall-clock start, ISO 8601 with offset (`2021-12-07T07:00:00-08:00`); outputs count seconds from it. */
  start: string;
  /** Default run length, seconds. */
  duration: number;
  /** Metrics interval, seconds. Default 10. */
  interval: number;
  networks: Record<string, NetworkSpec>;
  links: Record<string, LinkSpec>;
  services: Record<string, ServiceSpec>;
  fleets: Record<string, FleetSpec>;
  automation: Record<string, AutomationSpec>;
  faults: Record<string, FaultSpec>;
  monitoring?: MonitoringSpec;
  operators?: OperatorsSpec;
  dependents: Record<string, DependentSpec>;
  verdict: VerdictSpec;
  variants: Record<string, VariantSpec>;
  notes: { facts: Note[]; assumptions: Note[] };
  /** How this scenario was obtained (file, variant, overrides, scale). Set by the loader. */
  origin?: ScenarioOrigin;
}

/** Builds an engine Distribution from its spec. */
export type DistributionFactory = (spec: DistributionSpec) => Distribution;
