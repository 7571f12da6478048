import { performance } from "node:perf_hooks";
import { StampedeError } from "../../core/StampedeError.js";
import { normalQuantile } from "../../engine/distributions/normalMath.js";
import { Xoshiro128 } from "../../engine/Xoshiro128.js";
import { wilsonInterval } from "../../metrics/wilsonInterval.js";
import { CloudModel } from "../../model/CloudModel.js";
import { blastRadius } from "../analysis/blastRadius.js";
import { resolveSelector } from "../analysis/resolveSelector.js";
import type { FailoverSpec } from "../failover/FailoverSpec.js";
import type { LoadedGraph } from "../loadGraphs.js";
import { type ControlPlane, controlPlaneOf } from "./controlPlaneDefaults.js";
import { type DoraClass, doraClass, durationDowntimeMet } from "./doraClassification.js";
import {
  controlPlaneService,
  failoverScenario,
  LAUNCH_RETRY,
  type LaunchFleet,
  SECTOR_INTERVAL_SECONDS,
} from "./failoverScenario.js";
import type { OutageDurationModel } from "./outageDurationModel.js";
import type { DowntimeQuantiles, SectorFunction, SectorResult } from "./SectorResult.js";

/** Options of {@link simulateSector}. */
export interface SectorOptions {
  /** `--fail` selector (region, provider, ...). */
  readonly fail: string;
  /** Monte Carlo runs. Default 1000. */
  readonly runs?: number;
  /** Root seed. Default 1. */
  readonly seed?: number;
  readonly duration: OutageDurationModel;
  /** CV of each firm's detection and decision delays around the side file's values (lognormal). Default 0.5. */
  readonly delayCv?: number;
  /** Control-plane overrides applied after the side files (counterfactuals, sensitivity). */
  readonly controlPlanes?: readonly ControlPlane[];
}

interface Participant {
  readonly id: string;
  readonly name: string;
  readonly firm: string;
  readonly critical: boolean;
  readonly staticState: "down" | "degraded";
  readonly mode: "failover" | "waits" | "redundant";
  readonly spec: FailoverSpec | undefined;
  readonly rto: number | undefined;
  readonly tolerance: number | undefined;
  /** Static failover seconds of a redundant function without spec. */
  readonly staticFailover: number;
}

/**
 * `stampede sector`: Monte Carlo of one outage (`fail`) over a sector's graph with the firms' failover specs. Per
 * run: the outage duration (stream `sector/outage/duration`), each firm's detection and decision delays (streams
 * `firm/<LEI>/detection`, `firm/<LEI>/decision`: one standard normal per firm per run, scaling every function's
 * delays of that firm), then the failovers on the event engine (failoverScenario: one service per secondary control
 * plane, one fleet per group of functions with the same region, start and footprint; engine seed from stream
 * `sector/run/<r>`). A function's downtime = min(outage, launches done + DNS TTL) when it fails over; the outage when
 * it waits for the primary; its static failover time when the graph calls it redundant without a spec.
 */
