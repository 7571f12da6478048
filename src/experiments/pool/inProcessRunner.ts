import { cachedLoader } from "../cachedLoader.js";
import type { ExperimentPorts } from "../ExperimentPorts.js";
import type { JobRunner } from "../JobSpec.js";
import { runJob } from "../runJob.js";

/** A JobRunner that runs every job in the calling thread, one at a time, loading each distinct scenario once. */
export function inProcessRunner(ports: ExperimentPorts): JobRunner {
  const cached: ExperimentPorts = { ...ports, load: cachedLoader(ports.load) };
  return {
    run: (job) => runJob(cached, job),
    close: async () => {},
  };
}
