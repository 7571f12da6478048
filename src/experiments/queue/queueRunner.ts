import { performance } from "node:perf_hooks";
import { Job, Queue, QueueEvents, type RedisClient } from "bullmq";
import { StampedeError } from "../../core/StampedeError.js";
import type { ScenarioTextRef } from "../ExperimentPorts.js";
import type { JobOutput, JobRunner, JobSpec } from "../JobSpec.js";
import { SweepStopped } from "../sweep/SweepStopped.js";
import { type QueueUrl, type RedisConnection, redisConnection } from "./parseQueueUrl.js";
import { QUEUE_NAME, type QueuedJob, queueJobId, scenarioKey } from "./QueuedJob.js";
import { redisWarnings, redisWatchdog } from "./redisWatchdog.js";
import { stampedeBuild } from "./stampedeBuild.js";
import { waitForRedis } from "./waitForRedis.js";

/** Options of `openQueueRunner`. */
export interface QueueRunnerOptions {
  url: QueueUrl;
  /** Identifies the sweep: with a job's key it makes the job id (the same sweep reuses finished jobs). */
  sweepId: string;
  /** The scenario's text: stored in Redis under its hash for the workers. */
  source: ScenarioTextRef;
  /** Seconds Redis may stay unreachable before the sweep stops (SweepStopped). Default 30. */
  queueTimeoutSeconds?: number;
  /** Called with warnings (Redis may evict jobs). */
  onWarning?: (line: string) => void;
  /** BullMQ queue name. Default QUEUE_NAME. */
  queueName?: string;
}

/** Waits for `p` at most `ms` milliseconds. */
function capped<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([p, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms).unref())]);
}

/**
 * Closes BullMQ objects whose Redis is gone or refused them, without waiting for Redis: their clients stop
 * reconnecting; a connected client is disconnected (nothing queued is sent); one that never came up is given up to 2 s
 * to end before its object is closed.
 */
export async function dropConnections(
  objects: readonly { close(): Promise<void>; client: Promise<RedisClient> }[],
  connection: RedisConnection,
) {
  connection.stopRetrying();
  for (const o of objects) {
    const c = await capped(o.client, 2000).catch(() => undefined);
    c?.disconnect();
    void o.close().catch(() => {});
  }
}

interface Waiter {
  resolve: (out: JobOutput) => void;
  reject: (e: Error) => void;
  since: number;
}

function parsed(v: unknown): JobOutput {
  return (typeof v === "string" ? JSON.parse(v) : v) as JobOutput;
}

/**
 * A JobRunner that submits each job to the BullMQ queue (job id = sweep id + point + replication, so adding a job
 * twice is a no-op and a result not yet collected is reused; a collected job is removed from Redis) and resolves when a
 * worker (`stampede worker`) finishes it. Waits
 * for Redis up to `queueTimeoutSeconds` first (SweepStopped when it never answers); later, Redis unreachable for that
 * long rejects every pending job with SweepStopped. A login Redis refuses is an E_QUEUE_AUTH error (path `--queue`).
 * Closed with jobs still pending (the sweep was stopped), it removes those that no worker has started.
 */
