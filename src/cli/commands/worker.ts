import type { Command } from "commander";
import { parseWhole } from "../../experiments/parseFlags.js";
import { parseWorkerCount } from "../../experiments/pool/parseWorkerCount.js";
import { parseQueueName } from "../../experiments/queue/parseQueueName.js";
import { parseQueueUrl } from "../../experiments/queue/parseQueueUrl.js";
import { parseSecondsFlag } from "../../experiments/queue/parseSecondsFlag.js";
import { QUEUE_NAME } from "../../experiments/queue/QueuedJob.js";
import { runQueueWorker } from "../../experiments/queue/queueWorker.js";

interface WorkerFlags {
  queue?: string;
  workers?: string;
  concurrency?: string;
  queueName?: string;
  lockDuration: string;
  stalledInterval: string;
  maxStalled: string;
  exitWhenIdle?: string;
  queueTimeout: string;
  quiet?: boolean;
}

/** Options the tests pass: the ports module the threads load (the fake model). */
export interface WorkerDeps {
  portsModule?: string;
}

/** `stampede worker --queue redis://...`: runs queued sweep jobs until SIGTERM/SIGINT (finishing the jobs under way). */
export function register(program: Command, deps: WorkerDeps = {}): void {
  program
    .command("worker")
    .description("run the jobs of queued sweeps (stampede sweep --queue) from Redis until stopped")
    .option("--queue <url>", "redis://[user:pass@]HOST:PORT[/DB] or rediss://...")
    .option("--workers <n>", "worker threads, i.e. jobs at once (default: the number of cores)")
    .option("--concurrency <n>", "another name for --workers")
    .option("--queue-name <name>", "BullMQ queue to take jobs from (the sweep's --queue-name)", QUEUE_NAME)
    .option("--lock-duration <duration>", "a job's lock; a worker silent this long is taken as dead", "30s")
    .option(
      "--stalled-interval <duration>",
      "how often jobs of dead workers are looked for and put back",
      "30s",
    )
    .option("--max-stalled <n>", "times a job may lose its worker before it fails (at least 3)", "3")
    .option("--exit-when-idle <seconds>", "stop when no job has come for this long (batch systems)")
    .option("--queue-timeout <duration>", "stop (exit 3) when Redis is unreachable this long", "30s")
    .option("--quiet", "no line per job on stderr (warnings and refusals still print)")
    .action(async (flags: WorkerFlags) => {
      const url = parseQueueUrl(flags.queue ?? "", "--queue");
      const workers = parseWorkerCount(flags);
      const queueName = parseQueueName(flags.queueName);
      const lock = parseSecondsFlag("--lock-duration", flags.lockDuration);
      const stalled = parseSecondsFlag("--stalled-interval", flags.stalledInterval);
      const maxStalled = parseWhole("--max-stalled", flags.maxStalled, 3);
      const idle =
        flags.exitWhenIdle === undefined
          ? undefined
          : parseSecondsFlag("--exit-when-idle", flags.exitWhenIdle);
      const queueTimeout = parseSecondsFlag("--queue-timeout", flags.queueTimeout);
      const abort = new AbortController();
      const onSignal = () => abort.abort();
      process.once("SIGTERM", onSignal);
      process.once("SIGINT", onSignal);
      try {
        const out = await runQueueWorker({
          url,
          workers,
          queueName,
          lockDurationMs: lock * 1000,
          stalledIntervalMs: stalled * 1000,
          maxStalledCount: maxStalled,
          ...(idle === undefined ? {} : { exitWhenIdleSeconds: idle }),
          queueTimeoutSeconds: queueTimeout,
          signal: abort.signal,
          ...(deps.portsModule === undefined ? {} : { portsModule: deps.portsModule }),
          log: (line) => {
            if (flags.quiet !== true || /^(refusing|warning)/.test(line)) process.stderr.write(`${line}\n`);
          },
        });
        if (out.reason === "lost" || out.reason === "unreachable") {
          process.stderr.write(`error: ${out.message}\n`);
          process.exitCode = 3;
        } else if (out.reason === "auth") {
          process.stderr.write(`error: --queue  ${out.message}\n`);
          process.exitCode = 2;
        } else if (out.reason === "refused") process.exitCode = 2;
        else if (flags.quiet !== true)
          process.stderr.write(`worker stopped (${out.message}) after ${out.jobs} jobs\n`);
      } finally {
        process.off("SIGTERM", onSignal);
        process.off("SIGINT", onSignal);
      }
    });
}
