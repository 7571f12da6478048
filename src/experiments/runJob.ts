import { performance } from "node:perf_hooks";
import type { Series } from "../metrics/RunResult.js";
import type { ExperimentPorts } from "./ExperimentPorts.js";
import type { JobOutput, JobSpec } from "./JobSpec.js";

/** What runJob passes on to the run: cancellation and progress (see JobControl; here as plain callbacks). */
export interface RunJobHooks {
  cancelled?: () => boolean;
  /** Called with the fraction done and, when the job keeps series, a function giving the series so far. */
  onProgress?: (fraction: number, snapshot?: () => Series) => void;
}

/** Loads the job's scenario (from its file, or from `job.source` when it carries the text) with its variant, overrides and scale, runs it, and keeps the series when asked. */
export async function runJob(
  ports: ExperimentPorts,
  job: JobSpec,
  hooks: RunJobHooks = {},
): Promise<JobOutput> {
  const options = {
    ...(job.variant === undefined ? {} : { variant: job.variant }),
    set: job.set,
    ...(job.scale === undefined ? {} : { scale: job.scale }),
  };
  if (job.source !== undefined && ports.loadText === undefined)
    throw new Error("these experiment ports cannot load a scenario from text (no loadText)");
  const scenario =
    job.source === undefined
      ? await ports.load(job.scenario, options)
      : await ports.loadText!(job.source.text, job.source.file, options);
  const started = performance.now();
  const result = await ports.run(scenario, {
    seed: job.seed,
    ...(job.until === undefined ? {} : { until: job.until }),
    ...(job.allowLarge === true ? { allowLarge: true } : {}),
    ...(job.maxMemory === undefined ? {} : { maxMemory: job.maxMemory }),
    ...(hooks.cancelled === undefined ? {} : { cancelled: hooks.cancelled }),
    ...(hooks.onProgress === undefined
      ? {}
      : {
          onProgress: (f: number, snapshot: () => Series) =>
            hooks.onProgress!(f, job.series ? snapshot : undefined),
        }),
    ...(job.engine === undefined ? {} : { engine: job.engine }),
  });
  const runSeconds = (performance.now() - started) / 1000;
  return job.series
    ? { summary: result.summary, runSeconds, series: result.series }
    : { summary: result.summary, runSeconds };
}