export function simulateSector(loaded: LoadedGraph, options: SectorOptions): SectorResult {
  const t0 = performance.now();
  const runs = options.runs ?? 1000;
  const seed = options.seed ?? 1;
  const cv = options.delayCv ?? 0.5;
  if (!(Number.isInteger(runs) && runs >= 1))
    throw new StampedeError("E_SECTOR", `--runs must be >= 1, got ${runs}`);
  const graph = loaded.graph;
  const selection = resolveSelector(graph, options.fail);
  const report = blastRadius(
    graph,
    selection.nodes.map((node) => ({ node, start: 0, end: 3600, mode: selection.mode })),
  );
  const specOf = new Map(loaded.failover.map((f) => [f.functionNode, f.spec]));
  const participants: Participant[] = [];
  for (const o of report.functions) {
    const spec = specOf.get(o.id);
    const secondaryDown =
      spec?.secondaryRegion !== undefined && report.states[spec.secondaryRegion] === "down";
    const failsOver = spec?.secondaryRegion !== undefined && !secondaryDown && spec.standby !== "none";
    const mode = failsOver ? "failover" : o.state === "down" ? "waits" : "redundant";
    const rto = spec?.rtoSeconds ?? o.rtoSeconds;
    participants.push({
      id: o.id,
      name: o.name,
      firm: spec?.lei ?? o.owners?.[0] ?? o.id,
      critical: o.critical === true,
      staticState: o.state,
      mode,
      spec,
      rto,
      tolerance: spec?.impactToleranceSeconds ?? rto,
      staticFailover: graph.info(graph.indexOf(o.id)!).failoverSeconds ?? 0,
    });
  }
  const regions = [
    ...new Set(participants.flatMap((p) => (p.mode === "failover" ? [p.spec!.secondaryRegion!] : []))),
  ].sort();
  const planes = regions.map(
    (r) => options.controlPlanes?.find((c) => c.region === r) ?? controlPlaneOf(r, loaded.controlPlanes),
  );
  const firms = [...new Set(participants.map((p) => p.firm))].sort();
  const root = new Xoshiro128(seed);
  const durationRng = root.fork("sector/outage/duration");
  const detRng = new Map(firms.map((f) => [f, root.fork(`firm/${f}/detection`)]));
  const decRng = new Map(firms.map((f) => [f, root.fork(`firm/${f}/decision`)]));
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const factor = (z: number) => Math.exp(sigma * z - (sigma * sigma) / 2);

  const n = participants.length;
  const downtime = participants.map(() => new Float64Array(runs));
  const launchPhase = participants.map(() => new Float64Array(runs).fill(Number.NaN));
  const outage = new Float64Array(runs);
  /** Per secondary region: 1 in the runs where its capacity pool ran out (some launch found no capacity). */
  const ranOut = new Map(regions.map((r) => [r, new Uint8Array(runs)]));
  for (let r = 0; r < runs; r++) {
    const D = options.duration.distribution.sample(durationRng);
    outage[r] = D;
    const zDet = new Map(firms.map((f) => [f, normalQuantile(detRng.get(f)!.next())]));
    const zDec = new Map(firms.map((f) => [f, normalQuantile(decRng.get(f)!.next())]));
    const groups = new Map<string, { fleet: LaunchFleet; members: number[] }>();
    for (let i = 0; i < n; i++) {
      const p = participants[i]!;
      if (p.mode === "waits") downtime[i]![r] = D;
      else if (p.mode === "redundant") downtime[i]![r] = Math.min(D, p.staticFailover);
      else {
        const s = p.spec!;
        const start =
          s.detectionSeconds * factor(zDet.get(p.firm)!) + s.decisionSeconds * factor(zDec.get(p.firm)!);
        if (start >= D) downtime[i]![r] = D;
        else if (s.instancesToLaunch === 0) downtime[i]![r] = Math.min(D, start + s.dnsTtlSeconds);
        else {
          const key = `${s.secondaryRegion}\u0000${start}\u0000${s.instancesToLaunch}`;
          const g = groups.get(key);
          if (g) {
            g.members.push(i);
            (g.fleet as { instances: number }).instances += s.instancesToLaunch;
          } else
            groups.set(key, {
              fleet: {
                name: `g${groups.size}`,
                region: s.secondaryRegion!,
                instances: s.instancesToLaunch,
                startSeconds: start,
              },
              members: [i],
            });
        }
      }
    }
    if (groups.size === 0) continue;
    const fleets = [...groups.values()].map((g) => g.fleet);
    const used = new Set(fleets.map((f) => f.region));
    const scenario = failoverScenario(
      fleets,
      planes.filter((p) => used.has(p.region)),
      D,
    );
    const engineSeed = Math.floor(root.fork(`sector/run/${r}`).next() * 2 ** 32);
    const model = new CloudModel(scenario, engineSeed, D);
    const rec = model.recorder;
    const watch = [...groups.values()].map((g) => ({
      g,
      col: rec.get(`fleet.${g.fleet.name}.successes`)!,
      k: 0,
      done: 0,
      at: Number.POSITIVE_INFINITY,
    }));
    /** Advances each group's cumulative launches over the intervals recorded so far; true when all are done. */
    const allDone = (): boolean => {
      let pending = 0;
      for (const w of watch) {
        while (w.at === Number.POSITIVE_INFINITY && w.k < rec.length) {
          const v = w.col[w.k]!;
          w.done += Number.isNaN(v) ? 0 : v * SECTOR_INTERVAL_SECONDS;
          w.k++;
          if (w.done >= w.g.fleet.instances - 0.5) w.at = w.k * SECTOR_INTERVAL_SECONDS;
        }
        if (w.at === Number.POSITIVE_INFINITY) pending++;
      }
      return pending === 0;
    };
    // The run stops as soon as every fleet has its capacity (nothing after that changes a downtime).
    model.run(D, undefined, allDone);
    allDone();
    for (const s of model.world.services)
      if (s.stockLeft !== undefined && s.totalStockOuts > 0) {
        const region = planes.find((p) => controlPlaneService(p.region) === s.name)?.region;
        if (region !== undefined) ranOut.get(region)![r] = 1;
      }
    for (const w of watch) {
      for (const i of w.g.members) {
        const s = participants[i]!.spec!;
        downtime[i]![r] = Math.min(D, w.at + s.dnsTtlSeconds);
        launchPhase[i]![r] = Math.min(w.at, D) - w.g.fleet.startSeconds;
      }
    }
  }

  const functions: SectorFunction[] = participants.map((p, i) => {
    const d = downtime[i]!;
    let rtoCount = 0;
    let tolCount = 0;
    let beyond = 0;
    for (let r = 0; r < runs; r++) {
      if (p.rto !== undefined && d[r]! > p.rto) rtoCount++;
      if (p.tolerance !== undefined && d[r]! > p.tolerance) {
        tolCount++;
        beyond += (d[r]! - p.tolerance) / 60;
      }
    }
    return {
      id: p.id,
      name: p.name,
      firm: p.firm,
      critical: p.critical,
      staticState: p.staticState,
      mode: p.mode,
      secondaryRegion: p.mode === "failover" ? p.spec!.secondaryRegion! : null,
      rtoSeconds: p.rto ?? null,
      impactToleranceSeconds: p.tolerance ?? null,
      rtoBreach: p.rto === undefined ? null : wilsonInterval(rtoCount, runs),
      toleranceBreach: p.tolerance === undefined ? null : wilsonInterval(tolCount, runs),
      downtime: quantiles(d),
      expectedMinutesBeyondTolerance: p.tolerance === undefined ? null : beyond / runs,
    };
  });

  const critical = participants.map((_, i) => i).filter((i) => participants[i]!.critical);
  const atOnce = new Array<number>(critical.length + 1).fill(0);
  for (let r = 0; r < runs; r++) {
    let k = 0;
    for (const i of critical) {
      const p = participants[i]!;
      if (p.rto !== undefined && downtime[i]![r]! > p.rto) k++;
    }
    atOnce[k]!++;
  }

  const criticalOf = new Map<string, number[]>(firms.map((f) => [f, []]));
  const countOf = new Map<string, number>();
  for (const i of critical) criticalOf.get(participants[i]!.firm)!.push(i);
  for (const p of participants) countOf.set(p.firm, (countOf.get(p.firm) ?? 0) + 1);
  const firmResults = firms.map((firm) => {
    const mine = criticalOf.get(firm)!;
    // Criteria not simulated: true when any of the firm's critical functions' side-file entries says so, false when
    // all of them say false, else unknown (null).
    const given = (
      key: "clients" | "reputational" | "geographical" | "dataLosses" | "maliciousAccess" | "economic",
    ): boolean | null => {
      const v = mine.map((i) => participants[i]!.spec?.dora?.[key]);
      if (v.some((x) => x === true)) return true;
      return v.length > 0 && v.every((x) => x === false) ? false : null;
    };
    const criteria = {
      clients: given("clients"),
      reputational: given("reputational"),
      geographical: given("geographical"),
      dataLosses: given("dataLosses"),
      maliciousAccess: given("maliciousAccess"),
      economic: given("economic"),
    };
    const worst = new Float64Array(runs);
    let rtoAny = 0;
    let tolAny = 0;
    const dora: Record<DoraClass, number> = { major: 0, "not major": 0, undetermined: 0 };
    for (let r = 0; r < runs; r++) {
      let w = 0;
      let rb = false;
      let tb = false;
      for (const i of mine) {
        const p = participants[i]!;
        const v = downtime[i]![r]!;
        w = Math.max(w, v);
        if (p.rto !== undefined && v > p.rto) rb = true;
        if (p.tolerance !== undefined && v > p.tolerance) tb = true;
      }
      worst[r] = w;
      if (rb) rtoAny++;
      if (tb) tolAny++;
      dora[
        doraClass({
          ...criteria,
          criticalServicesAffected: w > 0,
          durationDowntime: durationDowntimeMet(w, w),
        })
      ]++;
    }
    return {
      firm,
      functions: countOf.get(firm)!,
      rtoBreach: mine.length === 0 ? null : wilsonInterval(rtoAny, runs),
      toleranceBreach: mine.length === 0 ? null : wilsonInterval(tolAny, runs),
      downtime: quantiles(worst),
      dora,
    };
  });

  const sharingOf = new Map<string, { functions: number; firms: Set<string>; instances: number }>();
  for (const q of participants) {
    if (q.mode !== "failover") continue;
    const region = q.spec!.secondaryRegion!;
    const s = sharingOf.get(region) ?? { functions: 0, firms: new Set<string>(), instances: 0 };
    s.functions++;
    s.firms.add(q.firm);
    s.instances += q.spec!.instancesToLaunch;
    sharingOf.set(region, s);
  }
  const redundantButBreaching = functions.flatMap((f, i) => {
    if (f.staticState !== "degraded" || f.rtoBreach === null || f.rtoBreach.count === 0) return [];
    const p = participants[i]!;
    if (p.mode !== "failover") return [];
    const region = p.spec!.secondaryRegion!;
    const sharing = sharingOf.get(region)!;
    const phases = [...launchPhase[i]!].filter((v, r) => !Number.isNaN(v) && downtime[i]![r]! > p.rto!);
    const median = phases.length === 0 ? null : quantiles(Float64Array.from(phases)).p50;
    const plane = planes.find((c) => c.region === region)!;
    const out = ranOut.get(region)!;
    let breaching = 0;
    let empty = 0;
    for (let r = 0; r < runs; r++)
      if (downtime[i]![r]! > p.rto!) {
        breaching++;
        empty += out[r]!;
      }
    return [
      {
        id: f.id,
        firm: f.firm,
        rtoBreach: f.rtoBreach,
        reason:
          `launches queued at the shared control plane ${controlPlaneService(region)} (${region}: ` +
          `${sharing.functions} functions of ${sharing.firms.size} firms, ${sharing.instances} instances)` +
          (median === null ? "" : `; median launch phase in breaching runs ${(median / 60).toFixed(0)} min`) +
          (plane.capacity === null || empty === 0
            ? ""
            : `; insufficient capacity: the pool of ${plane.capacity} instances ran out in ${empty} of the ${breaching} breaching runs`),
      },
    ];
  });

  return {
    schemaVersion: 1,
    fail: options.fail,
    runs,
    seed,
    assumptions: {
      duration: {
        family: options.duration.family,
        parameters: options.duration.parameters,
        ...(options.duration.fromRuns !== undefined ? { fromRuns: options.duration.fromRuns } : {}),
      },
      delayCv: cv,
      controlPlanes: planes,
      retry: `retry until launched, exponential backoff base ${LAUNCH_RETRY.backoff.base}s cap ${LAUNCH_RETRY.backoff.cap}s, full jitter`,
      intervalSeconds: SECTOR_INTERVAL_SECONDS,
    },
    outageSeconds: quantiles(outage),
    functions,
    firms: firmResults,
    criticalBreachingAtOnce: atOnce,
    redundantButBreaching,
    timing: { wallSeconds: (performance.now() - t0) / 1000 },
  };
}

/** Quantiles (nearest rank) and mean of a sample, seconds. */
function quantiles(values: Float64Array): DowntimeQuantiles {
  const s = Float64Array.from(values).sort();
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0;
  let sum = 0;
  for (const v of s) sum += v;
  return {
    p50: q(0.5),
    p90: q(0.9),
    p99: q(0.99),
    max: s[s.length - 1] ?? 0,
    mean: s.length ? sum / s.length : 0,
  };
}
