import type { ExperimentPorts } from "../ExperimentPorts.js";
import type { JobRunner } from "../JobSpec.js";
import { runJob } from "../runJob.js";

/** A JobRunner that runs every job in the calling thread, one at a time. */
export function inProcessRunner(ports: ExperimentPorts): JobRunner {
  return {
    run: (job) => runJob(ports, job),
    close: async () => {},
  };
}
