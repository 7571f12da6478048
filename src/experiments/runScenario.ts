import { performance } from "node:perf_hooks";
import { StampedeError } from "../core/StampedeError.js";
import { computeVerdict } from "../metrics/computeVerdict.js";
import type {
  FleetSummary,
  LinkSummary,
  PoolSummary,
  RunResult,
  RunSummary,
  Series,
  ServiceSummary,
} from "../metrics/RunResult.js";
import { windowSeconds, windowsWhere } from "../metrics/windowsWhere.js";
import { CloudModel } from "../model/CloudModel.js";
import type { ConnectionPool } from "../model/ConnectionPool.js";
import type { Scenario } from "../scenario/Scenario.js";
import { checkRunSize, formatBytes } from "./estimateRun.js";
import { E_CANCELLED } from "./JobSpec.js";
import { defaultMemoryLimit, E_MEMORY_LIMIT, memoryGuard, memoryInUse } from "./memoryGuard.js";
import { runFluid } from "./runFluid.js";
import { max, provenance, round, roundOrNull, seriesParts, triggerSpan } from "./summaryParts.js";

export interface RunOptions {
  /** Root seed of every random stream. Default 1. */
  seed?: number;
  /** Simulated seconds to run. Default: the scenario's duration. */
  until?: number;
  /**
   * Called with the fraction done (0..1) as the run advances, and a function that returns the series recorded so far
   * (a copy: call it only when the series is wanted, e.g. to stream it to a chart).
   */
  onProgress?: (fraction: number, snapshot: () => Series) => void;
  /**
   * Asked every 10 metrics intervals at most (with the memory guard): true cancels the run, which throws
   * StampedeError E_CANCELLED. Default: never.
   */
  cancelled?: () => boolean;
  /**
   * Memory limit, bytes (heapUsed + arrayBuffers): past it the run stops with partial results (`summary.partial`,
   * `stopReason`). Default {@link defaultMemoryLimit} (75% of V8's heap limit). Also the estimate's memory limit.
   */
  maxMemory?: number;
  /** Skip the size estimate that refuses absurd runs before they start (`--allow-large`). Default false. */
  allowLarge?: boolean;
  /** What the memory guard measures, bytes. Default heapUsed + arrayBuffers (tests pass their own). */
  memoryInUse?: () => number;
  /**
   * The engine: `event` (default, the discrete-event model) or `fluid` (the mean-field model, docs/fluid.md; the
   * seed is recorded but draws nothing).
   */
  engine?: "event" | "fluid";
  /** Fluid engine only: steps per smallest timeout. Default 10. */
  bins?: number;
  /** Fluid engine only: skip quiescent stretches (docs/fluid.md). Default true. */
  skip?: boolean;
  /** Fluid engine only: the multi-rate step (each fleet at its own step, docs/fluid.md). Default true. */
  multiRate?: boolean;
}

/**
 * Runs one scenario with one seed: the single entry point of the CLI, experiments, workers and tests. The result is
 * plain data; everything but `summary.timing` is a pure function of (scenario, seed, until).
 */
