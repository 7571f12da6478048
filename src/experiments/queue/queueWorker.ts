import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from "bullmq";
import type { JobOutput } from "../JobSpec.js";
import { poolRunner } from "../pool/poolRunner.js";
import { type QueueUrl, redisConnection } from "./parseQueueUrl.js";
import { QUEUE_NAME, type QueuedJob, scenarioKey } from "./QueuedJob.js";
import { dropConnections } from "./queueRunner.js";
import { redisWarnings, redisWatchdog } from "./redisWatchdog.js";
import { buildMismatch, formatBuild, stampedeBuild } from "./stampedeBuild.js";
import { waitForRedis } from "./waitForRedis.js";

/** Options of `runQueueWorker`. */
export interface QueueWorkerOptions {
  url: QueueUrl;
  /** Worker threads, and so jobs at once. */
  workers: number;
  /** How long a job's lock lasts without renewal, ms (BullMQ lockDuration; renewed at half). Default 30000. */
  lockDurationMs?: number;
  /** How often stalled jobs (their worker died) are looked for and put back, ms. Default 30000. */
  stalledIntervalMs?: number;
  /** Times a job may stall before it fails. Default 3 (at least 3). */
  maxStalledCount?: number;
  /** Stop when no job has run for this long since the worker connected or its last job ended, seconds. Default: never. */
  exitWhenIdleSeconds?: number;
  /** Seconds Redis may stay unreachable before the worker stops. Default 30. */
  queueTimeoutSeconds?: number;
  /** File URL of the module with the ports the threads use. Default: the real model. */
  portsModule?: string;
  /** Aborted: finish the jobs under way, then stop (SIGTERM). */
  signal?: AbortSignal;
  /** One line per event (job started, done, refused). */
  log?: (line: string) => void;
  queueName?: string;
}

/** Why the worker stopped and what it did. */
export interface QueueWorkerOutcome {
  jobs: number;
  /** `refused`: a job of another build; `auth`: Redis refused the login. */
  reason: "signal" | "idle" | "lost" | "refused" | "unreachable" | "auth";
  message: string;
}

/**
 * `stampede worker`: takes jobs from the Redis queue and runs them on a pool of worker threads (the main thread only
 * talks to Redis, so job locks are renewed while the model runs), until the signal is aborted, the queue has been
 * idle for `exitWhenIdleSeconds`, Redis is unreachable for `queueTimeoutSeconds`, or a job comes from another stampede
 * build (the job is put back for a matching worker and this worker stops). Scenario texts are read from Redis once per
 * hash; each thread parses and validates each scenario once.
 */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerOutcome> {
  const log = options.log ?? (() => {});
  const build = stampedeBuild();
  const pool = poolRunner({
    workers: options.workers,
    ...(options.portsModule === undefined ? {} : { portsModule: options.portsModule }),
  });
  const texts = new Map<string, Promise<string | null>>();
  let getText: (hash: string) => Promise<string | null> = async () => null;
  let jobs = 0;
  let active = 0;
  let lastActive = Date.now();
  let finish: (o: Omit<QueueWorkerOutcome, "jobs">) => void = () => {};
  const finished = new Promise<Omit<QueueWorkerOutcome, "jobs">>((r) => {
    finish = r;
  });
  const processor = async (job: Job<QueuedJob>, token?: string): Promise<JobOutput> => {
    const data = job.data;
    const mismatch = buildMismatch(data.build, build);
    if (mismatch !== null) {
      const message = `refusing job ${job.id}: ${mismatch}`;
      log(message);
      await job.moveToDelayed(Date.now() + 1000, token);
      finish({ reason: "refused", message });
      throw new DelayedError();
    }
    active++;
    lastActive = Date.now();
    log(`started ${job.id}`);
    try {
      let text = texts.get(data.scenarioHash);
      if (text === undefined) {
        text = getText(data.scenarioHash);
        texts.set(data.scenarioHash, text);
      }
      const t = await text;
      if (t === null) {
        texts.delete(data.scenarioHash);
        throw new UnrecoverableError(`scenario ${data.scenarioHash} is not in Redis`);
      }
      const out = await pool.run({
        ...data.job,
        source: { file: data.job.scenario, text: t, hash: data.scenarioHash },
      });
      jobs++;
      log(`done ${job.id} in ${out.runSeconds.toFixed(2)} s`);
      return out;
    } finally {
      active--;
      lastActive = Date.now();
    }
  };
  const name = options.queueName ?? QUEUE_NAME;
  const redis = redisConnection(options.url);
  const connection = redis.options;
  // A plain connection first: it answers the watchdog and serves scenario texts; the Worker starts once Redis answers
  // (a BullMQ object that never connected cannot be closed).
  const probe = new Queue(name, { connection, skipVersionCheck: true });
  probe.on("error", () => {});
  const timeout = options.queueTimeoutSeconds ?? 30;
  const unreachable = `cannot reach Redis at ${options.url.display}: no answer for ${timeout} s`;
  const wait = await waitForRedis(probe, timeout);
  const client = wait.kind === "ready" ? wait.client : null;
  getText = (hash) => probe.client.then((c) => c.get(scenarioKey(hash)));
  let watchdog: ReturnType<typeof redisWatchdog> | null = null;
  let worker: Worker<QueuedJob, JobOutput> | null = null;
  if (wait.kind === "refused")
    finish({ reason: "auth", message: `Redis at ${options.url.display} refused the login: ${wait.message}` });
  else if (client === null) finish({ reason: "unreachable", message: unreachable });
  else {
    watchdog = redisWatchdog(client, timeout, (s) =>
      finish({
        reason: "lost",
        message: `lost the Redis queue at ${options.url.display}: unreachable for ${s} s`,
      }),
    );
    void watchdog.ready.then((info) => {
      if (info === null) return finish({ reason: "unreachable", message: unreachable });
      for (const w of redisWarnings(info, options.url.display)) log(w);
      worker = new Worker<QueuedJob, JobOutput>(name, processor, {
        connection,
        skipVersionCheck: true,
        concurrency: options.workers,
        lockDuration: options.lockDurationMs ?? 30_000,
        stalledInterval: options.stalledIntervalMs ?? 30_000,
        maxStalledCount: Math.max(3, options.maxStalledCount ?? 3),
      });
      worker.on("error", () => {});
      lastActive = Date.now(); // idle is counted from here: connecting is not idling
      log(`worker ${formatBuild(build)}: ${options.workers} threads on ${options.url.display}`);
    });
  }
  options.signal?.addEventListener(
    "abort",
    () => finish({ reason: "signal", message: "stopped by signal" }),
    {
      once: true,
    },
  );
  const idle = options.exitWhenIdleSeconds;
  const idleTimer =
    idle === undefined
      ? null
      : setInterval(() => {
          if (worker !== null && active === 0 && Date.now() - lastActive > idle * 1000)
            finish({ reason: "idle", message: `no job for ${idle} s` });
        }, 200);
  const end = await finished;
  if (idleTimer) clearInterval(idleTimer);
  watchdog?.stop();
  const w = worker as Worker<QueuedJob, JobOutput> | null;
  if (end.reason === "lost" || end.reason === "unreachable" || end.reason === "auth") {
    void w?.close(true).catch(() => {});
    await dropConnections([probe], redis);
  } else {
    await w?.close();
    await probe.close();
  }
  await pool.close();
  return { ...end, jobs };
}
