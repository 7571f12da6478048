import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { SourceLocation } from "../core/StampedeError.js";
import { checkFluid } from "../fluid/checkFluid.js";
import { FluidModel, fluidRefusalError } from "../fluid/FluidModel.js";
import { computeVerdict } from "../metrics/computeVerdict.js";
import type {
  FleetSummary,
  LinkSummary,
  RunResult,
  RunSummary,
  Series,
  ServiceSummary,
} from "../metrics/RunResult.js";
import { windowSeconds, windowsWhere } from "../metrics/windowsWhere.js";
import type { Scenario } from "../scenario/Scenario.js";
import { locate, parseScenarioSource } from "../scenario/ScenarioSource.js";
import { max, provenance, round, roundOrNull, seriesParts, triggerSpan } from "./summaryParts.js";

/**
 * One run of the fluid (mean-field) engine: the same RunResult shape, series columns and verdict as the event engine,
 * with `engine: "fluid"`, `events: null`, `steps` and `stepSeconds`. Counts are expected values (fractional, rounded
 * to 3 decimals). Deterministic: the seed is recorded but draws nothing.
 */
export function runFluid(
  scenario: Scenario,
  seed: number,
  until: number,
  options: {
    onProgress?: ((fraction: number, snapshot: () => Series) => void) | undefined;
    bins?: number | undefined;
    skip?: boolean | undefined;
    multiRate?: boolean | undefined;
  },
): RunResult {
  const refusals = checkFluid(scenario);
  if (refusals.length > 0) throw fluidRefusalError(refusals, locator(scenario));
  const t0 = performance.now();
  const model = new FluidModel(scenario, until, {
    ...(options.bins === undefined ? {} : { bins: options.bins }),
    ...(options.skip === undefined ? {} : { skip: options.skip }),
    ...(options.multiRate === undefined ? {} : { multiRate: options.multiRate }),
  });
  const onProgress = options.onProgress;
  const reached = model.run(
    until,
    onProgress === undefined ? undefined : (f) => onProgress(f, () => model.recorder.toSeries()),
  );
  const wallSeconds = (performance.now() - t0) / 1000;
  const interval = scenario.interval;
  const { triggerStart, triggerEnd, triggers } = triggerSpan(scenario);
  // The summary converts only the columns it reads (a sweep point never materialises the whole series).
  const read = new Map<string, (number | null)[]>();
  const col = (name: string) => {
    let c = read.get(name);
    if (c === undefined) {
      c = model.recorder.columnSeries(name);
      read.set(name, c);
    }
    return c;
  };
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
  for (const c of model.callers) c.rollInterval();
  for (const l of model.links) l.resetInterval();
  for (const s of model.services) s.resetInterval();
  const fleets: Record<string, FleetSummary> = {};
  for (let i = 0; i < model.fleetCount; i++) {
    const c = model.callers[i]!;
    const t = c.counters.totals;
    fleets[c.name] = {
      clients: round(c.clients),
      firstAttempts: round(t.firstAttempts),
      attempts: round(t.attempts + t.setups),
      setupAttempts: round(t.setups),
      refused: round(t.refused),
      successes: round(t.successes),
      timeouts: round(t.timeouts),
      errors: round(t.errors),
      rejected: round(t.rejected),
      amplification: t.firstAttempts > 0 ? round((t.attempts + t.setups) / t.firstAttempts) : 0,
      latencyP50: roundOrNull(c.latencyAll.quantile(0.5)),
      latencyP99: roundOrNull(c.latencyAll.quantile(0.99)),
    };
  }
  const links: Record<string, LinkSummary> = {};
  for (const l of model.links) {
    const t = l.totals;
    links[l.name] = {
      devices: l.devices,
      forwarded: round(t.forwarded),
      setups: round(t.setups),
      drops: round(t.drops),
      peakQueue: round(max(col(`link.${l.name}.queue`))),
      peakUtilisation: round(max(col(`link.${l.name}.utilisation`))),
      wastedShare: round(t.admitted > 0 ? t.wasted / t.admitted : 0),
      peakStormFactor: round(max(col(`link.${l.name}.stormFactor`))),
    };
  }
  const services: Record<string, ServiceSummary> = {};
  for (const s of model.services) {
    const t = s.totals;
    const outageWindows = windowsWhere(col(`service.${s.name}.out`), interval, (v) => v === 1);
    services[s.name] = {
      requests: round(t.requests),
      successes: round(t.successes),
      failures: round(t.failures),
      peakQueue: round(max(col(`service.${s.name}.queue`))),
      wastedShare: round(t.busyTime > 0 ? t.wastedTime / t.busyTime : 0),
      outageWindows,
      outageSeconds: windowSeconds(outageWindows),
    };
  }
  const summary: RunSummary = {
    ...provenance(scenario, seed, "fluid"),
    simulatedSeconds: reached,
    events: null,
    steps: model.steps,
    stepSeconds: model.dt,
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
    timing: { wallSeconds: round(wallSeconds), eventsPerSecond: null },
  };
  // The series is converted when first read (and then kept): a summary-only caller never pays for it.
  let series: Series | undefined;
  return {
    summary,
    get series(): Series {
      if (series === undefined) series = model.recorder.toSeries();
      return series;
    },
  };
}

/**
 * Where a refused field is in the scenario's file (or the nearest enclosing field that is written there), when the
 * scenario came from a file that can still be read; undefined otherwise.
 */
export function locator(scenario: Scenario): (path: string) => SourceLocation | undefined {
  const file = scenario.origin?.file ?? null;
  if (file === null) return () => undefined;
  let source: ReturnType<typeof parseScenarioSource> | undefined;
  try {
    source = parseScenarioSource(readFileSync(file, "utf8"), file);
  } catch {
    return () => undefined;
  }
  return (path) => {
    try {
      return locate(source!, path.split("."));
    } catch {
      return undefined;
    }
  };
}
