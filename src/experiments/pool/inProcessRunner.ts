import { StampedeError } from "../../core/StampedeError.js";
import { cachedLoader } from "../cachedLoader.js";
import type { ExperimentPorts } from "../ExperimentPorts.js";
import { E_CANCELLED, type JobRunner } from "../JobSpec.js";
import { runJob } from "../runJob.js";

/**
 * A JobRunner that runs every job in the calling thread, one at a time, loading each distinct scenario once. A
 * control's signal cancels a job at its next check; progress comes at every check the run makes.
 */
export function inProcessRunner(ports: ExperimentPorts): JobRunner {
  const cached: ExperimentPorts = { ...ports, load: cachedLoader(ports.load) };
  return {
    run: async (job, _key, control) => {
      if (control === undefined) return runJob(cached, job);
      const signal = control.signal;
      if (signal?.aborted) throw new StampedeError(E_CANCELLED, "run cancelled");
      const onProgress = control.onProgress;
      return runJob(cached, job, {
        ...(signal === undefined ? {} : { cancelled: () => signal.aborted }),
        ...(onProgress === undefined ? {} : { onProgress: (f, snapshot) => onProgress(f, snapshot?.()) }),
      });
    },
    close: async () => {},
  };
}
