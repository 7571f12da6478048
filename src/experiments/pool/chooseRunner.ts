import type { ExperimentPorts } from "../ExperimentPorts.js";
import type { JobRunner } from "../JobSpec.js";
import { inProcessRunner } from "./inProcessRunner.js";
import { poolRunner } from "./poolRunner.js";

/** What a command needs to run jobs: the ports in this process, and the module workers load them from. */
export interface RunnerDeps {
  ports: ExperimentPorts;
  /** File URL of the module whose `ports` the workers use. Default: the real model. */
  portsModule?: string;
}

/** A piscina pool of `workers` threads when there is more than one, else the jobs run in this process. */
export function chooseRunner(workers: number, deps: RunnerDeps): JobRunner {
  if (workers <= 1) return inProcessRunner(deps.ports);
  return poolRunner({
    workers,
    ...(deps.portsModule === undefined ? {} : { portsModule: deps.portsModule }),
  });
}
