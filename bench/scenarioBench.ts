import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "./BenchResult.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SCENARIO = "aws-us-east-1-2021-12-07";
const RUNS = 3;

/** One run of the built-in scenario at full scale in a fresh process on the compiled package (what users run). */
function runOnce(): { wall: number; events: number; rssMb: number } {
  const script = `
    const { loadScenario } = await import(${JSON.stringify(`${ROOT}dist/scenario/index.js`)});
    const { runScenario } = await import(${JSON.stringify(`${ROOT}dist/experiments/runScenario.js`)});
    const t0 = performance.now();
    const r = runScenario(loadScenario(${JSON.stringify(SCENARIO)}), { seed: 1 });
    const wall = (performance.now() - t0) / 1000;
    console.log(JSON.stringify({ wall, events: r.summary.events, rssMb: process.resourceUsage().maxRSS / 1024 }));
  `;
  const out = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`scenario run failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split("\n").at(-1)!) as { wall: number; events: number; rssMb: number };
}

/**
 * The 2021 scenario at full scale (10,000 clients, 10 simulated hours), seed 1: wall time of the run (median of 3
 * fresh processes), events per second, peak resident memory. Needs the build (`npm run build`; `npm ci` runs it).
 */
export async function scenarioBench(): Promise<BenchResult[]> {
  if (!existsSync(`${ROOT}dist/experiments/runScenario.js`))
    throw new Error("no dist/: run `npm run build` first");
  const runs = Array.from({ length: RUNS }, runOnce).sort((a, b) => a.wall - b.wall);
  const mid = runs[Math.floor(RUNS / 2)]!;
  const walls = runs.map((r) => r.wall.toFixed(1)).join(" ");
  return [
    {
      name: "scenario.aws-2021.wall",
      value: mid.wall,
      unit: "s",
      note: `10,000 clients, 10 h simulated, ${(mid.events / 1e6).toFixed(1)}M events; runs ${walls} s (target <= 30 s)`,
    },
    { name: "scenario.aws-2021.rate", value: mid.events / mid.wall, unit: "events/s" },
    {
      name: "scenario.aws-2021.rss",
      value: Math.max(...runs.map((r) => r.rssMb)),
      unit: "MB",
      note: "peak RSS (target < 1 GB)",
    },
  ];
}
