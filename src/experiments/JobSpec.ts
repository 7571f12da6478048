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

/** Runs jobs, in this thread or on a worker pool. */
export interface JobRunner {
  /** Runs `job`; `key` names it uniquely within its sweep (point/replication), for runners that store jobs. */
  run(job: JobSpec, key?: string): Promise<JobOutput>;
  /** Releases workers; the runner is unusable afterwards. */
  close(): Promise<void>;
}
