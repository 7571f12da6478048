import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { JobRunner } from "../src/experiments/JobSpec.js";
import { poolRunner } from "../src/experiments/pool/poolRunner.js";
import { readScenarioText } from "../src/experiments/preparedScenarios.js";
import { parseQueueUrl } from "../src/experiments/queue/parseQueueUrl.js";
import { openQueueRunner } from "../src/experiments/queue/queueRunner.js";
import { median } from "../src/experiments/stats/median.js";
import { parseParam } from "../src/experiments/sweep/parseParam.js";
import { runSweep } from "../src/experiments/sweep/runSweep.js";
import type { SweepPlan } from "../src/experiments/sweep/SweepPlan.js";
import { haveRedis, startRedis } from "../test/queue/redisServer.js";
import type { BenchResult } from "./BenchResult.js";

const root = fileURLToPath(new URL("..", import.meta.url));
/** Short jobs, where the queue's overhead shows most: retry-storm at scale 0.05 (about 0.2-0.5 s each). */
const SCENARIO = "retry-storm";
const SCALE = 0.05;
/** 2 points x 12 replications per timed sweep. */
const JOBS = 24;
/** Timed sweeps per configuration, taken in turn (local, queue with 1 process, with 2; the order rotates each round). */
const ROUNDS = 3;

function plan(seed: number): SweepPlan {
  return {
    scenario: SCENARIO,
    params: [parseParam("fleets.app-servers.retry.maxAttempts=3..5:2")],
    replications: JOBS / 2,
    seed,
    set: {},
    scale: SCALE,
  };
}

/** One timed sweep: wall seconds and the mean run time of a job where it ran. */
interface Timed {
  wall: number;
  meanRun: number;
}

/** Runs the sweep's jobs on `runner`: wall seconds and the mean run time of a job where it ran. */
async function timed(runner: JobRunner, p: SweepPlan, concurrency: number): Promise<Timed> {
  const runs: number[] = [];
  const counting: JobRunner = {
    run: async (job, key) => {
      const out = await runner.run(job, key);
      runs.push(out.runSeconds);
      return out;
    },
    close: () => runner.close(),
  };
  const dir = mkdtempSync(join(tmpdir(), "stampede-bench-queue-"));
  const started = performance.now();
  try {
    await runSweep(counting, p, { dir, concurrency });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    wall: (performance.now() - started) / 1000,
    meanRun: runs.reduce((a, b) => a + b, 0) / runs.length,
  };
}

/** A `stampede worker --workers 1` process (from the sources, as the bench's own code) on queue `name`. */
function worker(url: string, name: string) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/cli/main.ts",
      "worker",
      "--queue",
      url,
      "--queue-name",
      name,
      "--workers",
      "1",
      "--quiet",
    ],
    { cwd: root, stdio: "ignore" },
  );
  return {
    stop: () =>
      new Promise<void>((r) => {
        if (child.exitCode !== null) return r();
        child.once("exit", () => r());
        child.kill("SIGTERM");
      }),
  };
}

const load = () => loadavg()[0]!.toFixed(1);
const ms = (s: number) => (s * 1000).toFixed(0);
const perJobOverhead = (t: Timed) => (t.wall / JOBS - t.meanRun) * 1000;

/**
 * The Redis job queue against the local pool on short jobs (retry-storm at scale 0.05, 24 jobs per sweep): jobs per
 * second and per-job overhead (wall time per job minus the job's own run time) of the local pool with one worker
 * thread, of the queue with one `stampede worker --workers 1` process, and of the queue with two (the speed-up).
 * The three stay up side by side (the two queue configurations on their own --queue-name of one redis-server),
 * are warmed up by one sweep each, then timed in turn for ROUNDS rounds (the order rotates), so that a noisy shared
 * machine weighs on all three alike; medians are reported, with each round's figures and the load average. The
 * queue part is skipped when redis-server is missing.
 */
export async function queueBench(): Promise<BenchResult[]> {
  const note = `${JOBS} jobs of ${SCENARIO} at scale ${SCALE}`;
  const loadBefore = load();
  const pool = poolRunner({ workers: 1 });
  const redis = haveRedis() ? await startRedis() : null;
  if (redis === null)
    process.stderr.write(
      "queue bench: redis-server not found, queue skipped (apt-get install -y redis-server)\n",
    );
  const procs =
    redis === null ? [] : [worker(redis.url, "bench-1"), ...[1, 2].map(() => worker(redis.url, "bench-2"))];
  const source = readScenarioText(SCENARIO);
  const configs: { name: string; run: (seed: number) => Promise<Timed> }[] = [
    { name: "local", run: (seed) => timed(pool, plan(seed), 2) },
  ];
  if (redis !== null)
    for (const n of [1, 2])
      configs.push({
        name: `queue${n}`,
        run: async (seed) => {
          const q = await openQueueRunner({
            url: parseQueueUrl(redis.url),
            queueName: `bench-${n}`,
            sweepId: `bench-${n}-${seed}`,
            source,
            queueTimeoutSeconds: 30,
          });
          return timed(q, plan(seed), JOBS).finally(() => q.close());
        },
      });
  const times = new Map<string, Timed[]>(configs.map((c) => [c.name, []]));
  try {
    for (const c of configs) await c.run(1000); // warm-up: threads, JIT, the workers' first scenario load
    for (let r = 0; r < ROUNDS; r++)
      for (let k = 0; k < configs.length; k++) {
        const c = configs[(k + r) % configs.length]!;
        times.get(c.name)!.push(await c.run(1 + r));
      }
  } finally {
    await pool.close();
    await Promise.all(procs.map((p) => p.stop()));
    await redis?.stop();
  }
  const loads = `load average ${loadBefore} at the start, ${load()} at the end`;
  const rate = (name: string) => median(times.get(name)!.map((t) => JOBS / t.wall))!;
  const overhead = (name: string) => median(times.get(name)!.map(perJobOverhead))!;
  const rounds = (name: string) =>
    times
      .get(name)!
      .map((t) => `${ms(t.wall / JOBS)}/${ms(t.meanRun)}`)
      .join(", ");
  const results: BenchResult[] = [
    {
      name: "queue.local.jobsPerSecond",
      value: rate("local"),
      unit: "jobs/s",
      note: `1 worker thread, ${note}, median of ${ROUNDS} rounds alternated with the queue; ${loads}`,
    },
    {
      name: "queue.local.overheadPerJob",
      value: overhead("local"),
      unit: "ms",
      note: `ms per job / ms run, each round: ${rounds("local")}`,
    },
  ];
  if (redis === null) return results;
  results.push(
    {
      name: "queue.redis.1worker.jobsPerSecond",
      value: rate("queue1"),
      unit: "jobs/s",
      note: "1 worker process x 1 thread",
    },
    {
      name: "queue.redis.overheadPerJob",
      value: overhead("queue1"),
      unit: "ms",
      note: `ms per job / ms run, each round: ${rounds("queue1")}`,
    },
    {
      name: "queue.redis.2workers.jobsPerSecond",
      value: rate("queue2"),
      unit: "jobs/s",
      note: `2 worker processes x 1 thread; rounds: ${times
        .get("queue2")!
        .map((t) => (JOBS / t.wall).toFixed(2))
        .join(", ")} jobs/s`,
    },
    {
      name: "queue.redis.speedup.2workers",
      value: rate("queue2") / rate("queue1"),
      unit: "x",
      note: "median jobs/s with 2 worker processes over 1",
    },
  );
  return results;
}
