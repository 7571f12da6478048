import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { JobOutput, JobRunner, JobSpec } from "../JobSpec.js";
import type { WorkerTask } from "./jobWorker.js";

/** Options of `poolRunner`. */
export interface PoolOptions {
  /** Worker threads. Default: the number of cores (`os.availableParallelism()`). */
  workers?: number;
  /** File URL of a module exporting `ports` (ExperimentPorts). Default: the real model (defaultPorts). */
  portsModule?: string;
}

/** The default number of workers: one per core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** True when this module runs from TypeScript sources (tsx or vitest) rather than from compiled dist/. */
function fromSources(): boolean {
  return import.meta.url.endsWith(".ts");
}

/** Resolves `name` (without extension) beside this module, as source or compiled file. */
function sibling(dir: string, name: string): string {
  return new URL(`${dir}${name}${fromSources() ? ".ts" : ".js"}`, import.meta.url).href;
}

/** The file URL of the module with the real model's ports. */
export function defaultPortsModule(): string {
  return sibling("../", "defaultPorts");
}

/**
 * A JobRunner on a piscina pool of worker threads. Each worker imports the ports module once. Jobs are queued without
 * limit; results come back in completion order, so callers must not rely on order.
 */
export function poolRunner(options: PoolOptions = {}): JobRunner {
  const workers = options.workers ?? defaultWorkers();
  const entry = fromSources()
    ? new URL("./tsxWorker.mjs", import.meta.url)
    : new URL("./jobWorker.js", import.meta.url);
  const pool = new Piscina<WorkerTask, JobOutput>({
    filename: fileURLToPath(entry),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
  });
  const portsModule = options.portsModule ?? defaultPortsModule();
  return {
    run: (job: JobSpec) => pool.run({ job, portsModule }),
    close: () => pool.destroy(),
  };
}
