import { randomUUID } from "node:crypto";
import { StampedeError } from "../core/StampedeError.js";
import type { JobControl, JobOutput, JobRunner, JobSpec } from "../experiments/JobSpec.js";
import type { LiveSeries, LiveSeriesEvent } from "./LiveSeries.js";

/** The kinds of job the web app starts. */
export type WebJobKind = "run" | "compare" | "sweep" | "blast";
export type WebJobState = "running" | "done" | "failed" | "cancelled";

/** What the page hears about a job (server-sent events). */
export type WebJobEvent =
  | { type: "progress"; fraction: number; version: number; detail: string }
  | LiveSeriesEvent
  | { type: "end"; state: WebJobState; error: string | null; verdict: string | null; version: number };

/** One job of the board: its state, its latest report page, its listeners. */
export interface WebJob {
  readonly id: string;
  readonly kind: WebJobKind;
  state: WebJobState;
  /** 0..1. */
  fraction: number;
  /** Bumped at every progress: the page reloads the report when it changes. */
  version: number;
  detail: string;
  error: string | null;
  verdict: string | null;
  /** The report page as it stands (the live view while running, the final report once done), or null. */
  html: () => string | null;
  /** A run's downsampled live series (streamed to the page as `series` events), or null. */
  live: LiveSeries | null;
  readonly controller: AbortController;
  readonly listeners: Set<(e: WebJobEvent) => void>;
}

/** Error code of a start refused because `maxRuns` jobs are running (HTTP 429). */
export const E_BUSY = "E_BUSY";

/** Options of the board. */
export interface JobBoardOptions {
  runner: JobRunner;
  /** Jobs running at once, at most; a start beyond it is refused with E_BUSY. */
  maxRuns: number;
  /** Finished jobs kept (their reports), oldest dropped first. Default 30. */
  keep?: number;
}

/**
 * The web app's jobs: at most `maxRuns` running at once, every simulation run dispatched to the runner (the worker
 * pool) with a JobControl, so a cancel reaches the worker. `busy` counts the runner calls in flight: it returns to 0
 * once every job ended, whatever way it ended.
 */
export class JobBoard {
  readonly jobs = new Map<string, WebJob>();
  busy = 0;
  private readonly keep: number;

  constructor(private readonly options: JobBoardOptions) {
    this.keep = options.keep ?? 30;
  }

  /** Jobs running now. */
  running(): number {
    let n = 0;
    for (const j of this.jobs.values()) if (j.state === "running") n++;
    return n;
  }

  /** A new running job, or E_BUSY when `maxRuns` already run. */
  create(kind: WebJobKind): WebJob {
    if (this.running() >= this.options.maxRuns)
      throw new StampedeError(
        E_BUSY,
        `${this.options.maxRuns} jobs are running (--max-runs): wait or cancel one`,
      );
    const job: WebJob = {
      id: randomUUID(),
      kind,
      state: "running",
      fraction: 0,
      version: 0,
      detail: "",
      error: null,
      verdict: null,
      html: () => null,
      live: null,
      controller: new AbortController(),
      listeners: new Set(),
    };
    this.jobs.set(job.id, job);
    this.prune();
    return job;
  }

  /** Records progress and tells the listeners. */
  progress(job: WebJob, fraction: number, detail = ""): void {
    if (job.state !== "running") return;
    job.fraction = Math.max(0, Math.min(1, fraction));
    job.detail = detail;
    job.version++;
    const e: WebJobEvent = { type: "progress", fraction: job.fraction, version: job.version, detail };
    for (const l of job.listeners) l(e);
  }

  /** Tells the listeners of a running job its new live points. */
  stream(job: WebJob, e: LiveSeriesEvent): void {
    if (job.state !== "running") return;
    for (const l of job.listeners) l(e);
  }

  /** Ends a job (once): done, failed (with the message) or cancelled (its signal was aborted). */
  end(job: WebJob, state: WebJobState, error: string | null = null): void {
    if (job.state !== "running") return;
    job.state = job.controller.signal.aborted && state !== "done" ? "cancelled" : state;
    job.error = job.state === "cancelled" ? null : error;
    if (job.state === "done") job.fraction = 1;
    job.version++;
    const e: WebJobEvent = {
      type: "end",
      state: job.state,
      error: job.error,
      verdict: job.verdict,
      version: job.version,
    };
    for (const l of job.listeners) l(e);
    job.listeners.clear();
    this.prune();
  }

  /** Cancels a running job; false when there is no such job. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job) return false;
    if (job.state === "running") job.controller.abort();
    return true;
  }

  /**
   * A runner for one job: every run goes to the board's runner with the job's signal (and `source`, the edited
   * text, when given), counted in `busy`; `onProgress` gets each run's progress.
   */
  runnerFor(job: WebJob, extra: Partial<JobSpec>, onProgress?: JobControl["onProgress"]): JobRunner {
    const inner = this.options.runner;
    return {
      run: async (spec: JobSpec, key?: string): Promise<JobOutput> => {
        if (job.controller.signal.aborted) throw new StampedeError("E_CANCELLED", "run cancelled");
        this.busy++;
        try {
          return await inner.run({ ...spec, ...extra }, key, {
            signal: job.controller.signal,
            ...(onProgress === undefined ? {} : { onProgress }),
          });
        } finally {
          this.busy--;
        }
      },
      close: async () => {},
    };
  }

  /** Cancels every job and waits until no run is in flight. */
  async close(): Promise<void> {
    for (const j of this.jobs.values()) if (j.state === "running") j.controller.abort();
    while (this.busy > 0) await new Promise((r) => setTimeout(r, 20));
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== "running");
    for (const j of finished.slice(0, Math.max(0, finished.length - this.keep))) this.jobs.delete(j.id);
  }
}
