import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { JobRunner } from "../src/experiments/JobSpec.js";
import { poolRunner } from "../src/experiments/pool/poolRunner.js";
import { readScenarioText } from "../src/experiments/preparedScenarios.js";
import { parseQueueUrl } from "../src/experiments/queue/parseQueueUrl.js";
import { openQueueRunner } from "../src/experiments/queue/queueRunner.js";
import { parseParam } from "../src/experiments/sweep/parseParam.js";
import { runSweep } from "../src/experiments/sweep/runSweep.js";
import type { SweepPlan } from "../src/experiments/sweep/SweepPlan.js";
import { haveRedis, startRedis } from "../test/queue/redisServer.js";
import type { BenchResult } from "./BenchResult.js";

const root = fileURLToPath(new URL("..", import.meta.url));
/** Short jobs, where the queue's overhead shows most: retry-storm at scale 0.05 (about 0.3-0.5 s each). */
const SCENARIO = "retry-storm";
const SCALE = 0.05;
/** 2 points x 12 replications. */
const JOBS = 24;

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

/** Runs the sweep's jobs on `runner`: wall seconds and the mean run time of a job where it ran. */
async function timed(
  runner: JobRunner,
  p: SweepPlan,
  concurrency: number,
): Promise<{ wall: number; meanRun: number }> {
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

function worker(url: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "worker", "--queue", url, "--workers", "1", "--quiet"],
    { cwd: root, stdio: "ignore" },
  );
  return {
    stop: () =>
      new Promise<void>((r) => {
        child.once("exit", () => r());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * The Redis job queue against the local pool on short jobs (retry-storm at scale 0.05, 24 jobs): jobs per second and
 * per-job overhead (wall time per job minus the job's own run time) with one worker thread locally and one worker
 * process on the queue, and the speed-up with 2 worker processes. Workers are started and warmed up (one sweep)
 * before the timed sweep. Skipped when redis-server is missing.
 */
export async function queueBench(): Promise<BenchResult[]> {
  const note = `${JOBS} jobs of ${SCENARIO} at scale ${SCALE}`;
  const pool = poolRunner({ workers: 1 });
  let local: { wall: number; meanRun: number };
  try {
    await timed(pool, plan(1000), 2);
    local = await timed(pool, plan(1), 2);
  } finally {
    await pool.close();
  }
  const results: BenchResult[] = [
    {
      name: "queue.local.jobsPerSecond",
      value: JOBS / local.wall,
      unit: "jobs/s",
      note: `1 worker thread, ${note}`,
    },
    {
      name: "queue.local.overheadPerJob",
      value: (local.wall / JOBS - local.meanRun) * 1000,
      unit: "ms",
      note: `${((local.wall / JOBS) * 1000).toFixed(0)} ms per job, ${(local.meanRun * 1000).toFixed(0)} ms run`,
    },
  ];
  if (!haveRedis()) {
    process.stderr.write("queue bench: redis-server not found, skipped (apt-get install -y redis-server)\n");
    return results;
  }
  const redis = await startRedis();
  const source = readScenarioText(SCENARIO);
  try {
    const rates: number[] = [];
    for (const n of [1, 2]) {
      const workers = Array.from({ length: n }, () => worker(redis.url));
      try {
        const open = (seed: number) =>
          openQueueRunner({
            url: parseQueueUrl(redis.url),
            sweepId: `bench-${n}-${seed}`,
            source,
            queueTimeoutSeconds: 30,
          });
        const warm = await open(2000 + n);
        await timed(warm, plan(2000 + n), JOBS).finally(() => warm.close());
        const q = await open(n);
        const t = await timed(q, plan(1), JOBS).finally(() => q.close());
        rates.push(JOBS / t.wall);
        results.push({
          name: `queue.redis.${n}worker${n > 1 ? "s" : ""}.jobsPerSecond`,
          value: JOBS / t.wall,
          unit: "jobs/s",
          note: `${n} worker process${n > 1 ? "es" : ""} x 1 thread`,
        });
        if (n === 1)
          results.push({
            name: "queue.redis.overheadPerJob",
            value: (t.wall / JOBS - t.meanRun) * 1000,
            unit: "ms",
            note: `${((t.wall / JOBS) * 1000).toFixed(0)} ms per job, ${(t.meanRun * 1000).toFixed(0)} ms run`,
          });
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
      }
    }
    results.push({ name: "queue.redis.speedup.2workers", value: rates[1]! / rates[0]!, unit: "x" });
  } finally {
    await redis.stop();
  }
  return results;
}
