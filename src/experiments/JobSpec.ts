import type { RunSummary, Series } from "../metrics/RunResult.js";
import type { ScenarioTextRef } from "./ExperimentPorts.js";

/** One run to do, as plain data (it crosses into worker threads). */
export interface JobSpec {
  /** Scenario file or built-in name. */
  scenario: string;
  variant?: string;
  /** Overrides by field path (`--set`, sweep points). */
  set: Record<string, string | number>;
  scale?: number;
  seed: number;
  /** Run length, seconds. Default: the scenario's duration. */
  until?: number;
  /** Return the per-interval series too (reports need them; sweeps do not). */
  series: boolean;
  /**
   * The scenario's text, when the job runs where the file is not (a queue worker): loaded with `ports.loadText`
   * instead of `ports.load`. `scenario` is then only the name used in messages.
   */
  source?: ScenarioTextRef;
  /** Skip the pre-run size estimate (`--allow-large`). */
  allowLarge?: boolean;
  /** Memory limit of the run, bytes (`--max-memory`). Default: 75% of the heap limit where the job runs. */
  maxMemory?: number;
  /** The engine (`--engine`): `event` (default) or `fluid`. */
  engine?: "event" | "fluid";
}

/** What a job gives back. `summary.timing` is included; strip it before comparing or storing results. */
export interface JobOutput {
  summary: RunSummary;
  /** Wall seconds of the run itself (the runner call, without loading), measured where the job ran. */
  runSeconds: number;
  series?: Series;
}

/** The code of the error a run throws when it is cancelled (its `cancelled` callback or a JobControl's signal). */
export const E_CANCELLED = "E_CANCELLED";

/** How a caller follows and stops one job (the web app): both optional. */
export interface JobControl {
  /** Aborting it cancels the job: the run stops at its next check (at most 10 metrics intervals) and rejects. */
  signal?: AbortSignal;
  /**
   * Called with the fraction done (0..1) at most about every `progressEvery` seconds of wall time, with the series so
   * far when the job asked for series (`job.series`).
   */
  onProgress?: (fraction: number, series?: Series) => void;
  /** Wall seconds between progress calls. Default 0.5. */
  progressEvery?: number;
}

/** Runs jobs, in this thread or on a worker pool. */
export interface JobRunner {
  /**
   * Runs `job`; `key` names it uniquely within its sweep (point/replication), for runners that store jobs; `control`
   * follows and cancels it (runners that cannot cancel a job once it runs ignore the signal after it started).
   */
  run(job: JobSpec, key?: string, control?: JobControl): Promise<JobOutput>;
  /** Releases workers; the runner is unusable afterwards. */
  close(): Promise<void>;
}