export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const seed = options.seed ?? 1;
  const until = options.until ?? scenario.duration;
  if (!(until > 0) || !Number.isFinite(until)) {
    throw new StampedeError("E_RUN", `--until must be a positive duration, got ${until}`);
  }
  if (options.engine === "fluid") return runFluid(scenario, seed, until, options);
  const maxMemory = options.maxMemory ?? defaultMemoryLimit();
  if (options.allowLarge !== true) checkRunSize(scenario, until, { maxBytes: maxMemory });
  const t0 = performance.now();
  const model = newModel(scenario, seed, until);
  const guard = memoryGuard(maxMemory, options.memoryInUse ?? memoryInUse);
  // The default probe (process.memoryUsage, a fraction of a millisecond) is read at most every 100 ms of wall time; a
  // probe passed in options is read at every check, so tests can place the stop exactly.
  let nextProbe = 0;
  const memoryStop =
    options.memoryInUse !== undefined
      ? () => guard.check()
      : () => {
          const t = performance.now();
          if (t < nextProbe) return false;
          nextProbe = t + 100;
          return guard.check();
        };
  const onProgress = options.onProgress;
  const cancelled = options.cancelled;
  const reached = model.run(
    until,
    onProgress === undefined ? undefined : (f) => onProgress(f, () => model.recorder.toSeries()),
    () => {
      if (cancelled?.() === true) throw new StampedeError(E_CANCELLED, "run cancelled");
      return memoryStop();
    },
  );
  const partial = reached < until;
  const wallSeconds = (performance.now() - t0) / 1000;
  const series = model.recorder.toSeries();
  const w = model.world;
  const interval = scenario.interval;

  const { triggerStart, triggerEnd, triggers } = triggerSpan(scenario);

  const col = (name: string) => series.columns[name] ?? [];
  /** A column with no-data intervals (null) as NaN, for the verdict. */
  const nan = (name: string) => col(name).map((v) => v ?? Number.NaN);
  const verdict = computeVerdict({
    goodput: nan("goodput"),
    amplification: nan("amplification"),
    capacityMissing: nan("capacity.missing"),
    faults: Object.values(scenario.faults).map((f) => ({ start: f.start, end: f.end, trigger: f.trigger })),
    interval,
    triggerStart,
    triggerEnd,
    detectedAt: model.operators.detectedAt,
    detectedBy: model.operators.detectedBy,
    diagnosedAt: model.operators.diagnosedAt,
    spec: scenario.verdict,
  });

  const fleets: Record<string, FleetSummary> = {};
  for (const f of w.fleets) {
    f.resetInterval();
    const t = f.site.counters.totals;
    const setups = f.totalSetupAttempts;
    fleets[f.name] = {
      clients: f.clients,
      firstAttempts: t.firstAttempts,
      attempts: t.attempts + setups,
      setupAttempts: setups,
      refused: t.refused,
      successes: t.successes,
      timeouts: t.timeouts,
      errors: t.errors,
      rejected: t.rejected,
      amplification: t.firstAttempts > 0 ? round((t.attempts + setups) / t.firstAttempts) : 0,
      latencyP50: roundOrNull(f.site.latencyAll.quantile(0.5)),
      latencyP99: roundOrNull(f.site.latencyAll.quantile(0.99)),
      ...(f.setupGate !== undefined ? { setupRefused: f.setupGate.totalRefused } : {}),
      ...(f.pool !== undefined ? { pool: poolSummary(f.pool) } : {}),
      ...(f.spec.work !== undefined
        ? {
            work: {
              requests: f.spec.work.requests,
              finishedClients: f.finishedClients,
              finishedAt: f.finishedClients === f.clients ? round(f.lastFinish) : null,
              meanFinish: f.finishedClients > 0 ? round(f.finishSum / f.finishedClients) : null,
            },
          }
        : {}),
    };
  }
  const links: Record<string, LinkSummary> = {};
  for (const l of w.links) {
    l.resetInterval();
    const util = col(`link.${l.name}.utilisation`);
    const queue = col(`link.${l.name}.queue`);
    const storm = col(`link.${l.name}.stormFactor`);
    const t = l.counts.totals;
    links[l.name] = {
      devices: l.devices,
      forwarded: t.forwarded,
      setups: t.setups,
      drops: t.drops,
      peakQueue: max(queue),
      peakUtilisation: round(max(util)),
      // no work admitted: no share to tell (null), not 0
      wastedShare: t.admittedWork > 0 ? round(t.wastedWork / t.admittedWork) : null,
      peakStormFactor: round(max(storm)),
    };
  }
  const services: Record<string, ServiceSummary> = {};
  for (const s of w.services) {
    s.resetInterval();
    const outageWindows = windowsWhere(col(`service.${s.name}.out`), interval, (v) => v === 1);
    services[s.name] = {
      requests: s.totals.requests,
      successes: s.totals.successes,
      failures: s.totals.failures,
      peakQueue: max(col(`service.${s.name}.queue`)),
      wastedShare: round(s.totals.busyTime > 0 ? s.totals.wastedTime / s.totals.busyTime : 0),
      outageWindows,
      outageSeconds: windowSeconds(outageWindows),
    };
    if (s.contention !== undefined) services[s.name]!.conflicts = s.contention.totalConflicts;
    if (s.stockLeft !== undefined) services[s.name]!.stockOuts = s.totalStockOuts;
    const pooled = s.deps.filter((d) => d.pool !== undefined);
    if (pooled.length > 0)
      services[s.name]!.pools = Object.fromEntries(pooled.map((d) => [d.name, poolSummary(d.pool!)]));
  }
  const summary: RunSummary = {
    ...provenance(scenario, seed, "event"),
    simulatedSeconds: reached,
    events: model.sim.events,
    steps: null,
    stepSeconds: null,
    verdict,
    triggers,
    fleets,
    links,
    services,
    ...seriesParts(scenario, col, {
      hasMonitor: model.monitor !== undefined,
      dependents: model.dependents.names,
      operators: model.operators.steps,
    }),
    timing: {
      wallSeconds: round(wallSeconds),
      eventsPerSecond: Math.round(model.sim.events / Math.max(wallSeconds, 1e-9)),
    },
    ...(partial ? { partial: true } : {}),
  };
  if (!partial) return { summary, series };
  const stopReason =
    `stopped at ${round(reached)} s of ${until} s: memory use ${formatBytes(guard.exceeded)} passed the limit ` +
    `${formatBytes(maxMemory)} (--max-memory)`;
  return { summary, series, stopReason };
}

/** The model, or a clean error when its arrays cannot be allocated (a run too large for this machine). */
function newModel(scenario: Scenario, seed: number, until: number): CloudModel {
  try {
    return new CloudModel(scenario, seed, until);
  } catch (e) {
    if (e instanceof RangeError && /allocation failed|Invalid (typed )?array length/i.test(e.message))
      throw new StampedeError(
        E_MEMORY_LIMIT,
        `the run does not fit in memory: ${e.message}; shrink it with --scale or --until`,
      );
    throw e;
  }
}

/** A connection pool's run figures (its intervals already rolled into its totals). */
function poolSummary(p: ConnectionPool): PoolSummary {
  const t = p.totals;
  return {
    waited: t.waited,
    waitTimeouts: t.waitTimeouts,
    meanWait: round(t.waitsEnded > 0 ? t.waitTime / t.waitsEnded : 0),
    peakWaiters: t.peakWaiters,
  };
}
