/**
 * The piscina worker: runs one JobSpec with the ports exported (as `ports`) by the module at `portsModule`, a file
 * URL; the module is imported once per worker and cached, and so are loaded scenarios (cachedLoader).
 */
import { cachedLoader } from "../cachedLoader.js";
import type { ExperimentPorts } from "../ExperimentPorts.js";
import type { JobOutput, JobSpec } from "../JobSpec.js";
import { runJob } from "../runJob.js";

/** What the pool sends to a worker. */
export interface WorkerTask {
  job: JobSpec;
  portsModule: string;
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
  return runJob(await portsFrom(task.portsModule), task.job);
}
