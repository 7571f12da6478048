import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type SourceLocation, StampedeError } from "../../core/StampedeError.js";
import { Constant } from "../../engine/distributions/Constant.js";
import { Empirical } from "../../engine/distributions/Empirical.js";
import type { OutageDurationModel } from "./outageDurationModel.js";

/** Where the outage windows of `--from-runs` came from, recorded in the sector result's assumptions. */
export interface FromRunsSource {
  /** The directory given to `--from-runs`. */
  readonly dir: string;
  /** `compare` (summary.json with runs), `sweep` (results.jsonl) or `run` (one run's summary.json). */
  readonly kind: "compare" | "sweep" | "run";
  /** Runs read (one outage window each). */
  readonly runs: number;
  /**
   * Runs that never recovered: their window is simulatedSeconds - triggerStart, a lower bound of the outage
   * (right-censored), so the distribution drawn from them is biased short.
   */
  readonly censored: number;
}

/** One run's window: triggerStart -> recoveredAt, or simulatedSeconds - triggerStart (censored). */
export interface RunWindow {
  readonly seconds: number;
  readonly censored: boolean;
}

/** An outage-duration model read from simulated runs (the `--from-runs` variant of outageDurationModel). */
export interface FromRunsModel extends OutageDurationModel {
  readonly fromRuns: FromRunsSource;
  /** The windows in the order read, seconds. */
  readonly windows: readonly RunWindow[];
}

const fail = (message: string, location?: SourceLocation, path?: string): never => {
  throw new StampedeError("E_SECTOR_FROM_RUNS", `--from-runs: ${message}`, {
    path: path ?? "--from-runs",
    ...(location ? { location } : {}),
  });
};

/**
 * The outage window of one run summary: from `verdict.triggerStart` to `verdict.recoveredAt`; a run that never
 * recovered gives `simulatedSeconds - triggerStart` (censored). A run without a trigger is E_SECTOR_FROM_RUNS.
 */
function windowOf(summary: unknown, location: SourceLocation, path: string): RunWindow {
  const s = summary as {
    simulatedSeconds?: unknown;
    verdict?: { triggerStart?: unknown; recoveredAt?: unknown };
  } | null;
  if (typeof s !== "object" || s === null || typeof s.verdict !== "object" || s.verdict === null)
    return fail("not a run summary (no verdict)", location, path);
  const start = s.verdict.triggerStart;
  if (typeof start !== "number")
    return fail(
      "the run has no trigger (verdict.triggerStart is null): no outage window",
      location,
      `${path}.verdict.triggerStart`,
    );
  const end = s.verdict.recoveredAt;
  if (typeof end === "number") {
    if (!(end >= start)) return fail(`recoveredAt ${end} is before triggerStart ${start}`, location, path);
    return { seconds: end - start, censored: false };
  }
  if (end !== null) return fail("verdict.recoveredAt is neither a number nor null", location, path);
  const sim = s.simulatedSeconds;
  if (typeof sim !== "number" || !(sim >= start))
    return fail("simulatedSeconds is missing or before triggerStart", location, `${path}.simulatedSeconds`);
  return { seconds: sim - start, censored: true };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return fail(`cannot read ${file} as JSON: ${(e as Error).message}`, { file, line: 1, col: 1 });
  }
}

/** The windows of a compare or run directory (summary.json) or a sweep directory (results.jsonl). */
function readWindows(dir: string): { kind: FromRunsSource["kind"]; windows: RunWindow[] } {
  const jsonl = join(dir, "results.jsonl");
  if (existsSync(jsonl)) {
    const windows: RunWindow[] = [];
    const lines = readFileSync(jsonl, "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === "") continue;
      const location = { file: jsonl, line: i + 1, col: 1 };
      let record: { summary?: unknown } | null;
      try {
        record = JSON.parse(line) as { summary?: unknown } | null;
      } catch (e) {
        return fail(`not JSON: ${(e as Error).message}`, location);
      }
      windows.push(windowOf(record?.summary, location, "summary"));
    }
    return { kind: "sweep", windows };
  }
  const file = join(dir, "summary.json");
  if (!existsSync(file))
    return fail(`${dir} has neither summary.json (compare, run) nor results.jsonl (sweep)`, undefined);
  const location = { file, line: 1, col: 1 };
  const data = readJson(file) as { runs?: unknown; verdict?: unknown } | null;
  if (data !== null && typeof data === "object" && Array.isArray(data.runs)) {
    const windows: RunWindow[] = [];
    data.runs.forEach((v: { summaries?: unknown }, i: number) => {
      if (!Array.isArray(v?.summaries)) fail("not a compare summary", location, `runs[${i}].summaries`);
      (v.summaries as unknown[]).forEach((s, j) => {
        windows.push(windowOf(s, location, `runs[${i}].summaries[${j}]`));
      });
    });
    return { kind: "compare", windows };
  }
  if (data !== null && typeof data === "object" && "verdict" in data)
    return { kind: "run", windows: [windowOf(data, location, "summary")] };
  return fail("summary.json is neither a compare nor a run summary", location);
}

/**
 * `--from-runs DIR`: the outage durations of the runs of a `stampede compare`, `sweep` (or `run`) output directory,
 * each run's window triggerStart -> recoveredAt (a run that never recovered contributes simulatedSeconds -
 * triggerStart, a lower bound: censored, counted in `fromRuns.censored`). The distribution is the empirical one of
 * the windows (piecewise-linear ECDF; a single run: that constant). Errors (missing directory, no runs, a run
 * without a trigger, malformed files) are E_SECTOR_FROM_RUNS with the file and line or field; nothing is written.
 */
export function outageDurationsFromRuns(dir: string): FromRunsModel {
  if (!existsSync(dir)) fail(`${dir} does not exist`);
  if (!statSync(dir).isDirectory())
    fail(`${dir} is not a directory (give a compare or sweep --out directory)`);
  const { kind, windows } = readWindows(dir);
  if (windows.length === 0) fail(`${dir} holds no runs`);
  const samples = windows.map((w) => w.seconds);
  const censored = windows.filter((w) => w.censored).length;
  const sorted = [...samples].sort((a, b) => a - b);
  const hours = (s: number) => `${(s / 3600).toFixed(2)} h`;
  const median = sorted[Math.ceil(sorted.length / 2) - 1]!;
  const parameters =
    `${windows.length} runs of a ${kind} in ${dir} (triggerStart -> recoveredAt; median ${hours(median)}, ` +
    `range ${hours(sorted[0]!)} .. ${hours(sorted[sorted.length - 1]!)})` +
    (censored === 0
      ? ""
      : `; ${censored} never recovered: their simulatedSeconds - triggerStart is a lower bound (censored)`);
  return {
    family: windows.length === 1 ? "constant" : "empirical",
    parameters,
    distribution: windows.length === 1 ? new Constant(samples[0]!) : new Empirical(samples),
    fromRuns: { dir, kind, runs: windows.length, censored },
    windows,
  };
}
