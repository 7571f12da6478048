// One fresh process of bench/fluidPairs.ts: imports a build (argv[2], a dist/ folder), runs the 2021 scenario at
// --scale 1000 on the fluid engine `warm` times to warm up, then `runs` times measured; prints one JSON line with the
// wall and CPU seconds of each measured run. Plain JavaScript so that both builds are loaded the same way.
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const dist = resolve(process.argv[2] ?? "dist");
const warm = Number(process.argv[3] ?? 2);
const runs = Number(process.argv[4] ?? 3);
const url = (p) => pathToFileURL(`${dist}/${p}`).href;
const { runScenario } = await import(url("experiments/runScenario.js"));
const { loadScenario } = await import(url("scenario/loadScenario.js"));
const scenario = loadScenario("aws-us-east-1-2021-12-07", { scale: 1000 });
for (let i = 0; i < warm; i++) runScenario(scenario, { seed: 1, engine: "fluid" });
const wall = [];
const cpu = [];
for (let i = 0; i < runs; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  runScenario(scenario, { seed: 1, engine: "fluid" });
  wall.push((performance.now() - t0) / 1000);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1e6);
}
process.stdout.write(`${JSON.stringify({ wall, cpu })}\n`);