export async function openQueueRunner(options: QueueRunnerOptions): Promise<JobRunner> {
  const redis = redisConnection(options.url);
  const connection = redis.options;
  const name = options.queueName ?? QUEUE_NAME;
  // BullMQ's own check of Redis prints to the console; redisWarnings says the same in one line.
  const queue = new Queue<QueuedJob>(name, { connection, skipVersionCheck: true });
  queue.on("error", () => {});
  const waiters = new Map<string, Waiter>();
  let lost: string | null = null;
  const timeout = options.queueTimeoutSeconds ?? 30;
  const wait = await waitForRedis(queue, timeout);
  if (wait.kind !== "ready") {
    await dropConnections([queue], redis);
    if (wait.kind === "refused")
      throw new StampedeError(
        "E_QUEUE_AUTH",
        `Redis at ${options.url.display} refused the login: ${wait.message}`,
        {
          path: "--queue",
        },
      );
    throw new SweepStopped(`cannot reach Redis at ${options.url.display}: no answer for ${timeout} s`);
  }
  const client = wait.client;
  let events: QueueEvents | null = null;
  const stop = (reason: string) => {
    lost ??= reason;
    for (const w of waiters.values()) w.reject(new SweepStopped(lost));
    waiters.clear();
  };
  const watchdog = redisWatchdog(client, timeout, (seconds) =>
    stop(`lost the Redis queue at ${options.url.display}: unreachable for ${seconds} s`),
  );
  const shutdown = async () => {
    watchdog.stop();
    const all = events === null ? [queue] : [queue, events];
    if (lost !== null) await dropConnections(all, redis);
    else await capped(Promise.allSettled(all.map((o) => o.close())), 5000);
  };
  const info = await watchdog.ready;
  if (info === null) {
    lost = "unreachable";
    await shutdown();
    throw new SweepStopped(`cannot reach Redis at ${options.url.display}: no answer for ${timeout} s`);
  }
  for (const w of redisWarnings(info, options.url.display)) options.onWarning?.(w);
  // Created once Redis answers: a QueueEvents that never connected cannot be closed.
  events = new QueueEvents(name, { connection, skipVersionCheck: true });
  events.on("error", () => {});
  await events.waitUntilReady();
  await client.set(scenarioKey(options.source.hash), options.source.text);
  // A collected result goes to results.jsonl: drop the job from Redis so a long sweep does not fill its memory (a
  // submitter killed before writing it reruns that one job on --resume).
  const forget = (id: string) => void queue.remove(id).catch(() => {});
  events.on("completed", ({ jobId, returnvalue }) => {
    const w = waiters.get(jobId);
    if (!w) return;
    waiters.delete(jobId);
    w.resolve(parsed(returnvalue));
    forget(jobId);
  });
  events.on("failed", ({ jobId, failedReason }) => {
    const w = waiters.get(jobId);
    if (!w) return;
    waiters.delete(jobId);
    w.reject(new Error(failedReason));
  });
  // Events can be missed (a reconnect, a trimmed stream): now and then, ask for the state of the oldest waiters.
  const poll = setInterval(async () => {
    const oldest = [...waiters.entries()].filter(([, w]) => performance.now() - w.since > 5000).slice(0, 50);
    for (const [id, w] of oldest) {
      const j = await Job.fromId(queue, id).catch(() => undefined);
      if (!j || !waiters.has(id)) continue;
      if (j.finishedOn !== undefined && j.failedReason === undefined) {
        waiters.delete(id);
        w.resolve(parsed(j.returnvalue));
        forget(id);
      } else if (j.finishedOn !== undefined) {
        waiters.delete(id);
        w.reject(new Error(j.failedReason));
      }
    }
  }, 2000);
  poll.unref();
  const unstarted = async (id: string) => {
    const state = await queue.getJobState(id);
    if (state === "waiting" || state === "delayed" || state === "prioritized") await queue.remove(id);
  };
  const build = stampedeBuild();
  return {
    run: (job: JobSpec, key?: string) => {
      if (key === undefined) return Promise.reject(new Error("queued jobs need a key"));
      if (lost !== null) return Promise.reject(new SweepStopped(lost));
      const id = queueJobId(options.sweepId, key);
      const done = new Promise<JobOutput>((resolve, reject) =>
        waiters.set(id, { resolve, reject, since: performance.now() }),
      );
      const submit = async () => {
        // A job this sweep ran before: reuse its result; retry it when it failed (a --resume asks for it again).
        const old = await Job.fromId<QueuedJob>(queue, id);
        if (old?.finishedOn !== undefined) {
          const w = waiters.get(id);
          if (old.failedReason === undefined) {
            waiters.delete(id);
            w?.resolve(parsed(old.returnvalue));
            forget(id);
          } else await old.retry("failed");
          return;
        }
        const data: QueuedJob = {
          sweepId: options.sweepId,
          key,
          job,
          scenarioHash: options.source.hash,
          build,
        };
        await queue.add("run", data, {
          jobId: id,
          attempts: 1,
          removeOnComplete: false,
          removeOnFail: false,
        });
      };
      submit().catch((e: unknown) => {
        const w = waiters.get(id);
        if (!w || lost !== null) return;
        waiters.delete(id);
        w.reject(e instanceof Error ? e : new Error(String(e)));
      });
      return done;
    },
    close: async () => {
      clearInterval(poll);
      // Stopped early (SIGINT): take back the jobs no worker has started, so no one runs what no one collects; jobs
      // under way finish and keep their results in Redis, for a --resume of the same sweep to collect.
      if (lost === null && waiters.size > 0) {
        const ids = [...waiters.keys()];
        waiters.clear();
        await capped(Promise.allSettled(ids.map(unstarted)), 5000);
      }
      await shutdown();
    },
  };
}
