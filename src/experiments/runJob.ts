import { performance } from "node:perf_hooks";
import type { ExperimentPorts } from "./ExperimentPorts.js";
import type { JobOutput, JobSpec } from "./JobSpec.js";

/** Loads the job's scenario with its variant, overrides and scale, runs it, and keeps the series when asked. */
export async function runJob(ports: ExperimentPorts, job: JobSpec): Promise<JobOutput> {
  const scenario = await ports.load(job.scenario, {
    ...(job.variant === undefined ? {} : { variant: job.variant }),
    set: job.set,
    ...(job.scale === undefined ? {} : { scale: job.scale }),
  });
  const started = performance.now();
  const result = await ports.run(scenario, {
    seed: job.seed,
    ...(job.until === undefined ? {} : { until: job.until }),
    ...(job.allowLarge === true ? { allowLarge: true } : {}),
    ...(job.maxMemory === undefined ? {} : { maxMemory: job.maxMemory }),
  });
  const runSeconds = (performance.now() - started) / 1000;
  return job.series
    ? { summary: result.summary, runSeconds, series: result.series }
    : { summary: result.summary, runSeconds };
}
