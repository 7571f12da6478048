import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { runScenario } from "../src/experiments/runScenario.js";
import { DEFAULT_BINS, FluidModel } from "../src/fluid/FluidModel.js";
import type { Verdict } from "../src/metrics/RunResult.js";
import { loadScenario } from "../src/scenario/loadScenario.js";
import type { BenchResult } from "./BenchResult.js";

/**
 * The fluid engine (docs/fluid.md): speed at internet scale, the full-scale cross-check against the event engine
 * (recovery time and goodput lost within 15% of the event engine's median over seeds; the bench exits non-zero
 * otherwise), and the cost of a fluid sweep point. `FLUID_BENCH_SEEDS` (default 3) sets the event seeds;
 * `FLUID_BENCH_CHECKS` (comma-separated names, default all three; empty: none) the scenarios checked at full scale;
 * `FLUID_BENCH_SWEEP_POINTS` (default 100, a multiple of 10, at least 20) the points of the retry-storm sweep (10,000 for the
 * issue's phase-diagram target); `FLUID_BENCH_BOUNDARY=1` also times `stampede boundary` on retry-storm at full
 * scale with 20 replications (about a minute or two).
 */
export async function fluidBench(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const load = () =>
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`;
  const note = `bins ${DEFAULT_BINS} per smallest timeout`;
  // 1. The 2021 scenario at 10 million clients.
  const big = loadScenario("aws-us-east-1-2021-12-07", { scale: 1000 });
  // Alternating pairs without and with the skipping of quiescent stretches (the machine is shared: a ratio of
  // neighbouring runs means more than one wall time).
  const pair = (s: typeof big, skip: boolean) => {
    const t = performance.now();
    const m = new FluidModel(s, s.duration, { skip });
    m.run(s.duration);
    return { seconds: (performance.now() - t) / 1000, m };
  };
  const timesOff: number[] = [];
  const timesOn: number[] = [];
  let skipped = pair(big, true).m;
  for (let i = 0; i < 2; i++) {
    timesOff.push(pair(big, false).seconds);
    const on = pair(big, true);
    timesOn.push(on.seconds);
    skipped = on.m;
  }
  // The speed target: runScenario in process, warm (the runs above warmed it up); median of 5 runs, wall and CPU.
  const walls: number[] = [];
  const cpus: number[] = [];
  let r = runScenario(big, { engine: "fluid" });
  for (let i = 0; i < 5; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    r = runScenario(big, { engine: "fluid" });
    walls.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1e6);
  }
  const wall = median(walls);
  out.push({
    name: "fluid.aws2021.x1000",
    value: wall,
    unit: "s",
    note:
      `in process, warm, median of 5 (${walls.map((x) => x.toFixed(3)).join(", ")} s wall; CPU median ` +
      `${median(cpus).toFixed(3)} s); ${r.summary.steps} steps of ${r.summary.stepSeconds!.toFixed(3)} s ` +
      `(${skipped.integrated} integrated, ${skipped.skipped} skipped as quiescent), ${note}; target <= 1 s wall: ` +
      `${wall <= 1 ? "met" : "not met"}; ${load()}`,
  });
  out.push({
    name: "fluid.aws2021.x1000.skipRatio",
    value: sum(timesOff) / sum(timesOn),
    unit: "x",
    note: `no skip / skip, 2 alternating pairs (${timesOff.map((x) => x.toFixed(2)).join(", ")} s vs ${timesOn.map((x) => x.toFixed(2)).join(", ")} s); ${load()}`,
  });
  // A retry-storm sweep point in-process, warmed (what a sweep worker pays per point after its start-up).
  const storm = loadScenario("retry-storm");
  for (let i = 0; i < 3; i++) pair(storm, true);
  const stormOff: number[] = [];
  const stormOn: number[] = [];
  for (let i = 0; i < 5; i++) {
    stormOff.push(pair(storm, false).seconds);
    stormOn.push(pair(storm, true).seconds);
  }
  const point = median(stormOn);
  out.push({
    name: "fluid.retryStorm.point",
    value: point,
    unit: "s",
    note:
      `in-process, warmed, median of 5 (without skipping ${median(stormOff).toFixed(4)} s, ratio ` +
      `${(median(stormOff) / point).toFixed(1)}x); 10,000 points on 2 workers: about ${Math.round((point * 10000) / 2)} s of integration (target <= 60 s); ${load()}`,
  });
  // 2. Full-scale cross-checks.
  const seeds = Number(process.env["FLUID_BENCH_SEEDS"] ?? 3);
  const checks = (process.env["FLUID_BENCH_CHECKS"] ?? "retry-storm,reconnect-herd,aws-us-east-1-2021-12-07")
    .split(",")
    .filter((x) => x !== "");
  let failed = false;
  for (const name of checks) {
    const s = loadScenario(name);
    const f = runScenario(s, { engine: "fluid" }).summary.verdict;
    const ev: Verdict[] = [];
    for (let seed = 1; seed <= seeds; seed++) ev.push(runScenario(s, { seed }).summary.verdict);
    const lost = median(ev.map((v) => v.goodputLostSeconds));
    const gapLost = Math.abs(f.goodputLostSeconds - lost) / Math.max(lost, 1);
    out.push({
      name: `fluid.check.${name}.lost`,
      value: gapLost,
      unit: "rel. gap",
      note: `fluid ${f.goodputLostSeconds} s, event median ${lost} s over ${seeds} seeds`,
    });
    if (gapLost > 0.15) failed = true;
    const rec = ev.filter((v) => v.recoveredAt !== null).map((v) => v.recoveredAt! - v.triggerStart!);
    if (f.recoveredAt !== null && rec.length > 0) {
      const m = median(rec);
      const gap = Math.abs(f.recoveredAt - f.triggerStart! - m) / m;
      out.push({
        name: `fluid.check.${name}.recovery`,
        value: gap,
        unit: "rel. gap",
        note: `fluid ${f.recoveredAt - f.triggerStart!} s, event median ${m} s`,
      });
      if (gap > 0.15) failed = true;
    } else if ((f.recoveredAt === null) !== rec.length * 2 < ev.length) failed = true;
  }
  // 3. A fluid sweep of retry-storm through the sweep pool (2 workers): per point, and 10,000 points extrapolated.
  const points = Number(process.env["FLUID_BENCH_SWEEP_POINTS"] ?? 100);
  const ends = Math.round(points / 10);
  // a sweep range needs two values at least: 20 points or more, in tens
  if (!(ends >= 2) || ends * 10 !== points)
    throw new Error(`FLUID_BENCH_SWEEP_POINTS must be a multiple of 10, at least 20; got ${points}`);
  const dir = mkdtempSync(join(tmpdir(), "stampede-fluid-sweep-"));
  try {
    const t1 = performance.now();
    execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli/main.ts",
        "sweep",
        "retry-storm",
        "--engine",
        "fluid",
        "--quiet",
        "--workers",
        "2",
        "--param",
        `faults.primary-cpu-loss.end=10m0.01s..10m10s:${ends}`,
        "--param",
        "fleets.app-servers.retry.maxAttempts=1..10:10",
        "--out",
        join(dir, "s"),
      ],
      { stdio: "ignore" },
    );
    const wall = (performance.now() - t1) / 1000;
    const per = wall / (ends * 10);
    out.push({
      name: "fluid.sweep.retryStorm",
      value: wall,
      unit: "s",
      note:
        `${ends * 10}-point sweep on 2 workers, start-up included (${per.toFixed(4)} s per point); ` +
        `10,000 points: ${ends * 10 >= 10000 ? "measured" : `about ${Math.round(per * 10000)} s extrapolated`} (target <= 60 s); ${load()}`,
    });
    if (process.env["FLUID_BENCH_BOUNDARY"] === "1") {
      const t2 = performance.now();
      execFileSync(
        process.execPath,
        [
          "--import",
          "tsx",
          "src/cli/main.ts",
          "boundary",
          "retry-storm",
          "--param",
          "faults.primary-cpu-loss.end=10m1s..10m10s",
          "--workers",
          "2",
          "--format",
          "json",
        ],
        { stdio: "ignore" },
      );
      out.push({
        name: "fluid.boundary.retryStorm",
        value: (performance.now() - t2) / 1000,
        unit: "s",
        note: `stampede boundary retry-storm, full scale, 20 replications, 2 workers (target <= 120 s); ${load()}`,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (failed) {
    process.stderr.write("fluid bench: a full-scale cross-check is outside 15%\n");
    process.exitCode = 1;
  }
  return out;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
