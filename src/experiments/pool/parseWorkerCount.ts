import { StampedeError } from "../../core/StampedeError.js";
import { parseWhole } from "../parseFlags.js";
import { defaultWorkers } from "./poolRunner.js";

/** The thread-count flags of `sweep` and `worker`: `--workers` (canonical) and its alias `--concurrency`. */
export interface WorkerCountFlags {
  workers?: string;
  concurrency?: string;
}

/**
 * Worker threads from `--workers N` or its alias `--concurrency N` (BullMQ's and the queue issue's name), a whole
 * number >= 1; default `defaultWorkers()` (the number of cores). Both given with different values is an E_BAD_FLAG.
 */
export function parseWorkerCount(flags: WorkerCountFlags): number {
  const w = flags.workers === undefined ? undefined : parseWhole("--workers", flags.workers, 1);
  const c = flags.concurrency === undefined ? undefined : parseWhole("--concurrency", flags.concurrency, 1);
  if (w !== undefined && c !== undefined && w !== c)
    throw new StampedeError(
      "E_BAD_FLAG",
      `--concurrency is another name for --workers: give one, not ${w} and ${c}`,
      { path: "--concurrency" },
    );
  return w ?? c ?? defaultWorkers();
}
