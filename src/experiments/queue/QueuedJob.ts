import type { JobSpec } from "../JobSpec.js";
import type { StampedeBuild } from "./stampedeBuild.js";

/** BullMQ queue name that sweeps submit to and workers take from. */
export const QUEUE_NAME = "stampede-jobs";

/** Redis key of a scenario's text by its SHA-256: sweeps store it once, workers read it once. */
export function scenarioKey(hash: string): string {
  return `stampede:scenario:${hash}`;
}

/** BullMQ job id of job `key` (`point/replication`) of sweep `sweepId`: the job's idempotency key. */
export function queueJobId(sweepId: string, key: string): string {
  return `${sweepId}-${key.replace("/", "-")}`;
}

/** The data of one queued job. The scenario travels by hash (see scenarioKey), not with every job. */
export interface QueuedJob {
  sweepId: string;
  /** `point/replication`. */
  key: string;
  job: JobSpec;
  scenarioHash: string;
  /** The submitter's build: a worker of another build refuses the job. */
  build: StampedeBuild;
}
