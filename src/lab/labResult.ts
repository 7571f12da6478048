import {
  max,
  provenance,
  round,
  roundOrNull,
  seriesParts,
  triggerSpan,
} from "../experiments/summaryParts.js";
import { computeVerdict } from "../metrics/computeVerdict.js";
import type { FleetSummary, LabProcessSummary, RunResult, RunSummary, Series } from "../metrics/RunResult.js";
import { windowSeconds, windowsWhere } from "../metrics/windowsWhere.js";
import type { Scenario } from "../spec/Scenario.js";
import type { ClientCounts } from "./labProtocol.js";

/** What the lab measured in one interval: every client process's counts and health, the peak accept queue. */
export interface LabInterval {
  counts: ClientCounts[];
  /** Largest accept-queue length sampled (every 20 ms) over the interval, connections. */
  queuePeak: number;
  health: { process: number; lagP99Ms: number; driftMs: number; cpuSeconds: number }[];
}

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * The RunResult of a lab run, built from measured counts (rates per scenario second, latencies in scenario seconds:
 * wall values times the speed), with the same verdict, provenance and series parts as the engines (summaryParts) and
 * the `lab` block. What the lab cannot measure is null: the devices' wasted share and storm factor, the service's
 * queue and wasted share.
 */
export function labResult(
  scenario: Scenario,
  seed: number,
  speed: number,
  intervals: readonly LabInterval[],
  run: { fleetName: string; linkName: string; devices: number; wallSeconds: number; processes: number },
): RunResult {
  const dt = scenario.interval;
  const f = run.fleetName;
  const l = run.linkName;
  const names = ["firstAttempts", "attempts", "setups", "successes", "timeouts", "errors"] as const;
  const columns: Record<string, (number | null)[]> = { goodput: [], amplification: [] };
  for (const m of [...names, "p50", "p99"]) columns[`fleet.${f}.${m}`] = [];
  columns[`link.${l}.queue`] = [];
  columns[`link.${l}.setups`] = [];
  columns[`link.${l}.utilisation`] = [];
  columns["capacity.missing"] = [];
  /** One interval's (or the run's) counts, all zero. */
  const zeroCounts = () => ({
    firstAttempts: 0,
    attempts: 0,
    setups: 0,
    setupOk: 0,
    successes: 0,
    timeouts: 0,
    errors: 0,
  });
  const totals = zeroCounts();
  const all: number[] = [];
  const time: number[] = [];
  intervals.forEach((iv, i) => {
    time.push(i * dt);
    const sum = zeroCounts();
    const lat: number[] = [];
    for (const c of iv.counts) {
      sum.firstAttempts += c.firstAttempts;
      sum.attempts += c.attempts;
      sum.setups += c.setupAttempts;
      sum.setupOk += c.setupOk;
      sum.successes += c.successes;
      sum.timeouts += c.timeouts;
      sum.errors += c.errors;
      for (const x of c.latencies) lat.push(x * speed);
    }
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += sum[k];
    lat.sort((a, b) => a - b);
    all.push(...lat);
    const has = iv.counts.length > 0;
    for (const m of names) columns[`fleet.${f}.${m}`]!.push(has ? round(sum[m] / dt) : null);
    columns[`fleet.${f}.p50`]!.push(roundOrNull(quantile(lat, 0.5)));
    columns[`fleet.${f}.p99`]!.push(roundOrNull(quantile(lat, 0.99)));
    columns.goodput!.push(has ? round(sum.successes / dt) : null);
    columns.amplification!.push(sum.firstAttempts > 0 ? round(sum.attempts / sum.firstAttempts) : null);
    columns[`link.${l}.queue`]!.push(iv.queuePeak);
    columns[`link.${l}.setups`]!.push(has ? round(sum.setupOk / dt) : null);
    const capacity = scenario.links[l]!.setupRate * run.devices * dt;
    columns[`link.${l}.utilisation`]!.push(has ? round(Math.min(1, sum.setupOk / capacity)) : null);
    columns["capacity.missing"]!.push(0);
  });
  const series: Series = { interval: dt, time, columns };
  const col = (name: string) => series.columns[name] ?? [];
  const nan = (name: string) => col(name).map((v) => v ?? Number.NaN);
  const { triggerStart, triggerEnd, triggers } = triggerSpan(scenario);
  const verdict = computeVerdict({
    goodput: nan("goodput"),
    amplification: nan("amplification"),
    capacityMissing: nan("capacity.missing"),
    faults: [],
    interval: dt,
    triggerStart,
    triggerEnd,
    detectedAt: null,
    detectedBy: null,
    diagnosedAt: null,
    spec: scenario.verdict,
  });
  all.sort((a, b) => a - b);
  const fleet: FleetSummary = {
    clients: scenario.fleets[f]!.clients,
    firstAttempts: totals.firstAttempts,
    attempts: totals.attempts,
    setupAttempts: totals.setups,
    refused: 0,
    successes: totals.successes,
    timeouts: totals.timeouts,
    errors: totals.errors,
    rejected: 0,
    amplification: totals.firstAttempts > 0 ? round(totals.attempts / totals.firstAttempts) : 0,
    latencyP50: roundOrNull(quantile(all, 0.5)),
    latencyP99: roundOrNull(quantile(all, 0.99)),
  };
  const processes: LabProcessSummary[] = Array.from({ length: run.processes }, () => ({
    cpuSeconds: 0,
    lagP99Ms: 0,
    timerDriftMs: 0,
  }));
  for (const iv of intervals)
    for (const h of iv.health) {
      const p = processes[h.process]!;
      p.cpuSeconds = Math.max(p.cpuSeconds, round(h.cpuSeconds));
      p.lagP99Ms = Math.max(p.lagP99Ms, round(h.lagP99Ms));
      p.timerDriftMs = Math.max(p.timerDriftMs, round(h.driftMs));
    }
  const fleetSpec = scenario.fleets[f]!;
  const smallestTimeout = Math.min(
    fleetSpec.timeout,
    fleetSpec.connection?.setupTimeout ?? Number.POSITIVE_INFINITY,
  );
  const lagP99Ms = Math.max(0, ...processes.map((p) => p.lagP99Ms));
  const serviceName = fleetSpec.target;
  const out = windowsWhere(
    col(`fleet.${f}.successes`).map((s, i) => {
      const e = col(`fleet.${f}.errors`)[i] ?? null;
      const t = col(`fleet.${f}.timeouts`)[i] ?? null;
      if (s === null || e === null || t === null || s + e + t === 0) return null;
      return s / (s + e + t) < scenario.verdict.outageRatio ? 1 : 0;
    }),
    dt,
    (v) => v === 1,
  );
  const summary: RunSummary = {
    ...provenance(scenario, seed, "lab"),
    simulatedSeconds: round(intervals.length * dt),
    events: null,
    steps: null,
    stepSeconds: null,
    verdict,
    triggers,
    fleets: { [f]: fleet },
    links: {
      [l]: {
        devices: run.devices,
        forwarded: totals.successes + totals.errors,
        setups: totals.setupOk,
        drops: totals.setups - totals.setupOk,
        peakQueue: max(col(`link.${l}.queue`)),
        peakUtilisation: max(col(`link.${l}.utilisation`)),
        wastedShare: null,
        peakStormFactor: null,
      },
    },
    services: {
      [serviceName]: {
        requests: totals.successes + totals.errors,
        successes: totals.successes,
        failures: totals.errors,
        peakQueue: null,
        wastedShare: null,
        outageWindows: out,
        outageSeconds: windowSeconds(out),
      },
    },
    ...seriesParts(scenario, col, { hasMonitor: false, dependents: [], operators: [] }),
    timing: { wallSeconds: round(run.wallSeconds), eventsPerSecond: null },
    lab: {
      speed,
      wallSeconds: round(run.wallSeconds),
      lagP99Ms,
      timerDriftMs: Math.max(0, ...processes.map((p) => p.timerDriftMs)),
      processes,
      unreliable: lagP99Ms > ((smallestTimeout / speed) * 1000) / 10,
      noiseFloor: null,
    },
  };
  return { summary, series };
}
