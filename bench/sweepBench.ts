import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { JobOutput, JobSpec } from "../src/experiments/JobSpec.js";
import { poolRunner } from "../src/experiments/pool/poolRunner.js";
import { findScenarioFile } from "../src/scenario/builtins.js";
import type { BenchResult } from "./BenchResult.js";
import { loadOnceBench } from "./loadOnceBench.js";
import { queueBench } from "./queueBench.js";

/** The scenario the issue names; the bench falls back to the small fixture while it is not built in yet. */
const SCENARIO = "aws-us-east-1-2021-12-07";
const FALLBACK = "src/scenario/fixtures/minimal.yaml";
const SCALE = 0.1;
/** Jobs per measurement: a multiple of 2 so both workers of the 2-worker pool stay busy to the end. */
const JOBS = 8;

function scenarioRef(): string {
  try {
    findScenarioFile(SCENARIO);
    return SCENARIO;
  } catch {
    if (!existsSync(FALLBACK)) throw new Error(`neither ${SCENARIO} nor ${FALLBACK} found`);
    return FALLBACK;
  }
}

/** Runs `jobs` distinct seeds on a pool of `workers` (warmed up first); wall seconds and the jobs' own run times. */
async function timeSweep(
  scenario: string,
  workers: number,
  jobs: number,
): Promise<{ wall: number; runSeconds: number[] }> {
  const pool = poolRunner({ workers });
  const job = (seed: number): JobSpec => ({ scenario, set: {}, scale: SCALE, seed, series: false });
  try {
    // Warm-up: start every worker thread and load the model in it (JIT, module graph), untimed.
    await Promise.all(Array.from({ length: workers }, (_, i) => pool.run(job(10_000 + i))));
    const outs: JobOutput[] = [];
    let next = 0;
    const started = performance.now();
    const lane = async (): Promise<void> => {
      while (next < jobs) outs.push(await pool.run(job(1 + next++)));
    };
    await Promise.all(Array.from({ length: workers * 2 }, lane));
    const wall = (performance.now() - started) / 1000;
    return { wall, runSeconds: outs.map((o) => o.runSeconds) };
  } finally {
    await pool.close();
  }
}

/**
 * Sweep throughput on the worker pool with 1 and 2 workers (target: >= 1.8x on 2 cores) and the per-job overhead of
 * the sweep machinery (scenario loading in the worker, message passing, scheduling) as a share of the job's own run
 * time, measured with 1 worker (target: < 5%), for the 2021 scenario at scale 0.1; then the per-point saving of
 * validating the scenario once (loadOnceBench) and the Redis queue against the local pool (queueBench).
 */
export async function sweepBench(): Promise<BenchResult[]> {
  const scenario = scenarioRef();
  const one = await timeSweep(scenario, 1, JOBS);
  const two = await timeSweep(scenario, 2, JOBS);
  const rate1 = JOBS / one.wall;
  const rate2 = JOBS / two.wall;
  const meanRun = one.runSeconds.reduce((a, b) => a + b, 0) / one.runSeconds.length;
  const perJob = one.wall / JOBS;
  const overhead = (perJob - meanRun) / meanRun;
  const label =
    scenario === SCENARIO ? `${SCENARIO} at scale ${SCALE}` : `${FALLBACK} (fallback) at scale ${SCALE}`;
  const pool: BenchResult[] = [
    { name: "sweep.jobsPerSecond.1worker", value: rate1, unit: "jobs/s", note: `${JOBS} jobs of ${label}` },
    { name: "sweep.jobsPerSecond.2workers", value: rate2, unit: "jobs/s" },
    {
      name: "sweep.speedup.2workers",
      value: rate2 / rate1,
      unit: "x",
      note: "target >= 1.8x on a 2-core machine",
    },
    {
      // The jobs are replications (seeds) of one point: the worker's scenario cache serves all but the first load.
      name: "sweep.overheadPerJob",
      value: overhead * 100,
      unit: "%",
      note: `1 worker: ${(perJob * 1000).toFixed(0)} ms per job vs ${(meanRun * 1000).toFixed(0)} ms of run time; target < 5%`,
    },
  ];
  return [...pool, ...(await loadOnceBench()), ...(await queueBench())];
}
