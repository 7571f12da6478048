import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { StampedeError } from "../../core/StampedeError.js";
import { writeFileAtomic } from "../../core/writeFileAtomic.js";
import type { JobRunner } from "../JobSpec.js";
import type { PhaseDiagram } from "./phaseDiagram.js";
import { ResultsWriter, readResults } from "./resultsFile.js";
import {
  gridSize,
  jobKey,
  planManifest,
  pointOf,
  type SweepPlan,
  type SweepRecord,
  stripTiming,
} from "./SweepPlan.js";
import { SweepStopped } from "./SweepStopped.js";
import { formatShard, inShard, type Shard } from "./shard.js";
import { sweepJob } from "./sweepJob.js";
import { writeSweepFiles } from "./writeSweepFiles.js";

/** A job that threw: reported with its parameters; the sweep goes on. */
export interface SweepFailure {
  pointIndex: number;
  point: Record<string, number>;
  replication: number;
  seed: number;
  message: string;
}

export interface SweepOptions {
  /** Output directory, already created and checked writable (prepareOutDir). */
  dir: string;
  /** Skip jobs already in results.jsonl (and drop a truncated last line). Default false. */
  resume?: boolean;
  /** Jobs handed to the runner at once. Default 1; use about 2 x workers for a pool. */
  concurrency?: number;
  /** Called after each job (and once at the start) with jobs finished (including resumed ones) and the total. */
  onProgress?: (done: number, total: number) => void;
  onFailure?: (failure: SweepFailure) => void;
  /** Run only this shard's share of the jobs (see `inShard`); recorded in sweep.json. Default: every job. */
  shard?: Shard;
  /**
   * Aborted (SIGINT/SIGTERM at the CLI): stop at once, without waiting for the jobs under way; the sweep keeps the
   * results it has, writes its files marked partial and reports `stopped` with the abort reason (a string) or
   * "stopped". Default: never.
   */
  signal?: AbortSignal;
}

export interface SweepOutcome {
  records: SweepRecord[];
  failures: SweepFailure[];
  /** Jobs found finished in results.jsonl and skipped. */
  resumed: number;
  /** Jobs run now (finished or failed). */
  ran: number;
  diagram: PhaseDiagram;
  /** Why the sweep stopped before every job ran (the runner threw SweepStopped), or null when it ran to the end. */
  stopped: string | null;
  /** Jobs of this sweep (or shard): finished, failed or left. */
  total: number;
}

/** File names inside the sweep's directory. */
export const SWEEP_FILES = {
  results: "results.jsonl",
  manifest: "sweep.json",
  failures: "failures.json",
  phase: "phase.json",
} as const;

/** What sweep.json holds: the plan and the shard (null for the whole sweep). */
export function sweepManifest(plan: SweepPlan, shard?: Shard): Record<string, unknown> {
  return { ...(planManifest(plan) as Record<string, unknown>), shard: shard ? formatShard(shard) : null };
}

function checkDir(plan: SweepPlan, dir: string, resume: boolean, shard: Shard | undefined): void {
  const results = join(dir, SWEEP_FILES.results);
  const manifest = join(dir, SWEEP_FILES.manifest);
  const wanted = JSON.stringify(sweepManifest(plan, shard));
  if (!resume) {
    if (existsSync(results) && statSync(results).size > 0)
      throw new StampedeError(
        "E_RESULTS_EXIST",
        `${results} already has results: pass --resume to continue that sweep, or choose another --out`,
        { path: "--out" },
      );
  } else if (existsSync(manifest) && readFileSync(manifest, "utf8").trim() !== wanted) {
    throw new StampedeError(
      "E_RESUME_MISMATCH",
      `${manifest} describes a different sweep (scenario, params, replications, seed, scale, --set or shard differ)`,
      { path: "--resume" },
    );
  }
  writeFileAtomic(manifest, `${wanted}\n`);
}

/**
 * Runs every (grid point x replication) job of `plan` on `runner`, streaming each finished job to results.jsonl as
 * one line (point, seed, summary without timing). Replication r runs with seed + r at every point. With `resume`,
 * jobs already in the file are skipped. A job that throws is reported through `onFailure` and left out of the file
 * (a later `--resume` retries it). Every check of the directory happens before the first job. Writes phase.json and
 * failures.json at the end (marked partial when the runner threw SweepStopped or the signal aborted); returns all
 * records sorted by point and replication.
 */
export async function runSweep(
  runner: JobRunner,
  plan: SweepPlan,
  options: SweepOptions,
): Promise<SweepOutcome> {
  const resume = options.resume ?? false;
  checkDir(plan, options.dir, resume, options.shard);
  const file = join(options.dir, SWEEP_FILES.results);
  const existing = resume
    ? readResults(file)
    : { records: [], validBytes: 0, truncatedTail: false, duplicates: 0 };
  const points = gridSize(plan.params);
  const records = existing.records.filter((r) => r.pointIndex < points && r.replication < plan.replications);
  const done = new Set(records.map((r) => jobKey(r.pointIndex, r.replication)));
  const todo: [number, number][] = [];
  let total = 0;
  for (let i = 0; i < points; i++)
    for (let r = 0; r < plan.replications; r++) {
      if (options.shard && !inShard(options.shard, i, r, plan.replications)) continue;
      total++;
      if (!done.has(jobKey(i, r))) todo.push([i, r]);
    }
  const resumed = total - todo.length;
  let finished = resumed;
  options.onProgress?.(finished, total);

  const writer = new ResultsWriter(file, existing.validBytes);
  const failures: SweepFailure[] = [];
  let next = 0;
  let stopped: string | null = null;
  let ran = 0;
  const signal = options.signal;
  const why = () => (typeof signal?.reason === "string" ? signal.reason : "stopped");
  // Rejects when the signal aborts: each job's wait races it, so a stop does not wait for the jobs under way.
  const aborted = new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(new SweepStopped(why()));
    else signal?.addEventListener("abort", () => reject(new SweepStopped(why())), { once: true });
  });
  aborted.catch(() => {});
  const worker = async (): Promise<void> => {
    while (next < todo.length && stopped === null) {
      if (signal?.aborted) {
        stopped ??= why();
        return;
      }
      const [pointIndex, replication] = todo[next++]!;
      const point = pointOf(plan.params, pointIndex);
      const job = sweepJob(plan, pointIndex, replication);
      const seed = job.seed;
      try {
        const run = runner.run(job, jobKey(pointIndex, replication));
        const out = signal === undefined ? await run : await Promise.race([run, aborted]);
        const rec: SweepRecord = { pointIndex, point, replication, seed, summary: stripTiming(out.summary) };
        writer.append(rec);
        records.push(rec);
      } catch (e) {
        if (e instanceof SweepStopped) {
          stopped ??= e.message;
          return;
        }
        const failure = {
          pointIndex,
          point,
          replication,
          seed,
          message: e instanceof Error ? e.message : String(e),
        };
        failures.push(failure);
        options.onFailure?.(failure);
      }
      ran++;
      options.onProgress?.(++finished, total);
    }
  };
  try {
    const lanes = Math.max(1, Math.min(options.concurrency ?? 1, todo.length));
    await Promise.all(Array.from({ length: lanes }, worker));
  } finally {
    writer.close();
  }
  const diagram = writeSweepFiles(options.dir, plan.params, records, failures, stopped);
  return { records, failures, resumed, ran, diagram, stopped, total };
}
