import { StampedeError } from "../../core/StampedeError.js";
import type { ShareEstimate } from "../../metrics/ShareEstimate.js";
import type { JobRunner, JobSpec } from "../JobSpec.js";
import { wilsonInterval } from "../stats/wilsonInterval.js";

/** What `stampede boundary` searches: one parameter between two values where the verdict flips. */
export interface BoundaryOptions {
  scenario: string;
  /** Field path, as for `--set`. */
  path: string;
  /** Bounds in base units (seconds, per second...). */
  from: number;
  to: number;
  /** Engine of the bisection: `fluid` (default: one deterministic run per point) or `event` (majority of replications). */
  engine: "fluid" | "event";
  /** Event-engine replications at each confirmation point (and per bisection point with `engine: event`). Default 20. */
  replications: number;
  /** Stop bisecting when the bracket is this narrow (base units). Default (to - from) / 100. */
  tolerance?: number;
  /** Largest number of runs in all, bisection and confirmation. Default 500. */
  maxRuns?: number;
  seed: number;
  set: Record<string, string | number>;
  scale?: number;
  until?: number;
}

/** One point of the bisection. */
export interface BoundaryProbe {
  value: number;
  metastable: boolean;
  /** Event engine: the metastable share over the replications that were determined. */
  share?: number;
}

/** The event engine's verdicts at one bracketing point. */
export interface BoundaryConfirmation {
  value: number;
  /** Metastable runs over the determined ones, with a Wilson 95% interval; null when none was determined. */
  metastable: ShareEstimate | null;
  undetermined: number;
}

export interface BoundaryResult {
  scenario: string;
  path: string;
  engine: "fluid" | "event";
  /** The bracket [low, high] (base units) in which the verdict flips, and its midpoint. */
  low: number;
  high: number;
  boundary: number;
  /** Half the bracket: the boundary's uncertainty from the bisection. */
  uncertainty: number;
  /** Which side is metastable: the verdict at `high` (true when larger values tip the system). */
  metastableAbove: boolean;
  probes: BoundaryProbe[];
  confirmation: { low: BoundaryConfirmation; high: BoundaryConfirmation; confirmed: boolean };
  runs: number;
}

export const E_NO_BOUNDARY = "E_NO_BOUNDARY";

/**
 * Finds where the verdict (`metastable`) flips along one parameter: bisection with the chosen engine, then the event
 * engine over `replications` seeds at the two bracketing points, each with a Wilson interval on the metastable
 * share. Confirmed when the metastable side's share is above one half and the other side's below.
 */
export async function findBoundary(runner: JobRunner, o: BoundaryOptions): Promise<BoundaryResult> {
  const maxRuns = o.maxRuns ?? 500;
  const tolerance = o.tolerance ?? Math.abs(o.to - o.from) / 100;
  let runs = 0;
  const job = (value: number, seed: number, engine: "fluid" | "event"): JobSpec => ({
    scenario: o.scenario,
    set: { ...o.set, [o.path]: value },
    seed,
    series: false,
    engine,
    ...(o.scale === undefined ? {} : { scale: o.scale }),
    ...(o.until === undefined ? {} : { until: o.until }),
  });
  const eventVerdicts = async (value: number): Promise<(boolean | null)[]> => {
    const seeds = Array.from({ length: o.replications }, (_, i) => o.seed + i);
    runs += seeds.length;
    const outs = await Promise.all(seeds.map((s) => runner.run(job(value, s, "event"))));
    return outs.map((x) => x.summary.verdict.metastable);
  };
  const probes: BoundaryProbe[] = [];
  const probe = async (value: number): Promise<boolean> => {
    if (o.engine === "fluid") {
      runs++;
      const out = await runner.run(job(value, o.seed, "fluid"));
      const m = out.summary.verdict.metastable;
      if (m === null)
        throw new StampedeError(
          E_NO_BOUNDARY,
          `the run at ${o.path}=${value} is too short to tell (metastable undetermined); use --until`,
          { path: "--until" },
        );
      probes.push({ value, metastable: m });
      return m;
    }
    const vs = (await eventVerdicts(value)).filter((v) => v !== null);
    if (vs.length === 0)
      throw new StampedeError(
        E_NO_BOUNDARY,
        `the runs at ${o.path}=${value} are too short to tell; use --until`,
        { path: "--until" },
      );
    const share = vs.filter((v) => v).length / vs.length;
    probes.push({ value, metastable: share > 0.5, share });
    return share > 0.5;
  };
  let low = o.from;
  let high = o.to;
  const atLow = await probe(low);
  const atHigh = await probe(high);
  if (atLow === atHigh)
    throw new StampedeError(
      E_NO_BOUNDARY,
      `the verdict does not flip between ${o.from} and ${o.to} (metastable ${atLow} at both ends): widen --param`,
      { path: "--param" },
    );
  const perProbe = o.engine === "fluid" ? 1 : o.replications;
  while (Math.abs(high - low) > tolerance && runs + perProbe + 2 * o.replications <= maxRuns) {
    const mid = (low + high) / 2;
    if ((await probe(mid)) === atLow) low = mid;
    else high = mid;
  }
  const confirm = async (value: number): Promise<BoundaryConfirmation> => {
    const vs = await eventVerdicts(value);
    const det = vs.filter((v) => v !== null);
    return {
      value,
      metastable: wilsonInterval(det.filter((v) => v).length, det.length),
      undetermined: vs.length - det.length,
    };
  };
  const cLow = await confirm(low);
  const cHigh = await confirm(high);
  const share = (c: BoundaryConfirmation) => c.metastable?.share ?? Number.NaN;
  const confirmed = atHigh
    ? share(cLow) < 0.5 && share(cHigh) > 0.5
    : share(cLow) > 0.5 && share(cHigh) < 0.5;
  return {
    scenario: o.scenario,
    path: o.path,
    engine: o.engine,
    low,
    high,
    boundary: (low + high) / 2,
    uncertainty: Math.abs(high - low) / 2,
    metastableAbove: atHigh,
    probes,
    confirmation: { low: cLow, high: cHigh, confirmed },
    runs,
  };
}
