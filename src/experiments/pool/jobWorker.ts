/**
 * The piscina worker: runs one JobSpec with the ports exported (as `ports`) by the module at `portsModule`, a file
 * URL; the module is imported once per worker and cached, and so are loaded scenarios (cachedLoader). With `control`
 * the job can be cancelled (a shared flag the run reads at its checks) and reports progress on a message port.
 */
import { performance } from "node:perf_hooks";
import type { MessagePort } from "node:worker_threads";
import { cachedLoader } from "../cachedLoader.js";
import type { ExperimentPorts } from "../ExperimentPorts.js";
import type { JobOutput, JobSpec } from "../JobSpec.js";
import { runJob } from "../runJob.js";

/** Cancellation and progress of one task: `flag[0]` set to 1 cancels; progress goes to `port`. */
export interface TaskControl {
  flag: SharedArrayBuffer;
  /** Gets "started" when the task starts, then progress messages when `progress`. */
  port?: MessagePort;
  progress?: boolean;
  /** Wall seconds between progress messages. */
  progressEvery: number;
}

/** A progress message on TaskControl's port. */
export interface ProgressMessage {
  fraction: number;
  series?: import("../../metrics/RunResult.js").Series;
}

/** What the pool sends to a worker. */
export interface WorkerTask {
  job: JobSpec;
  portsModule: string;
  control?: TaskControl;
}

const cache = new Map<string, Promise<ExperimentPorts>>();

function portsFrom(url: string): Promise<ExperimentPorts> {
  let p = cache.get(url);
  if (!p) {
    p = import(url).then((m: { ports?: ExperimentPorts }) => {
      if (!m.ports) throw new Error(`${url} exports no \`ports\``);
      return { ...m.ports, load: cachedLoader(m.ports.load) };
    });
    cache.set(url, p);
  }
  return p;
}

export default async function jobWorker(task: WorkerTask): Promise<JobOutput> {
  const ports = await portsFrom(task.portsModule);
  const control = task.control;
  if (control === undefined) return runJob(ports, task.job);
  const flag = new Int32Array(control.flag);
  const port = control.port;
  port?.postMessage("started");
  let last = Number.NEGATIVE_INFINITY;
  let lastSeries = Number.NEGATIVE_INFINITY;
  /** Series snapshots copy every column: at most one per SERIES_EVERY progress periods. */
  const SERIES_EVERY = 4;
  try {
    return await runJob(ports, task.job, {
      cancelled: () => Atomics.load(flag, 0) !== 0,
      ...(port === undefined || control.progress === false
        ? {}
        : {
            onProgress: (fraction: number, snapshot?: () => import("../../metrics/RunResult.js").Series) => {
              const now = performance.now();
              if (now - last < control.progressEvery * 1000 && fraction < 1) return;
              last = now;
              const withSeries =
                snapshot !== undefined &&
                (now - lastSeries >= SERIES_EVERY * control.progressEvery * 1000 || fraction >= 1);
              if (withSeries) lastSeries = now;
              const message: ProgressMessage = withSeries ? { fraction, series: snapshot() } : { fraction };
              port.postMessage(message);
            },
          }),
    });
  } finally {
    port?.close();
  }
}
