import { cpuUsage } from "node:process";
import { preparedLoader } from "../src/experiments/preparedScenarios.js";
import { loadScenario } from "../src/scenario/loadScenario.js";
import type { BenchResult } from "./BenchResult.js";

const SCENARIO = "aws-us-east-1-2021-12-07";
const POINTS = 30;

/** CPU milliseconds per call of `f` over `POINTS` distinct points (after 3 untimed calls). */
function cpuPerPoint(f: (point: number) => unknown): number {
  for (let i = 0; i < 3; i++) f(1000 + i);
  const before = cpuUsage();
  for (let i = 0; i < POINTS; i++) f(i);
  const used = cpuUsage(before);
  return (used.user + used.system) / 1000 / POINTS;
}

/**
 * The per-point cost of loading a sweep point of the 2021 scenario at scale 0.1: the old path (read, parse, validate
 * the base and every variant, apply the point, validate again, scale) against the prepared one (the base parsed and
 * validated once per worker; per point only apply, validate the result, scale). CPU time of this thread.
 */
export async function loadOnceBench(): Promise<BenchResult[]> {
  const set = (i: number) => ({ "fleets.internal-clients.retry.maxAttempts": String(2 + (i % 7)) });
  const old = cpuPerPoint((i) => loadScenario(SCENARIO, { set: set(i), scale: 0.1 }));
  const loader = preparedLoader();
  const once = cpuPerPoint((i) => loader.load(SCENARIO, { set: set(i), scale: 0.1 }));
  return [
    {
      name: "sweep.loadPerPoint.old",
      value: old,
      unit: "ms CPU",
      note: `${SCENARIO}, ${POINTS} distinct points`,
    },
    {
      name: "sweep.loadPerPoint.prepared",
      value: once,
      unit: "ms CPU",
      note: "base validated once per worker",
    },
    { name: "sweep.loadPerPoint.saving", value: old - once, unit: "ms CPU" },
  ];
}
