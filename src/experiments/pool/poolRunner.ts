import { availableParallelism, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { getHeapStatistics } from "node:v8";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { StampedeError } from "../../core/StampedeError.js";
import { E_CANCELLED, type JobControl, type JobOutput, type JobRunner, type JobSpec } from "../JobSpec.js";
import { E_MEMORY_LIMIT } from "../memoryGuard.js";
import type { ProgressMessage, WorkerTask } from "./jobWorker.js";

/** How long a cancelled job may take to stop at its own check before its worker thread is terminated, ms. */
export const CANCEL_GRACE_MS = 800;

/** Options of `poolRunner`. */
export interface PoolOptions {
  /** Worker threads. Default: the number of cores (`os.availableParallelism()`). */
  workers?: number;
  /** File URL of a module exporting `ports` (ExperimentPorts). Default: the real model (defaultPorts). */
  portsModule?: string;
  /**
   * Old-generation heap of each worker, MB (`resourceLimits.maxOldGenerationSizeMb`). Default: 60% of the machine's
   * memory shared by the workers, at least 256 MB and at most this process's heap limit. A worker's memory guard
   * stops its run at 75% of that, so running out ends a job with partial results rather than killing the pool.
   */
  maxOldGenerationSizeMb?: number;
}

/** The default heap of each of `workers` workers, MB (see PoolOptions). */
export function defaultWorkerHeapMb(workers: number): number {
  const share = (totalmem() * 0.6) / Math.max(1, workers) / 2 ** 20;
  const own = getHeapStatistics().heap_size_limit / 2 ** 20;
  return Math.floor(Math.max(256, Math.min(share, own)));
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
    resourceLimits: {
      maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? defaultWorkerHeapMb(workers),
    },
  });
  const portsModule = options.portsModule ?? defaultPortsModule();
  const runControlled = (job: JobSpec, control: JobControl): Promise<JobOutput> => {
    const flag = new SharedArrayBuffer(4);
    const hard = new AbortController();
    const channel = new MessageChannel();
    const onProgress = control.onProgress;
    let started = false;
    channel.port1.on("message", (m: ProgressMessage | "started") => {
      if (m === "started") started = true;
      else onProgress?.(m.fraction, m.series);
    });
    channel.port1.unref();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancel = (): void => {
      Atomics.store(new Int32Array(flag), 0, 1);
      // A job still queued is dropped from the queue at once (no thread is lost). A running one checks its flag
      // every 10 metrics intervals; one that does not stop in time loses its thread.
      if (!started) hard.abort();
      else timer ??= setTimeout(() => hard.abort(), CANCEL_GRACE_MS);
    };
    if (control.signal?.aborted) cancel();
    control.signal?.addEventListener("abort", cancel, { once: true });
    const task: WorkerTask = {
      job,
      portsModule,
      control: {
        flag,
        progressEvery: control.progressEvery ?? 0.5,
        port: channel.port2,
        progress: onProgress !== undefined,
      },
    };
    return pool
      .run(task, {
        signal: hard.signal,
        transferList: [channel.port2] as never,
      })
      .catch((e: unknown) => {
        // Errors lose their code crossing the thread (and a terminated thread gives an AbortError).
        if (control.signal?.aborted) throw new StampedeError(E_CANCELLED, "run cancelled");
        throw e;
      })
      .finally(() => {
        if (timer !== undefined) clearTimeout(timer);
        control.signal?.removeEventListener("abort", cancel);
        channel.port1.close();
      });
  };
  return {
    run: (job: JobSpec, _key?: string, control?: JobControl) =>
      (control === undefined ? pool.run({ job, portsModule }) : runControlled(job, control)).catch(
        (e: unknown) => {
          if ((e as { code?: unknown } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY")
            throw new StampedeError(
              E_MEMORY_LIMIT,
              `a worker ran out of memory running ${job.scenario} (seed ${job.seed})`,
            );
          throw e;
        },
      ),
    close: () => pool.destroy(),
  };
}
